// The Engine's API: trigger conditions, limits, cancel, resubmit, events, commit policies.
import { describe, expect, it } from "vitest";
import type { ConnectorOutcome } from "./connector-runtime";
import { EngineError } from "./errors";
import { DEFAULT_LIMITS } from "./limits";
import { definition, FLOW, runFlow, statuses, step, testEngine } from "./testing";
import { evaluateTriggerConditions, splitTriggerOutputs } from "./trigger-conditions";

function started(options: Parameters<typeof testEngine>[0] = {}) {
  const t = testEngine(options);
  t.engine.start();
  return t;
}

describe("trigger conditions", () => {
  const def = definition(
    { A: { type: "Compose", inputs: 1, runAfter: {} } },
    {
      triggers: {
        When_a_record_changes: {
          type: "OpenApiConnection",
          inputs: { host: { apiId: "shared_dynamicssmbsaas", operationId: "onupdateditem" } },
          conditions: [
            { expression: "@greater(triggerBody()?['amount'], 10000)" },
            { expression: "@equals(triggerBody()?['status'], 'Open')" },
          ],
        },
      },
    },
  );

  it("are true only when every expression is true", () => {
    expect(evaluateTriggerConditions(def, { body: { amount: 20000, status: "Open" } })).toEqual({ ok: true });
    expect(evaluateTriggerConditions(def, { body: { amount: 20000, status: "Released" } })).toMatchObject({
      ok: false,
      condition: "@equals(triggerBody()?['status'], 'Open')",
    });
    expect(evaluateTriggerConditions(def, { body: {} })).toMatchObject({ ok: false });
    expect(evaluateTriggerConditions(definition({}), { body: {} })).toEqual({ ok: true });
  });

  it("when one is false, startRun creates no run", () => {
    const t = started();
    const result = t.engine.startRun({
      flow: FLOW,
      mode: "published",
      definition: def,
      triggerOutputs: { body: { amount: 5 } },
    });
    expect(result).toMatchObject({ started: false, runId: null, reason: "trigger-conditions" });
    expect(t.engine.listRuns().runs).toEqual([]);
    const forced = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: def,
      triggerOutputs: { body: { amount: 5 } },
      checkTriggerConditions: false,
    });
    expect(forced.started).toBe(true);
  });
});

describe("trigger splitOn", () => {
  const withSplit = (splitOn: string) =>
    definition(
      { A: { type: "Compose", inputs: "@triggerBody()?['subject']", runAfter: {} } },
      { triggers: { mail: { type: "OpenApiConnectionNotification", inputs: {}, splitOn } } },
    );
  const batch = {
    headers: { "x-ms-event": "mail.delivered" },
    body: { value: [{ subject: "One" }, { subject: "Two" }] },
  };

  it("gives one set of outputs per item, the item as the body beside the firing's headers", () => {
    expect(splitTriggerOutputs(withSplit("@triggerOutputs()?['body/value']"), batch)).toEqual({
      ok: true,
      outputs: [
        { headers: { "x-ms-event": "mail.delivered" }, body: { subject: "One" } },
        { headers: { "x-ms-event": "mail.delivered" }, body: { subject: "Two" } },
      ],
    });
    // The corpus' form of the same expression.
    expect(splitTriggerOutputs(withSplit("@triggerBody()?['value']"), batch)).toMatchObject({
      ok: true,
      outputs: [{ body: { subject: "One" } }, { body: { subject: "Two" } }],
    });
    expect(splitTriggerOutputs(withSplit("@triggerBody()?['value']"), { body: { value: [] } })).toEqual({
      ok: true,
      outputs: [],
    });
  });

  it("leaves the outputs whole without splitOn", () => {
    expect(splitTriggerOutputs(definition({}), batch)).toEqual({ ok: true, outputs: [batch] });
  });

  it("says why when the expression does not give an array or does not evaluate", () => {
    expect(splitTriggerOutputs(withSplit("@triggerBody()?['missing']"), batch)).toEqual({
      ok: false,
      message: "The trigger's splitOn '@triggerBody()?['missing']' must give an array, but gave null.",
    });
    const broken = splitTriggerOutputs(withSplit("@triggerBody(?['value']"), batch);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.message).toMatch(
      /^The trigger's splitOn '@triggerBody\(\?\['value'\]' could not be evaluated: /,
    );
  });
});

