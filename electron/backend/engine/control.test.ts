// If, Switch, Foreach, Until, Terminate and Wait.
import { describe, expect, it } from "vitest";
import { switchCaseMatches } from "./steps/control";
import { definition, delay, FLOW, runFlow, statuses, step, testEngine } from "./testing";

function started() {
  const t = testEngine();
  t.engine.start();
  return t;
}

const compose = (inputs: unknown, runAfter: Record<string, string[]> = {}) => ({
  type: "Compose",
  inputs: inputs as string,
  runAfter,
});

/**
 * Runs a Foreach over `items` whose body is one connector call lasting `ms`, with the loop's own
 * settings, and returns the most calls that were in flight at once.
 */
async function mostAtOnce(items: number, ms: number, settings: Record<string, unknown>): Promise<number> {
  const t = started();
  let inFlight = 0;
  let most = 0;
  t.runtime.on("Work", async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await delay(ms);
    inFlight--;
    return { kind: "succeeded", statusCode: 200, body: null };
  });
  await runFlow(t, {
    Loop: {
      type: "Foreach",
      foreach: `@range(0, ${items})`,
      ...settings,
      actions: {
        Work: {
          type: "OpenApiConnection",
          inputs: { host: { apiId: "shared_test", operationId: "Work" }, parameters: {} },
          runAfter: {},
        },
      },
      runAfter: {},
    },
  });
  return most;
}

describe("If", () => {
  it("takes the yes branch on a true expression and skips the other branch's actions", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Condition: {
          type: "If",
          expression: "@greater(triggerBody()?['amount'], 1000)",
          actions: { Big: compose("big") },
          else: { actions: { Small: compose("small"), AfterSmall: compose("x", { Small: ["Succeeded"] }) } },
          runAfter: {},
        },
      },
      { amount: 5000 },
    );
    expect(statuses(run)).toEqual({
      Condition: "Succeeded",
      Big: "Succeeded",
      Small: "Skipped",
      AfterSmall: "Skipped",
    });
    expect(step(run, "Small").error?.code).toBe("ActionBranchingConditionNotSatisfied");
    expect(step(run, "Condition").outputs).toEqual({ expression: true });
  });

  it("reads the condition-builder form and takes else when it is false", async () => {
    const t = started();
    const run = await runFlow(
      t,
      {
        Condition: {
          type: "If",
          expression: {
            and: [
              { equals: ["@triggerBody()?['status']", "Open"] },
              { not: { equals: ["@triggerBody()?['n']", 3] } },
            ],
          },
          actions: { Yes: compose("y") },
          else: { actions: { No: compose("n") } },
          runAfter: {},
        },
      },
      { status: "Open", n: 3 },
    );
    expect(statuses(run)).toMatchObject({ Yes: "Skipped", No: "Succeeded" });
  });

  it("fails when the condition is not a boolean, and the If takes the status of its branch", async () => {
    const t = started();
    const bad = await runFlow(
      t,
      { C: { type: "If", expression: "@triggerBody()", actions: {}, runAfter: {} } },
      {},
    );
    expect(step(bad, "C").status).toBe("Failed");
    expect(step(bad, "C").error?.message).toContain("boolean");
    const failing = await runFlow(t, {
      C: { type: "If", expression: true, actions: { Boom: compose("@div(1,0)") }, runAfter: {} },
    });
    expect(statuses(failing)).toMatchObject({ C: "Failed", Boom: "Failed" });
  });
});

describe("Switch", () => {
  const flow = {
    Switch: {
      type: "Switch",
      expression: "@triggerBody()?['value']",
      cases: {
        Case_open: { case: "Open", actions: { OnOpen: compose("open") } },
        Case_two: { case: 2, actions: { OnTwo: compose("two") } },
      },
      default: { actions: { OnDefault: compose("default") } },
      runAfter: {},
    },
  };

  it("runs the case whose value matches exactly (strings are case-sensitive)", async () => {
    const t = started();
    const open = await runFlow(t, flow, { value: "Open" });
    expect(statuses(open)).toEqual({
      Switch: "Succeeded",
      OnOpen: "Succeeded",
      OnTwo: "Skipped",
      OnDefault: "Skipped",
    });
    const lower = await runFlow(t, flow, { value: "open" });
    expect(statuses(lower)).toMatchObject({ OnOpen: "Skipped", OnDefault: "Succeeded" });
  });

  it("compares numbers by value, a numeric string matching the same number", async () => {
    const t = started();
    expect(statuses(await runFlow(t, flow, { value: 2 }))).toMatchObject({ OnTwo: "Succeeded" });
    expect(statuses(await runFlow(t, flow, { value: "2" }))).toMatchObject({ OnTwo: "Succeeded" });
    expect(switchCaseMatches(2, 2.0)).toBe(true);
    expect(switchCaseMatches("2", 2)).toBe(true);
    expect(switchCaseMatches("", 0)).toBe(false);
    expect(switchCaseMatches("A", "a")).toBe(false);
  });

  it("fails when the expression is not a string or a number", async () => {
    const t = started();
    const run = await runFlow(t, flow, { value: { a: 1 } });
    expect(step(run, "Switch").error?.code).toBe("InvalidSwitchValue");
  });
});

