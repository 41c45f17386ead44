// A trigger's concurrency control: at most N runs of the flow at once, the next ones queued in the
// order they came, a full queue refuses, and the queue survives a restart.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { WdlDefinition } from "../../../shared/flow";
import { VirtualClock } from "../clock";
import { definition, engineTestDatabase, FLOW, type TestEngine, testEngine } from "./testing";

let open: Database[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

/** Ask (an approval that waits for its answer) → Done; the trigger allows `runs` at once. */
function limited(runs: number, maximumWaitingRuns?: number): WdlDefinition {
  const flow = definition({
    Ask: {
      type: "OpenApiConnectionWebhook",
      inputs: {
        host: { apiId: "shared_approvals", operationId: "StartAndWaitForAnApproval" },
        parameters: { title: "@triggerBody()?['no']" },
      },
      runAfter: {},
    },
    Done: { type: "Compose", inputs: "@triggerBody()?['no']", runAfter: { Ask: ["Succeeded"] } },
  });
  const trigger = flow.triggers?.manual;
  if (trigger) {
    trigger.runtimeConfiguration = {
      concurrency: { runs, ...(maximumWaitingRuns === undefined ? {} : { maximumWaitingRuns }) },
    };
  }
  return flow;
}

function engineWithApprovals(options: Parameters<typeof testEngine>[0] = {}): TestEngine {
  const t = testEngine(options);
  t.runtime.on("StartAndWaitForAnApproval", (call) => ({
    kind: "waiting",
    token: `approval:${call.runId}`,
    description: "Waiting for the approver",
  }));
  return t;
}

const OTHER_FLOW = { id: "flow-2", name: "Other flow" };

function start(t: TestEngine, def: WdlDefinition, no: string, flow = FLOW) {
  return t.engine.startRun({
    flow,
    mode: "published",
    definition: def,
    triggerOutputs: { body: { no } },
  });
}

function approve(t: TestEngine, runId: string): void {
  t.engine.deliver(`approval:${runId}`, { kind: "succeeded", statusCode: 200, body: { outcome: "Approve" } });
}

const status = (t: TestEngine, runId: string) => t.engine.getRunSummary(runId)?.status;
const stepsOf = (t: TestEngine, runId: string) => t.engine.getRun(runId)?.steps.map((s) => s.action) ?? [];

describe("a trigger's concurrency control", () => {
  it("runs one at a time: the others wait in the order they came and begin as runs end", async () => {
    const t = engineWithApprovals();
    t.engine.start();
    const def = limited(1);
    const [a, b, c] = ["PI-1", "PI-2", "PI-3"].map((no) => start(t, def, no));
    if (!a?.started || !b?.started || !c?.started) throw new Error("not started");
    expect([a.queued, b.queued, c.queued]).toEqual([undefined, true, true]);
    await t.engine.idle();
    expect([status(t, a.runId), status(t, b.runId), status(t, c.runId)]).toEqual([
      "Waiting",
      "Waiting",
      "Waiting",
    ]);
    // Only the first asked for its approval; the queued ones have not begun.
    expect(t.runtime.calls.map((call) => call.runId)).toEqual([a.runId]);
    expect(stepsOf(t, b.runId)).toEqual([]);

    approve(t, a.runId);
    await t.engine.idle();
    expect(status(t, a.runId)).toBe("Succeeded");
    expect(t.runtime.calls.map((call) => call.runId)).toEqual([a.runId, b.runId]);
    expect(status(t, c.runId)).toBe("Waiting");
    expect(stepsOf(t, c.runId)).toEqual([]);

    approve(t, b.runId);
    await t.engine.idle();
    approve(t, c.runId);
    await t.engine.idle();
    expect([status(t, b.runId), status(t, c.runId)]).toEqual(["Succeeded", "Succeeded"]);
    expect(t.engine.getRun(c.runId)?.steps.find((s) => s.action === "Done")?.outputs).toBe("PI-3");
  });

  it("a full queue refuses the next run and says why; nothing is stored for it", async () => {
    const t = engineWithApprovals();
    t.engine.start();
    const def = limited(1, 1);
    start(t, def, "PI-1");
    start(t, def, "PI-2");
    const refused = start(t, def, "PI-3");
    expect(refused).toEqual({
      started: false,
      runId: null,
      reason: "queue-full",
      message:
        "“Test flow” already has 1 run in progress and 1 waiting, the most its trigger's concurrency control allows.",
    });
    await t.engine.idle();
    expect(t.engine.listRuns().runs).toHaveLength(2);
  });

  it("a queued run cancelled never runs, and the next one takes the free slot", async () => {
    const t = engineWithApprovals();
    t.engine.start();
    const def = limited(1);
    const [a, b, c] = ["PI-1", "PI-2", "PI-3"].map((no) => start(t, def, no));
    if (!a?.started || !b?.started || !c?.started) throw new Error("not started");
    await t.engine.idle();
    expect(t.engine.cancelRun(b.runId)).toBe(true);
    await t.engine.idle();
    expect(status(t, b.runId)).toBe("Cancelled");
    approve(t, a.runId);
    await t.engine.idle();
    expect(t.runtime.calls.map((call) => call.runId)).toEqual([a.runId, c.runId]);
    expect(stepsOf(t, b.runId)).toEqual([]);
  });

  it("two at a time, and other flows are not held back", async () => {
    const t = engineWithApprovals();
    t.engine.start();
    const def = limited(2);
    const runs = ["PI-1", "PI-2", "PI-3"].map((no) => start(t, def, no));
    const other = start(t, def, "SO-1", OTHER_FLOW);
    expect(runs.map((r) => r.started && r.queued)).toEqual([undefined, undefined, true]);
    expect(other.started && other.queued).toBeUndefined();
  });

  it("the queue survives a restart: the waiting run begins when the one in progress ends", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "flowsmith-queue-")), "runs.db");
    const clock = new VirtualClock();
    const openEngine = () => {
      const db = engineTestDatabase(file);
      open.push(db);
      return engineWithApprovals({ db, clock });
    };
    const first = openEngine();
    first.engine.start();
    const def = limited(1);
    const a = start(first, def, "PI-1");
    const b = start(first, def, "PI-2");
    if (!a.started || !b.started) throw new Error("not started");
    await first.engine.idle();
    first.engine.stop();
    first.db.close();

    const second = openEngine();
    second.engine.start();
    await second.engine.idle();
    expect(status(second, b.runId)).toBe("Waiting");
    expect(second.runtime.calls).toEqual([]);
    approve(second, a.runId);
    await second.engine.idle();
    expect(status(second, a.runId)).toBe("Succeeded");
    expect(second.runtime.calls.map((call) => call.runId)).toEqual([b.runId]);
  });
});

describe("cancelling all runs of a flow", () => {
  it("cancels the queued runs first, so none of them begins, then the ones in progress", async () => {
    const t = engineWithApprovals();
    t.engine.start();
    const def = limited(1);
    const runs = ["PI-1", "PI-2", "PI-3"].map((no) => start(t, def, no));
    const other = start(t, def, "SO-1", OTHER_FLOW);
    await t.engine.idle();
    expect(t.engine.cancelFlowRuns(FLOW.id)).toBe(3);
    await t.engine.idle();
    for (const run of runs) if (run.started) expect(status(t, run.runId)).toBe("Cancelled");
    // Only the first run ever asked for its approval; the other flow's run is untouched.
    expect(t.runtime.calls.map((call) => call.runId)).toEqual(
      [runs[0], other].map((r) => (r?.started ? r.runId : "")),
    );
    if (other.started) expect(status(t, other.runId)).toBe("Waiting");
    expect(t.engine.cancelFlowRuns(FLOW.id)).toBe(0);
  });
});
