// Run history retention on the engine's side: which runs go, what goes with them, what stays.
import { describe, expect, it } from "vitest";
import type { WdlActions } from "../../../shared/flow";
import { definition, FLOW, type TestEngine, testEngine } from "./testing";

const DAY = 86_400_000;

const compose: WdlActions = { Compose: { type: "Compose", inputs: "@triggerBody()?['no']", runAfter: {} } };
const approval: WdlActions = {
  Ask: {
    type: "OpenApiConnectionWebhook",
    inputs: { host: { apiId: "shared_approvals", operationId: "StartAndWaitForAnApproval" }, parameters: {} },
    runAfter: {},
  },
};

function started(t: TestEngine, actions: WdlActions, no: string): string {
  const result = t.engine.startRun({
    flow: FLOW,
    mode: "test",
    definition: definition(actions),
    triggerOutputs: { body: { no } },
  });
  if (!result.started) throw new Error(result.message);
  return result.runId;
}

const count = (t: TestEngine, table: string): number =>
  t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function engineWithHistory(): Promise<{ t: TestEngine; old: string; waiting: string; recent: string }> {
  const t = testEngine();
  t.engine.start();
  t.runtime.on("StartAndWaitForAnApproval", (call) => ({
    kind: "waiting",
    token: `approval:${call.runId}`,
    description: "Waiting for an approval",
  }));
  const old = started(t, compose, "old");
  const waiting = started(t, approval, "waiting");
  await t.engine.idle();
  // (Under the 30-day limit on a run's duration, past which the waiting run would fail.)
  await t.advanceBy(20 * DAY);
  const recent = started(t, compose, "recent");
  await t.engine.idle();
  return { t, old, waiting, recent };
}

describe("run history retention", () => {
  it("deletes runs that ended before the cutoff with their journal, and keeps newer and waiting runs", async () => {
    const { t, old, waiting, recent } = await engineWithHistory();
    expect(count(t, "run_log")).toBeGreaterThan(0);

    const deleted = t.engine.deleteEndedRuns(t.clock.now() - 10 * DAY);

    expect(deleted).toEqual([old]);
    expect(t.engine.getRun(old)).toBeUndefined();
    expect(t.engine.getRun(recent)?.status).toBe("Succeeded");
    expect(t.engine.getRun(waiting)?.status).toBe("Waiting");
    const logged = t.db.prepare("SELECT DISTINCT run_id FROM run_log ORDER BY run_id").pluck().all();
    expect(logged).toEqual([waiting, recent].sort());
  });

  it("a run waiting longer than the retention still finishes when it is answered", async () => {
    const { t, waiting } = await engineWithHistory();
    t.engine.deleteEndedRuns(t.clock.now());

    t.engine.deliver(`approval:${waiting}`, {
      kind: "succeeded",
      statusCode: 200,
      body: { outcome: "Approve" },
    });
    await t.engine.idle();

    expect(t.engine.getRun(waiting)?.status).toBe("Succeeded");
  });

  it("deletes in batches of the given size, oldest first", async () => {
    const t = testEngine();
    t.engine.start();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(started(t, compose, `run ${i}`));
      await t.engine.idle();
      await t.advanceBy(DAY);
    }
    expect(t.engine.deleteEndedRuns(t.clock.now(), 2)).toEqual(ids.slice(0, 2));
    expect(t.engine.deleteEndedRuns(t.clock.now(), 2)).toEqual(ids.slice(2, 4));
    expect(t.engine.deleteEndedRuns(t.clock.now(), 2)).toEqual(ids.slice(4));
    expect(t.engine.deleteEndedRuns(t.clock.now(), 2)).toEqual([]);
  });

  it("drops the definitions no run uses, and a later run of the same definition stores it again", async () => {
    const t = testEngine();
    t.engine.start();
    const def = definition(compose);
    const first = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: def,
      triggerOutputs: { body: {} },
    });
    await t.engine.idle();
    expect(first.started).toBe(true);
    t.engine.deleteEndedRuns(t.clock.now() + 1);
    expect(t.engine.dropUnreferenced(t.clock.now()).definitions).toBe(1);
    expect(count(t, "run_definitions")).toBe(0);

    // The same definition object again: the engine had it as stored; it must store it anew.
    const again = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: def,
      triggerOutputs: { body: {} },
    });
    await t.engine.idle();
    if (!again.started) throw new Error(again.message);
    expect(t.engine.getRun(again.runId)?.status).toBe("Succeeded");
    expect(count(t, "run_definitions")).toBe(1);
  });

  it("keeps definitions that a remaining run uses, and signals not yet answered", async () => {
    const { t, waiting } = await engineWithHistory();
    t.engine.deliver("approval:nobody", { kind: "succeeded", statusCode: 200, body: {} });
    t.engine.deleteEndedRuns(t.clock.now() + 1);

    const dropped = t.engine.dropUnreferenced(t.clock.now() + 1);

    expect(dropped.definitions).toBe(1); // the compose flow's; the approval flow's stays
    expect(count(t, "run_definitions")).toBe(1);
    expect(count(t, "run_signals")).toBe(1);
    expect(t.engine.getRun(waiting)?.status).toBe("Waiting");
  });
});