describe("starting runs", () => {
  it("a run started in a transaction that rolls back does not exist and sends no event", async () => {
    const t = started();
    expect(() =>
      t.db.transaction(() => {
        t.engine.startRun({
          flow: FLOW,
          mode: "test",
          definition: definition({ A: { type: "Compose", inputs: 1, runAfter: {} } }),
          triggerOutputs: {},
        });
        throw new Error("the caller's transaction failed");
      })(),
    ).toThrow("failed");
    await t.engine.idle();
    expect(t.engine.listRuns().runs).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it("startRuns commits several run rows together", async () => {
    const t = started();
    const before = t.engine.stats().commits;
    const results = t.engine.startRuns(
      [1, 2, 3].map((n) => ({
        flow: FLOW,
        mode: "test" as const,
        definition: definition({ A: { type: "Compose", inputs: n, runAfter: {} } }),
        triggerOutputs: {},
      })),
    );
    expect(results.every((r) => r.started)).toBe(true);
    expect(t.engine.stats().commits - before).toBe(1);
    await t.engine.idle();
    expect(t.engine.listRuns({ status: "Succeeded" }).runs).toHaveLength(3);
  });

  it("startRuns whose batch fails part-way starts none of its runs, in its own transaction or a caller's", async () => {
    const t = started();
    const args = (inputs: unknown) => ({
      flow: FLOW,
      mode: "test" as const,
      definition: definition({ A: { type: "Compose", inputs: 1, runAfter: {} } }),
      triggerOutputs: { body: inputs as never },
    });
    const tooLarge = "x".repeat(DEFAULT_LIMITS.maxPayloadChars + 1);
    expect(() => t.engine.startRuns([args(1), args(2), args(tooLarge)])).toThrow(/more than/);
    expect(() =>
      t.db.transaction(() => {
        t.engine.startRuns([args(3), args(4)]);
        throw new Error("the caller's transaction failed");
      })(),
    ).toThrow("failed");
    await t.engine.idle();
    expect(t.engine.listRuns().runs).toEqual([]);
    expect(t.events).toEqual([]);
  });

  it("a run cancelled before it began never starts", async () => {
    const t = started();
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({ A: { type: "Compose", inputs: 1, runAfter: {} } }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    expect(t.engine.cancelRun(s.runId)).toBe(true);
    await t.engine.idle();
    const run = t.engine.getRun(s.runId);
    expect(run?.status).toBe("Cancelled");
    expect(run?.steps).toEqual([]);
    expect(t.events.map((e) => e.event)).toEqual(["run.finished"]);
  });
});

describe("cancelling a waiting run", () => {
  it("lets go of its timers: the clock's next wait is the next live one", async () => {
    const t = started();
    const wait = (days: number) =>
      definition({
        Delay: { type: "Wait", inputs: { interval: { count: days, unit: "Day" } }, runAfter: {} },
      });
    const soon = t.engine.startRun({ flow: FLOW, mode: "test", definition: wait(2), triggerOutputs: {} });
    const later = t.engine.startRun({ flow: FLOW, mode: "test", definition: wait(5), triggerOutputs: {} });
    if (!soon.started || !later.started) throw new Error();
    await t.engine.idle();
    const start = t.clock.now();
    expect(t.clock.nextTimerAt()).toBe(start + 2 * 86_400_000);

    expect(t.engine.cancelRun(soon.runId)).toBe(true);
    expect(t.clock.nextTimerAt()).toBe(start + 5 * 86_400_000);
    expect(t.engine.cancelRun(later.runId)).toBe(true);
    // Only run deadlines of live runs may remain; both runs ended, so nothing is due.
    expect(t.clock.nextTimerAt()).toBeUndefined();
  });
});

describe("limits", () => {
  it("stops a run that starts more steps than allowed, naming the step", async () => {
    const t = started({ limits: { maxStepsPerRun: 25 } });
    const run = await runFlow(t, {
      Loop: {
        type: "Foreach",
        foreach: "@range(0, 100)",
        actions: { Work: { type: "Compose", inputs: "@item()", runAfter: {} } },
        runAfter: {},
      },
    });
    expect(run.status).toBe("Failed");
    expect(run.error?.code).toBe("StepLimitExceeded");
    expect(run.error?.message).toMatch(/stopped at step 'Work': it had started 25 steps/);
    expect(step(run, "Loop").status).toBe("Cancelled");
  });

  it("refuses a Foreach over more items than allowed", async () => {
    const t = started({ limits: { maxForeachItems: 10 } });
    const run = await runFlow(t, {
      Loop: { type: "Foreach", foreach: "@range(0, 11)", actions: {}, runAfter: {} },
    });
    expect(step(run, "Loop").error).toEqual({
      code: "ForeachItemLimitExceeded",
      message: "The 'foreach' of 'Loop' has 11 items; a Foreach may go over at most 10.",
    });
  });

  it("refuses a value bigger than the payload limit, naming the step", async () => {
    const t = started({ limits: { maxPayloadChars: 1000 } });
    const run = await runFlow(t, {
      Big: { type: "Compose", inputs: "@concat(string(range(0, 400)))", runAfter: {} },
      Small: { type: "Compose", inputs: "fine", runAfter: {} },
      Init: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "s", type: "string", value: "" }] },
        runAfter: {},
      },
      Grow: {
        type: "Until",
        expression: false,
        limit: { count: 50 },
        actions: {
          Append: {
            type: "AppendToStringVariable",
            inputs: { name: "s", value: "@{range(0, 10)}" },
            runAfter: {},
          },
        },
        runAfter: { Init: ["Succeeded"] },
      },
    });
    expect(step(run, "Big").error?.code).toBe("PayloadTooLarge");
    expect(step(run, "Big").error?.message).toMatch(
      /^The inputs of step 'Big' are 1\.\d KB, more than the 1000 bytes a value may hold\.$/,
    );
    expect(step(run, "Small").status).toBe("Succeeded");
    expect(run.steps.some((s) => s.action === "Append" && s.error?.code === "PayloadTooLarge")).toBe(true);
    expect(() =>
      t.engine.startRun({
        flow: FLOW,
        mode: "test",
        definition: definition({}),
        triggerOutputs: { body: "x".repeat(2000) },
      }),
    ).toThrow(EngineError);
  });

  it("fails a run still waiting 30 days after its start", async () => {
    const t = started();
    t.runtime.on("StartAndWaitForAnApproval", () => ({
      kind: "waiting",
      token: "never",
      description: "Waiting",
    }));
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Approve: {
          type: "OpenApiConnectionWebhook",
          inputs: {
            host: { apiId: "shared_approvals", operationId: "StartAndWaitForAnApproval" },
            parameters: {},
          },
          runAfter: {},
        },
      }),
      triggerOutputs: {},
    });
    await t.engine.idle();
    await t.advanceBy(29 * 86400_000);
    expect(s.started && t.engine.getRunSummary(s.runId)?.status).toBe("Waiting");
    await t.advanceBy(2 * 86400_000);
    const run = s.started ? t.engine.getRun(s.runId) : undefined;
    expect(run?.status).toBe("Failed");
    expect(run?.error?.code).toBe("RunDurationLimitExceeded");
    expect(run && step(run, "Approve").status).toBe("TimedOut");
  });
});

