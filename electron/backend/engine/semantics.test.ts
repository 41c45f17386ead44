// Run-after and status rules of WDL: order, parallel branches, skipping, scopes, try/catch.
import { describe, expect, it } from "vitest";
import type { WdlActions } from "../../../shared/flow";
import { delay, runFlow, statuses, step, testEngine } from "./testing";

const fail = (runAfter: Record<string, string[]> = {}) => ({
  type: "Compose",
  inputs: "@div(1, 0)",
  runAfter,
});
const ok = (runAfter: Record<string, string[]> = {}, inputs: string = "ok") => ({
  type: "Compose",
  inputs,
  runAfter,
});

function started() {
  const t = testEngine();
  t.engine.start();
  return t;
}

describe("run-after", () => {
  it("starts an action when its predecessors have finished, in order", async () => {
    const t = started();
    const run = await runFlow(t, {
      Third: ok({ Second: ["Succeeded"] }, "@concat(outputs('Second'), '3')"),
      First: ok({}, "1"),
      Second: ok({ First: ["Succeeded"] }, "@concat(outputs('First'), '2')"),
    });
    expect(step(run, "Third").outputs).toBe("123");
    const order = [...run.steps].sort((a, b) => a.seq - b.seq).map((s) => s.action);
    expect(order).toEqual(["First", "Second", "Third"]);
    expect(run.status).toBe("Succeeded");
  });

  it("runs parallel branches at the same time and joins them", async () => {
    const t = started();
    let inFlight = 0;
    let most = 0;
    t.runtime.on("Slow", async (call) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await delay(20);
      inFlight--;
      return { kind: "succeeded", statusCode: 200, body: call.actionName };
    });
    const slow = (runAfter: Record<string, string[]>) => ({
      type: "OpenApiConnection",
      inputs: {
        host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_test", operationId: "Slow" },
        parameters: {},
      },
      runAfter,
    });
    const run = await runFlow(t, {
      Start: ok(),
      Left: slow({ Start: ["Succeeded"] }),
      Right: slow({ Start: ["Succeeded"] }),
      Middle: slow({ Start: ["Succeeded"] }),
      Join: ok({ Left: ["Succeeded"], Right: ["Succeeded"], Middle: ["Succeeded"] }, "@body('Right')"),
    });
    expect(most).toBe(3);
    expect(step(run, "Join").outputs).toBe("Right");
    const join = step(run, "Join");
    for (const branch of ["Left", "Right", "Middle"]) {
      expect(Date.parse(join.startedAt)).toBeGreaterThanOrEqual(Date.parse(step(run, branch).endedAt ?? ""));
    }
  });

  it("skips the followers of a failed step, and skipping propagates", async () => {
    const t = started();
    const run = await runFlow(t, {
      Broken: fail(),
      Next: ok({ Broken: ["Succeeded"] }),
      AfterNext: ok({ Next: ["Succeeded"] }),
    });
    expect(statuses(run)).toEqual({ Broken: "Failed", Next: "Skipped", AfterNext: "Skipped" });
    expect(step(run, "Broken").error?.code).toBe("InvalidTemplate");
    expect(step(run, "Next").error?.message).toContain(
      "Expected status values 'Succeeded' and actual value 'Failed'",
    );
    expect(run.status).toBe("Failed");
    expect(run.error).toEqual({
      code: "ActionFailed",
      message: "An action failed. No dependent actions succeeded.",
    });
  });

  it("runs a follower whose run-after accepts Failed, Skipped or TimedOut (any letter case)", async () => {
    const t = started();
    const run = await runFlow(t, {
      Broken: fail(),
      OnFailure: ok({ Broken: ["FAILED"] }),
      NeverRuns: ok({ Broken: ["Succeeded"] }),
      OnSkip: ok({ NeverRuns: ["skipped"] }),
      Always: ok({ OnSkip: ["Succeeded", "Failed", "Skipped", "TimedOut"] }),
    });
    expect(statuses(run)).toEqual({
      Broken: "Failed",
      OnFailure: "Succeeded",
      NeverRuns: "Skipped",
      OnSkip: "Succeeded",
      Always: "Succeeded",
    });
  });

  it("waits for every predecessor and skips when one of them has a status it does not accept", async () => {
    const t = started();
    const run = await runFlow(t, {
      A: ok(),
      B: fail(),
      Both: ok({ A: ["Succeeded"], B: ["Succeeded"] }),
      Either: ok({ A: ["Succeeded"], B: ["Failed"] }),
    });
    expect(statuses(run)).toMatchObject({ Both: "Skipped", Either: "Succeeded" });
  });

  it("an empty run-after list means Succeeded", async () => {
    const t = started();
    const run = await runFlow(t, { A: fail(), B: ok({ A: [] }) });
    expect(statuses(run)).toMatchObject({ B: "Skipped" });
  });

  it("does not hang on a run-after cycle: the actions in it are skipped and the run fails", async () => {
    const t = started();
    const run = await runFlow(t, { A: ok({ B: ["Succeeded"] }), B: ok({ A: ["Succeeded"] }), C: ok() });
    expect(statuses(run)).toEqual({ A: "Skipped", B: "Skipped", C: "Succeeded" });
    expect(step(run, "A").error?.code).toBe("RunAfterCycle");
    expect(run.status).toBe("Failed");
  });
});

