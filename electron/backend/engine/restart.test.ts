// Durability within one process: stop an engine at chosen moments, open the file again with a new
// engine, and check that runs wait on or continue after their last committed step.
// (crash.test.ts does the same with real processes killed by SIGKILL.)
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { WdlActions } from "../../../shared/flow";
import { VirtualClock } from "../clock";
import type { ConnectorOutcome } from "./connector-runtime";
import {
  definition,
  delay,
  engineTestDatabase,
  FLOW,
  ScriptedRuntime,
  statuses,
  step,
  type TestEngine,
  testEngine,
} from "./testing";

let open: Database[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

function fileEngine(file: string, clock: VirtualClock, runtime = new ScriptedRuntime()): TestEngine {
  const db = engineTestDatabase(file);
  open.push(db);
  return testEngine({ db, clock, runtime });
}

function newFile(): string {
  return join(mkdtempSync(join(tmpdir(), "flowsmith-engine-")), "runs.db");
}

const approval = {
  type: "OpenApiConnectionWebhook",
  inputs: {
    host: { apiId: "shared_approvals", operationId: "StartAndWaitForAnApproval" },
    parameters: { title: "@triggerBody()?['no']" },
  },
  runAfter: { Before: ["Succeeded"] },
};
const connector = (operationId: string, runAfter: Record<string, string[]> = {}) => ({
  type: "OpenApiConnection",
  inputs: { host: { apiId: "shared_test", operationId }, parameters: { who: "@triggerBody()?['no']" } },
  runAfter,
});

function start(t: TestEngine, actions: WdlActions, body: unknown = { no: "PI-1" }): string {
  const s = t.engine.startRun({
    flow: FLOW,
    mode: "test",
    definition: definition(actions),
    triggerOutputs: { body: body as never },
  });
  if (!s.started) throw new Error(s.message);
  return s.runId;
}

/**
 * A run of Before → Approve on a new file, waiting for the approval with this token, and its
 * engine stopped (the database still open, for what the test does with the app closed).
 */
async function waitingForApprovalAtStop(token: string) {
  const file = newFile();
  const clock = new VirtualClock();
  const first = fileEngine(file, clock);
  first.runtime.on("StartAndWaitForAnApproval", () => ({ kind: "waiting", token, description: "Waiting" }));
  first.engine.start();
  const id = start(first, { Before: { type: "Compose", inputs: 1, runAfter: {} }, Approve: approval });
  await first.engine.idle();
  first.engine.stop();
  return { file, clock, first, id };
}

describe("after a restart", () => {
  it("a run waiting for approval waits on, and finishes when the answer comes", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.runtime.on("StartAndWaitForAnApproval", (c) => ({
      kind: "waiting",
      token: `approval:${c.runId}`,
      description: "Waiting for Ana",
    }));
    first.engine.start();
    const id = start(first, {
      Before: { type: "Compose", inputs: "before", runAfter: {} },
      Approve: approval,
      After: {
        type: "Compose",
        inputs: "@body('Approve')?['outcome']",
        runAfter: { Approve: ["Succeeded"] },
      },
    });
    await first.engine.idle();
    first.engine.stop();
    first.db.close();

    const second = fileEngine(file, clock);
    const report = second.engine.start();
    expect(report).toMatchObject({ resumed: 0, waiting: 1, waits: 1 });
    expect(second.engine.pendingWaits()).toMatchObject([
      { runId: id, kind: "approval", token: `approval:${id}` },
    ]);
    second.engine.deliver(`approval:${id}`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Approve" },
    });
    await second.engine.idle();
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(run && statuses(run)).toEqual({ Before: "Succeeded", Approve: "Succeeded", After: "Succeeded" });
    expect(run && step(run, "After").outputs).toBe("Approve");
    expect(second.runtime.calls).toEqual([]);
    expect(second.events.map((e) => e.event)).toEqual(["run.step", "run.step", "run.finished"]);
  });

  it("an answer given while the app was closed is picked up on start", async () => {
    const { file, clock, first, id } = await waitingForApprovalAtStop("offline");
    // The sandbox records the answer with the engine stopped (deliver only stores it).
    first.engine.deliver("offline", { kind: "succeeded", statusCode: 200, body: { outcome: "Reject" } });
    first.db.close();

    const second = fileEngine(file, clock);
    second.engine.start();
    await second.engine.idle();
    expect(second.engine.getRunSummary(id)?.status).toBe("Succeeded");
  });

  it("a delay that ended while the app was closed ends at once; one still due fires on time", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.engine.start();
    const short = start(first, {
      Pause: { type: "Wait", inputs: { interval: { count: 1, unit: "Hour" } }, runAfter: {} },
    });
    const long = start(first, {
      Pause: { type: "Wait", inputs: { interval: { count: 5, unit: "Hour" } }, runAfter: {} },
    });
    await first.engine.idle();
    first.engine.stop();
    first.db.close();

    await clock.advanceBy(2 * 3600_000);
    const second = fileEngine(file, clock);
    second.engine.start();
    await second.engine.idle();
    expect(second.engine.getRunSummary(short)?.status).toBe("Succeeded");
    expect(second.engine.getRunSummary(long)?.status).toBe("Waiting");
    await second.advanceBy(3 * 3600_000);
    expect(second.engine.getRunSummary(long)?.status).toBe("Succeeded");
  });

  it("a Wait's timeout is kept across a restart and still counts from when the step started", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.engine.start();
    const id = start(first, {
      Pause: {
        type: "Wait",
        inputs: { interval: { count: 2, unit: "Day" } },
        limit: { timeout: "PT3H" },
        runAfter: {},
      },
    });
    await first.engine.idle();
    first.engine.stop();
    first.db.close();

    await clock.advanceBy(2 * 3600_000);
    const second = fileEngine(file, clock);
    second.engine.start();
    await second.engine.idle();
    expect(second.engine.getRunSummary(id)?.status).toBe("Waiting");
    await second.advanceBy(3600_000);
    const run = second.engine.getRun(id);
    expect(run && step(run, "Pause")).toMatchObject({
      status: "TimedOut",
      error: { code: "ActionTimedOut" },
    });
    expect(second.engine.pendingWaits()).toEqual([]);
  });

  it("a running run continues after its last committed step: the call in flight is sent again, nothing committed runs twice", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.runtime.on("Fast", () => ({ kind: "succeeded", statusCode: 200, body: "fast" }));
    first.runtime.on("Hang", () => new Promise<ConnectorOutcome>(() => {}));
    first.engine.start();
    const id = start(first, {
      First: connector("Fast"),
      Second: connector("Hang", { First: ["Succeeded"] }),
      Third: { type: "Compose", inputs: "@body('First')", runAfter: { Second: ["Succeeded"] } },
    });
    await delay(10);
    first.engine.stop();
    first.db.close();
    expect(first.runtime.calls.map((c) => c.operationId)).toEqual(["Fast", "Hang"]);

    const second = fileEngine(file, clock);
    second.runtime.on("Hang", () => ({ kind: "succeeded", statusCode: 200, body: "done" }));
    expect(second.engine.start()).toMatchObject({ resumed: 1, waiting: 0 });
    await second.engine.idle();
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(second.runtime.calls).toMatchObject([
      { runId: id, actionName: "Second", iteration: "", attempt: 1 },
    ]);
    expect(run && step(run, "Second")).toMatchObject({ attempt: 1, restarts: 1, status: "Succeeded" });
    expect(run && step(run, "Third").outputs).toBe("fast");
    expect(run?.steps.filter((s) => s.action === "First")).toHaveLength(1);
  });

  it("a Foreach continues with the iterations it had not finished, and variables keep their committed values", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    let sent = 0;
    first.runtime.on("Work", (c) => {
      if (c.parameters.n === 3) return new Promise<ConnectorOutcome>(() => {});
      sent += 1;
      return { kind: "succeeded", statusCode: 200, body: c.parameters.n ?? null };
    });
    first.engine.start();
    const loop: WdlActions = {
      Total: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "total", type: "integer", value: 0 }] },
        runAfter: {},
      },
      Loop: {
        type: "Foreach",
        foreach: "@range(0, 6)",
        actions: {
          Work: {
            type: "OpenApiConnection",
            inputs: { host: { apiId: "shared_test", operationId: "Work" }, parameters: { n: "@item()" } },
            runAfter: {},
          },
          Add: {
            type: "IncrementVariable",
            inputs: { name: "total", value: "@body('Work')" },
            runAfter: { Work: ["Succeeded"] },
          },
        },
        runAfter: { Total: ["Succeeded"] },
      },
    };
    const id = start(first, loop);
    await delay(20);
    first.engine.stop();
    first.db.close();
    expect(sent).toBe(3);

    const second = fileEngine(file, clock);
    second.runtime.on("Work", (c) => ({ kind: "succeeded", statusCode: 200, body: c.parameters.n ?? null }));
    second.engine.start();
    await second.engine.idle();
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(second.runtime.calls.map((c) => c.parameters.n)).toEqual([3, 4, 5]);
    expect(run?.variables).toEqual({ total: 15 });
    expect(run?.iterations.map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("approvals inside a concurrent Foreach, and a delay inside an Until, continue where they were", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.runtime.on("StartAndWaitForAnApproval", (c) => ({
      kind: "waiting",
      token: `approval:${c.runId}:${c.iteration}`,
      description: "Waiting",
    }));
    first.engine.start();
    const id = start(first, {
      N: {
        type: "InitializeVariable",
        inputs: { variables: [{ name: "n", type: "integer", value: 0 }] },
        runAfter: {},
      },
      Loop: {
        type: "Foreach",
        foreach: "@createArray('a', 'b', 'c')",
        runtimeConfiguration: { concurrency: { repetitions: 2 } },
        actions: {
          Ask: {
            type: "OpenApiConnectionWebhook",
            inputs: {
              host: { apiId: "shared_approvals", operationId: "StartAndWaitForAnApproval" },
              parameters: { item: "@item()" },
            },
            runAfter: {},
          },
          Check: {
            type: "If",
            expression: "@equals(body('Ask')?['outcome'], 'Approve')",
            actions: { Count: { type: "IncrementVariable", inputs: { name: "n" }, runAfter: {} } },
            runAfter: { Ask: ["Succeeded"] },
          },
        },
        runAfter: { N: ["Succeeded"] },
      },
      Again: {
        type: "Until",
        expression: "@greaterOrEquals(variables('n'), 5)",
        limit: { timeout: "P1D" },
        actions: {
          Pause: { type: "Wait", inputs: { interval: { count: 1, unit: "Hour" } }, runAfter: {} },
          Bump: { type: "IncrementVariable", inputs: { name: "n" }, runAfter: { Pause: ["Succeeded"] } },
        },
        runAfter: { Loop: ["Succeeded"] },
      },
    });
    await first.engine.idle();
    expect(first.engine.pendingWaits().map((w) => w.path)).toEqual(["Loop[0]/Ask", "Loop[1]/Ask"]);
    first.engine.deliver(`approval:${id}:Loop[0]`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Approve" },
    });
    await first.engine.idle();
    expect(first.engine.pendingWaits().map((w) => w.path)).toEqual(["Loop[1]/Ask", "Loop[2]/Ask"]);
    first.engine.stop();
    first.db.close();

    const second = fileEngine(file, clock);
    second.engine.start();
    second.engine.deliver(`approval:${id}:Loop[2]`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Reject" },
    });
    await second.engine.idle();
    second.engine.deliver(`approval:${id}:Loop[1]`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Approve" },
    });
    await second.engine.idle();
    // n = 2 after the loop; the Until waits an hour per iteration.
    await second.advanceBy(3600_000);
    expect(second.engine.pendingWaits().map((w) => [w.path, w.kind])).toEqual([["Again[1]/Pause", "delay"]]);
    second.engine.stop();
    second.db.close();

    const third = fileEngine(file, clock);
    third.engine.start();
    await third.advanceBy(10 * 3600_000);
    const run = third.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(run?.variables).toEqual({ n: 5 });
    expect(run && statuses(run)).toMatchObject({
      "Loop[0]/Count": "Succeeded",
      "Loop[1]/Count": "Succeeded",
      "Loop[2]/Count": "Skipped",
      "Again[2]/Bump": "Succeeded",
    });
    expect(run?.iterations.filter((i) => i.loop === "Again").map((i) => i.index)).toEqual([0, 1, 2]);
    expect(second.runtime.calls).toEqual([]);
    expect(third.runtime.calls).toEqual([]);
  });

  it("a run with one branch waiting and one calling continues both after a restart", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.runtime.on("StartAndWaitForAnApproval", () => ({
      kind: "waiting",
      token: "branch",
      description: "Waiting",
    }));
    first.runtime.on("Hang", () => new Promise<ConnectorOutcome>(() => {}));
    first.engine.start();
    const id = start(first, {
      Before: { type: "Compose", inputs: 1, runAfter: {} },
      Approve: approval,
      Call: connector("Hang", { Before: ["Succeeded"] }),
      Join: {
        type: "Compose",
        inputs: "@body('Call')",
        runAfter: { Approve: ["Succeeded"], Call: ["Succeeded"] },
      },
    });
    await delay(10);
    expect(first.engine.getRunSummary(id)?.status).toBe("Running");
    first.engine.stop();
    first.db.close();

    const second = fileEngine(file, clock);
    second.runtime.on("Hang", () => ({ kind: "succeeded", statusCode: 200, body: "called" }));
    expect(second.engine.start()).toMatchObject({ resumed: 1 });
    await second.engine.idle();
    expect(second.engine.getRunSummary(id)?.status).toBe("Waiting");
    second.engine.deliver("branch", { kind: "succeeded", statusCode: 200, body: {} });
    await second.engine.idle();
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(run && step(run, "Join").outputs).toBe("called");
    expect(second.runtime.calls.map((c) => c.actionName)).toEqual(["Call"]);
  });

  it("a retry wait survives a restart", async () => {
    const file = newFile();
    const clock = new VirtualClock();
    const first = fileEngine(file, clock);
    first.runtime.on("Flaky", () => ({
      kind: "failed",
      statusCode: 503,
      error: { code: "Busy", message: "busy" },
      retryAfterMs: 60_000,
    }));
    first.engine.start();
    const id = start(first, { Call: connector("Flaky") });
    await first.engine.idle();
    expect(first.engine.pendingWaits()).toMatchObject([{ kind: "retry", attempt: 1 }]);
    first.engine.stop();
    first.db.close();

    const second = fileEngine(file, clock);
    second.runtime.on("Flaky", () => ({ kind: "succeeded", statusCode: 200, body: "ok" }));
    second.engine.start();
    await second.engine.idle();
    expect(second.runtime.calls).toEqual([]);
    await second.advanceBy(60_000);
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Succeeded");
    expect(run?.steps.map((s) => [s.attempt, s.status])).toEqual([
      [1, "Failed"],
      [2, "Succeeded"],
    ]);
    expect(second.runtime.calls).toMatchObject([{ attempt: 2 }]);
  });

  it("a waiting run older than 30 days fails with a clear error on start", async () => {
    const { file, clock, first, id } = await waitingForApprovalAtStop("forever");
    first.db.close();

    await clock.advanceBy(31 * 86400_000);
    const second = fileEngine(file, clock);
    second.engine.start();
    await second.engine.idle();
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Failed");
    expect(run?.error).toEqual({
      code: "RunDurationLimitExceeded",
      message: "The run did not finish within 30 days of its start, the longest a run may last.",
    });
    expect(run && step(run, "Approve").status).toBe("TimedOut");
    expect(second.engine.pendingWaits()).toEqual([]);
  });

  it("cancels a waiting run that is not in memory", async () => {
    const { file, clock, first, id } = await waitingForApprovalAtStop("to-cancel");
    first.db.close();

    const second = fileEngine(file, clock);
    second.engine.start();
    expect(second.engine.cancelRun(id)).toBe(true);
    expect(second.engine.cancelRun(id)).toBe(false);
    const run = second.engine.getRun(id);
    expect(run?.status).toBe("Cancelled");
    expect(run && statuses(run)).toEqual({ Before: "Succeeded", Approve: "Cancelled" });
    expect(second.engine.pendingWaits()).toEqual([]);
    second.engine.deliver("to-cancel", { kind: "succeeded", statusCode: 200, body: {} });
    await second.engine.idle();
    expect(second.engine.getRunSummary(id)?.status).toBe("Cancelled");
  });
});