describe("cancel and resubmit", () => {
  it("cancels a running run: steps in flight become Cancelled and nothing else runs", async () => {
    const t = started();
    let release: ((o: ConnectorOutcome) => void) | undefined;
    t.runtime.on(
      "Slow",
      () =>
        new Promise<ConnectorOutcome>((resolve) => {
          release = resolve;
        }),
    );
    const s = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: definition({
        Scope: {
          type: "Scope",
          actions: {
            Slow: {
              type: "OpenApiConnection",
              inputs: { host: { apiId: "shared_test", operationId: "Slow" }, parameters: {} },
              runAfter: {},
            },
          },
          runAfter: {},
        },
        After: { type: "Compose", inputs: 1, runAfter: { Scope: ["Succeeded", "Failed", "Cancelled"] } },
      }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await new Promise((r) => setTimeout(r, 5));
    expect(t.engine.cancelRun(s.runId)).toBe(true);
    release?.({ kind: "succeeded", statusCode: 200, body: 1 });
    await t.engine.idle();
    const run = t.engine.getRun(s.runId);
    expect(run?.status).toBe("Cancelled");
    expect(run && statuses(run)).toEqual({ Scope: "Cancelled", Slow: "Cancelled" });
    expect(t.engine.cancelRun(s.runId)).toBe(false);
    expect(t.engine.cancelRun("no-such-run")).toBe(false);
  });

  it("resubmits a run: same definition snapshot and trigger outputs, linked to the original", async () => {
    const t = started();
    const def = definition({ A: { type: "Compose", inputs: "@triggerBody()?['x']", runAfter: {} } });
    const original = await runFlow(t, def, { x: "first" });
    // Changing the caller's object afterwards does not change the snapshot.
    const a = (def.actions as Record<string, { inputs: string }>).A;
    if (a) a.inputs = "changed";
    const again = t.engine.resubmit(original.id);
    if (!again.started) throw new Error();
    await t.engine.idle();
    const run = t.engine.getRun(again.runId);
    expect(run?.resubmittedFrom).toBe(original.id);
    expect(run && step(run, "A").outputs).toBe("first");
    expect(run?.definition).toEqual(original.definition);
    expect(() => t.engine.resubmit("missing")).toThrow("no run 'missing'");
  });

  it("resubmits several runs in one commit; a missing one is reported and the others start", async () => {
    const t = started();
    const def = definition({ A: { type: "Compose", inputs: "@triggerBody()?['x']", runAfter: {} } });
    const first = await runFlow(t, def, { x: "one" });
    const second = await runFlow(t, def, { x: "two" });
    const commits = t.engine.stats().commits;
    const results = t.engine.resubmitMany([first.id, "missing", second.id, first.id]);
    expect(t.engine.stats().commits - commits).toBe(1);
    expect(results.map((r) => ("runId" in r ? r.from : `${r.from}: ${r.message}`))).toEqual([
      first.id,
      second.id,
      "missing: There is no run 'missing' to resubmit.",
    ]);
    await t.engine.idle();
    const outputs = results.flatMap((r) => ("runId" in r ? [t.engine.getRun(r.runId)] : []));
    expect(outputs.map((run) => run && [run.resubmittedFrom, step(run, "A").outputs])).toEqual([
      [first.id, "one"],
      [second.id, "two"],
    ]);
  });
});

describe("events", () => {
  it("tell the canvas what happens, in order, after it is committed", async () => {
    const t = started();
    t.runtime.on("Ask", () => ({ kind: "waiting", token: "ev", description: "Waiting for Bo" }));
    const s = t.engine.startRun({
      flow: { id: "f", name: "F", version: 3 },
      mode: "published",
      definition: definition({
        Loop: {
          type: "Foreach",
          foreach: "@createArray(1)",
          actions: {
            Ask: {
              type: "OpenApiConnectionWebhook",
              inputs: { host: { apiId: "shared_approvals", operationId: "Ask" }, parameters: {} },
              runAfter: {},
            },
          },
          runAfter: {},
        },
      }),
      triggerOutputs: {},
    });
    if (!s.started) throw new Error();
    await t.engine.idle();
    t.engine.deliver("ev", { kind: "succeeded", statusCode: 200, body: {} });
    await t.engine.idle();
    const brief = t.events.map((e) =>
      e.event === "run.step"
        ? `${e.event} ${e.payload.path} ${e.payload.status}`
        : e.event === "run.waiting"
          ? `${e.event} ${e.payload.path} ${e.payload.kind}`
          : `${e.event} ${"status" in e.payload ? e.payload.status : ""}`.trim(),
    );
    expect(brief).toEqual([
      "run.started",
      "run.step Loop Running",
      "run.step Loop[0]/Ask Running",
      "run.step Loop[0]/Ask Waiting",
      "run.waiting Loop[0]/Ask approval",
      "run.step Loop[0]/Ask Succeeded",
      "run.step Loop Succeeded",
      "run.finished Succeeded",
    ]);
    expect(t.events[0]).toEqual({
      event: "run.started",
      payload: {
        runId: s.runId,
        flowId: "f",
        flowName: "F",
        flowVersion: 3,
        mode: "published",
        triggerName: "manual",
        startedAt: new Date(t.clock.now()).toISOString(),
        resubmittedFrom: null,
      },
    });
    const finished = t.events.at(-1);
    expect(finished).toMatchObject({
      event: "run.finished",
      payload: {
        runId: s.runId,
        flowId: "f",
        flowName: "F",
        mode: "published",
        status: "Succeeded",
        error: null,
      },
    });
    const askDone = t.events.find((e) => e.event === "run.step" && e.payload.status === "Succeeded");
    expect(askDone?.payload).toMatchObject({
      runId: s.runId,
      flowId: "f",
      action: "Ask",
      iteration: "Loop[0]",
      attempt: 1,
    });
  });
});

describe("commit policies", () => {
  const chain = {
    A: { type: "Compose", inputs: 1, runAfter: {} },
    B: { type: "Compose", inputs: 2, runAfter: { A: ["Succeeded"] } },
    C: { type: "Compose", inputs: 3, runAfter: { B: ["Succeeded"] } },
  };

  it("'step' commits once per step, with the same results", async () => {
    const t = started({ commit: "step" });
    const run = await runFlow(t, chain);
    expect(statuses(run)).toEqual({ A: "Succeeded", B: "Succeeded", C: "Succeeded" });
    // The run row, one per step, the run's end.
    expect(t.engine.stats().commits).toBe(5);
  });

  it("'batch' lets the steps of one turn share a commit", async () => {
    const t = started();
    const run = await runFlow(t, chain);
    expect(statuses(run)).toEqual({ A: "Succeeded", B: "Succeeded", C: "Succeeded" });
    expect(t.engine.stats().commits).toBe(2);
  });
});

describe("start and stop", () => {
  it("refuses to run before start() and after stop()", () => {
    const t = testEngine();
    expect(() =>
      t.engine.startRun({ flow: FLOW, mode: "test", definition: definition({}), triggerOutputs: {} }),
    ).toThrow("start()");
    t.engine.start();
    expect(() => t.engine.start()).toThrow("already been started");
    t.engine.stop();
    expect(() =>
      t.engine.startRun({ flow: FLOW, mode: "test", definition: definition({}), triggerOutputs: {} }),
    ).toThrow("stopped");
  });
});