describe("scope status (Logic Apps rules: the terminal actions decide)", () => {
  const scope = (actions: WdlActions, runAfter: Record<string, string[]> = {}) => ({
    type: "Scope",
    actions,
    runAfter,
  });

  it("a scope whose contents succeed succeeds; an empty scope succeeds", async () => {
    const t = started();
    const run = await runFlow(t, { S: scope({ A: ok() }), Empty: scope({}) });
    expect(statuses(run)).toEqual({ S: "Succeeded", A: "Succeeded", Empty: "Succeeded" });
  });

  it("a failure a follower handled does not fail the scope", async () => {
    const t = started();
    const run = await runFlow(t, {
      S: scope({ Broken: fail(), Handle: ok({ Broken: ["Failed"] }) }),
    });
    expect(statuses(run)).toMatchObject({ Broken: "Failed", Handle: "Succeeded", S: "Succeeded" });
    expect(run.status).toBe("Succeeded");
  });

  it("a terminal action skipped because of a failure fails the scope", async () => {
    const t = started();
    const run = await runFlow(t, {
      S: scope({ Broken: fail(), Next: ok({ Broken: ["Succeeded"] }) }),
      After: ok({ S: ["Succeeded"] }),
      Catch: ok({ S: ["Failed"] }),
    });
    expect(statuses(run)).toMatchObject({
      Next: "Skipped",
      S: "Failed",
      After: "Skipped",
      Catch: "Succeeded",
    });
    expect(step(run, "S").error?.code).toBe("ActionFailed");
    // The Catch handled it; the run's terminals are After (skipped by the failure) and Catch.
    expect(run.status).toBe("Failed");
  });

  it("a terminal action skipped because its predecessor succeeded does not fail the scope", async () => {
    const t = started();
    const run = await runFlow(t, {
      S: scope({ Work: ok(), OnError: ok({ Work: ["Failed"] }) }),
    });
    expect(statuses(run)).toMatchObject({ Work: "Succeeded", OnError: "Skipped", S: "Succeeded" });
    expect(run.status).toBe("Succeeded");
  });

  it("try / catch / finally with result('Try') in the catch", async () => {
    const t = started();
    const run = await runFlow(t, {
      Try: scope({ Works: ok({}, "fine"), Breaks: fail({ Works: ["Succeeded"] }) }),
      Catch: scope(
        {
          Failures: {
            type: "Query",
            inputs: { from: "@result('Try')", where: "@equals(item()?['status'], 'Failed')" },
            runAfter: {},
          },
          Report: ok(
            { Failures: ["Succeeded"] },
            "@{length(body('Failures'))} failed: @{body('Failures')?[0]?['name']}",
          ),
        },
        { Try: ["Failed", "TimedOut"] },
      ),
      Finally: scope({ Done: ok() }, { Catch: ["Succeeded", "Failed", "Skipped", "TimedOut"] }),
    });
    expect(statuses(run)).toMatchObject({ Try: "Failed", Catch: "Succeeded", Finally: "Succeeded" });
    expect(step(run, "Report").outputs).toBe("1 failed: Breaks");
    const results = step(run, "Failures").inputs as {
      from: { name: string; status: string; error?: unknown }[];
    };
    expect(results.from.map((r) => [r.name, r.status])).toEqual([
      ["Works", "Succeeded"],
      ["Breaks", "Failed"],
    ]);
    expect(results.from[1]?.error).toMatchObject({ code: "InvalidTemplate" });
    expect(run.status).toBe("Succeeded");
  });

  it("actions inside a skipped scope are skipped too", async () => {
    const t = started();
    const run = await runFlow(t, { Broken: fail(), S: scope({ Inner: ok() }, { Broken: ["Succeeded"] }) });
    expect(statuses(run)).toMatchObject({ S: "Skipped", Inner: "Skipped" });
  });
});