describe("Foreach", () => {
  it("goes over the items one at a time by default, with items() and item()", async () => {
    const t = started();
    const order: string[] = [];
    t.runtime.on("Note", async (call) => {
      order.push(`start ${String(call.parameters.name)}`);
      await delay(2);
      order.push(`end ${String(call.parameters.name)}`);
      return { kind: "succeeded", statusCode: 200, body: null };
    });
    const run = await runFlow(
      t,
      {
        Loop: {
          type: "Foreach",
          foreach: "@triggerBody()?['people']",
          actions: {
            Greet: compose("Hello @{items('Loop')?['name']} (@{item()?['name']})"),
            Note: {
              type: "OpenApiConnection",
              inputs: {
                host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_test", operationId: "Note" },
                parameters: { name: "@items('Loop')?['name']" },
              },
              runAfter: { Greet: ["Succeeded"] },
            },
          },
          runAfter: {},
        },
      },
      { people: [{ name: "Ana" }, { name: "Bo" }, { name: "Cy" }] },
    );
    expect(order).toEqual(["start Ana", "end Ana", "start Bo", "end Bo", "start Cy", "end Cy"]);
    expect(step(run, "Loop[1]/Greet").outputs).toBe("Hello Bo (Bo)");
    expect(run.iterations.map((i) => [i.loop, i.index, i.status])).toEqual([
      ["Loop", 0, "Succeeded"],
      ["Loop", 1, "Succeeded"],
      ["Loop", 2, "Succeeded"],
    ]);
    expect(step(run, "Loop[2]/Note").iteration).toBe("Loop[2]");
  });

  it("runs up to runtimeConfiguration.concurrency.repetitions iterations at once", async () => {
    const most = await mostAtOnce(12, 5, { runtimeConfiguration: { concurrency: { repetitions: 4 } } });
    expect(most).toBe(4);
  });

  it("operationOptions Sequential runs one at a time whatever the repetitions", async () => {
    const most = await mostAtOnce(5, 2, {
      operationOptions: "Sequential",
      runtimeConfiguration: { concurrency: { repetitions: 4 } },
    });
    expect(most).toBe(1);
  });

  it("finds the result of an action in the current iteration, and in nested loops items() of the outer loop", async () => {
    const t = started();
    const run = await runFlow(t, {
      Outer: {
        type: "Foreach",
        foreach: "@createArray('a', 'b')",
        actions: {
          Inner: {
            type: "Foreach",
            foreach: "@createArray(1, 2)",
            actions: {
              Pair: compose("@{items('Outer')}@{items('Inner')}"),
              Echo: compose("@outputs('Pair')", { Pair: ["Succeeded"] }),
            },
            runAfter: {},
          },
        },
        runAfter: {},
      },
      Last: compose("@outputs('Echo')", { Outer: ["Succeeded"] }),
    });
    expect(step(run, "Outer[1]/Inner[0]/Echo").outputs).toBe("b1");
    expect(step(run, "Outer[0]/Inner[1]/Echo").outputs).toBe("a2");
    // From outside the loop: the latest result.
    expect(step(run, "Last").outputs).toBe("b2");
  });

  it("fails when an iteration fails, after running every iteration; an empty array succeeds", async () => {
    const t = started();
    const run = await runFlow(t, {
      Loop: {
        type: "Foreach",
        foreach: "@createArray(1, 0, 2)",
        actions: { Divide: compose("@div(10, item())") },
        runAfter: {},
      },
    });
    expect(statuses(run)).toMatchObject({
      Loop: "Failed",
      "Loop[0]/Divide": "Succeeded",
      "Loop[1]/Divide": "Failed",
      "Loop[2]/Divide": "Succeeded",
    });
    const empty = await runFlow(t, {
      Loop: { type: "Foreach", foreach: "@createArray()", actions: { X: compose(1) }, runAfter: {} },
    });
    expect(statuses(empty)).toEqual({ Loop: "Succeeded" });
  });

  it("fails when the foreach value is not an array", async () => {
    const t = started();
    const run = await runFlow(
      t,
      { Loop: { type: "Foreach", foreach: "@triggerBody()", actions: {}, runAfter: {} } },
      "text",
    );
    expect(step(run, "Loop").error?.code).toBe("InvalidForeachInput");
  });
});

describe("Until", () => {
  it("runs the body, then evaluates the condition, until it holds", async () => {
    const t = started();
    const run = await runFlow(t, {
      Init: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "n", type: "integer", value: 0 }] },
        runAfter: {},
      },
      Loop: {
        type: "Until",
        expression: "@greaterOrEquals(variables('n'), 3)",
        limit: { count: 10, timeout: "PT1H" },
        actions: {
          Bump: { type: "IncrementVariable", inputs: { name: "n", value: 1 }, runAfter: {} },
          Index: compose("@iterationIndexes('Loop')", { Bump: ["Succeeded"] }),
        },
        runAfter: { Init: ["Succeeded"] },
      },
    });
    expect(run.variables).toEqual({ n: 3 });
    expect(step(run, "Loop[2]/Index").outputs).toBe(2);
    expect(step(run, "Loop").state).toMatchObject({ iterations: 3, stoppedBy: "condition" });
  });

  it("runs the body once even when the condition already holds", async () => {
    const t = started();
    const run = await runFlow(t, {
      Loop: { type: "Until", expression: true, actions: { Once: compose(1) }, runAfter: {} },
    });
    expect(statuses(run)).toEqual({ Loop: "Succeeded", "Loop[0]/Once": "Succeeded" });
  });

  it("stops after limit.count iterations (60 when not written) without failing", async () => {
    const t = started();
    const run = await runFlow(t, {
      Loop: {
        type: "Until",
        expression: false,
        limit: { count: 4 },
        actions: { X: compose(1) },
        runAfter: {},
      },
      Unlimited: { type: "Until", expression: "@equals(1, 2)", actions: { Y: compose(1) }, runAfter: {} },
    });
    expect(step(run, "Loop").state).toMatchObject({ iterations: 4, stoppedBy: "count" });
    expect(step(run, "Loop").status).toBe("Succeeded");
    expect(step(run, "Unlimited").state).toMatchObject({ iterations: 60, stoppedBy: "count" });
  });

  it("stops once limit.timeout has passed (checked between iterations)", async () => {
    const t = started();
    const started0 = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Loop: {
          type: "Until",
          expression: false,
          limit: { count: 100, timeout: "PT1H" },
          actions: {
            Pause: { type: "Wait", inputs: { interval: { count: 25, unit: "Minute" } }, runAfter: {} },
          },
          runAfter: {},
        },
      }),
      triggerOutputs: {},
    });
    if (!started0.started) throw new Error("not started");
    await t.engine.idle();
    await t.advanceBy(4 * 3600_000);
    const run = t.engine.getRun(started0.runId);
    expect(run?.status).toBe("Succeeded");
    expect(run && step(run, "Loop").state).toMatchObject({ iterations: 3, stoppedBy: "timeout" });
  });

  it("refuses a limit.count above 5,000 and a timeout that is not a duration", async () => {
    const t = started();
    const run = await runFlow(t, {
      Big: { type: "Until", expression: true, limit: { count: 5001 }, actions: {}, runAfter: {} },
      BadTimeout: {
        type: "Until",
        expression: true,
        limit: { timeout: "1 hour" },
        actions: {},
        runAfter: {},
      },
    });
    expect(step(run, "Big").error?.code).toBe("UntilLimitExceeded");
    expect(step(run, "Big").error?.message).toContain("at most 5,000 times");
    expect(step(run, "BadTimeout").error?.code).toBe("InvalidUntilLimit");
  });

  it("keeps going after a failed iteration and takes the status of the last one", async () => {
    const t = started();
    const run = await runFlow(t, {
      Init: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "i", type: "integer", value: 0 }] },
        runAfter: {},
      },
      Loop: {
        type: "Until",
        expression: "@equals(variables('i'), 3)",
        actions: {
          Bump: { type: "IncrementVariable", inputs: { name: "i" }, runAfter: {} },
          FailsFirst: compose("@div(1, sub(variables('i'), 1))", { Bump: ["Succeeded"] }),
        },
        runAfter: { Init: ["Succeeded"] },
      },
    });
    expect(statuses(run)).toMatchObject({
      "Loop[0]/FailsFirst": "Failed",
      "Loop[2]/FailsFirst": "Succeeded",
      Loop: "Succeeded",
    });
  });
});

describe("Terminate", () => {
  it("ends the run Failed with its code and message, and cancels steps still running", async () => {
    const t = started();
    t.runtime.on(
      "Slow",
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ kind: "succeeded", statusCode: 200, body: 1 }), 50),
        ),
    );
    const run = await runFlow(t, {
      Slow: {
        type: "OpenApiConnection",
        inputs: { host: { apiId: "shared_test", operationId: "Slow" }, parameters: {} },
        runAfter: {},
      },
      Stop: {
        type: "Terminate",
        inputs: { runStatus: "Failed", runError: { code: "Rejected", message: "The invoice was rejected." } },
        runAfter: {},
      },
      After: compose(1, { Stop: ["Succeeded"] }),
    });
    expect(run.status).toBe("Failed");
    expect(run.error).toEqual({ code: "Rejected", message: "The invoice was rejected." });
    expect(statuses(run)).toEqual({ Slow: "Cancelled", Stop: "Succeeded" });
    await delay(80);
    expect(statuses(t.engine.getRun(run.id) ?? run)).toEqual({ Slow: "Cancelled", Stop: "Succeeded" });
  });

  it("ends the run Succeeded or Cancelled", async () => {
    const t = started();
    const ok = await runFlow(t, {
      Stop: { type: "Terminate", inputs: { runStatus: "Succeeded" }, runAfter: {} },
    });
    expect([ok.status, ok.error]).toEqual(["Succeeded", null]);
    const cancelled = await runFlow(t, {
      Loop: {
        type: "Foreach",
        foreach: "@range(0, 3)",
        actions: { Stop: { type: "Terminate", inputs: { runStatus: "Cancelled" }, runAfter: {} } },
        runAfter: {},
      },
    });
    expect(cancelled.status).toBe("Cancelled");
    expect(statuses(cancelled)).toEqual({ Loop: "Cancelled", "Loop[0]/Stop": "Succeeded" });
  });
});

describe("Wait", () => {
  it("waits durably for an interval on the clock", async () => {
    const t = started();
    const begin = t.clock.now();
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Pause: { type: "Wait", inputs: { interval: { count: 3, unit: "Day" } }, runAfter: {} },
        After: compose("@utcNow()", { Pause: ["Succeeded"] }),
      }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    expect(t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
    expect(t.engine.pendingWaits()).toMatchObject([
      {
        runId: s.runId,
        kind: "delay",
        action: "Pause",
        resumeAt: new Date(begin + 3 * 86400_000).toISOString(),
      },
    ]);
    await t.advanceBy(2 * 86400_000);
    expect(t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
    await t.advanceBy(86400_000);
    const run = t.engine.getRun(s.runId);
    expect(run?.status).toBe("Succeeded");
    expect(Date.parse(String(run && step(run, "After").outputs))).toBe(begin + 3 * 86400_000);
    expect(t.engine.pendingWaits()).toEqual([]);
  });

  it("ends as TimedOut when its timeout passes before the delay, and its followers see it", async () => {
    const t = started();
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Pause: {
          type: "Wait",
          inputs: { interval: { count: 3, unit: "Day" } },
          limit: { timeout: "PT2H" },
          runAfter: {},
        },
        On_time_out: compose("timed out", { Pause: ["TimedOut"] }),
        Short: {
          type: "Wait",
          inputs: { interval: { count: 1, unit: "Hour" } },
          limit: { timeout: "P1D" },
          runAfter: {},
        },
      }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    // The one-hour Wait's timeout of a day cannot come first: only the three-day Wait has one armed.
    expect(t.engine.pendingWaits().map((w) => `${w.action} ${w.kind}`)).toEqual([
      "Pause delay",
      "Pause timeout",
      "Short delay",
    ]);
    await t.advanceBy(3600_000);
    expect(t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
    await t.advanceBy(3600_000);
    const run = t.engine.getRun(s.runId);
    expect(run && statuses(run)).toEqual({ Pause: "TimedOut", On_time_out: "Succeeded", Short: "Succeeded" });
    expect(run && step(run, "Pause").error).toEqual({
      code: "ActionTimedOut",
      message: "The step 'Pause' did not finish within its timeout of PT2H.",
    });
    expect(t.engine.pendingWaits()).toEqual([]);
  });

  it("waits until a timestamp, and not at all for one in the past", async () => {
    const t = started();
    const at = new Date(t.clock.now() + 90 * 60_000).toISOString();
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Future: { type: "Wait", inputs: { until: { timestamp: at } }, runAfter: {} },
        Past: { type: "Wait", inputs: { until: { timestamp: "2001-01-01T00:00:00Z" } }, runAfter: {} },
      }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    const halfway = t.engine.getRun(s.runId);
    expect(halfway && statuses(halfway)).toEqual({ Future: "Waiting", Past: "Succeeded" });
    await t.advanceToNext();
    expect(t.engine.getRunSummary(s.runId)?.status).toBe("Succeeded");
    expect(t.clock.now()).toBe(Date.parse(at));
  });
});
