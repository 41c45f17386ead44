// The journal's batches: runs that end while the engine works through a turn's queued work are
// written at once, in one transaction committed when the batch is done.
import { afterEach, describe, expect, it, vi } from "vitest";
import { definition, FLOW, testEngine } from "./testing";

const flow = definition({
  A: { type: "Compose", inputs: "@triggerBody()?['n']", runAfter: {} },
  B: { type: "Compose", inputs: "@outputs('A')", runAfter: { A: ["Succeeded"] } },
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a batch of runs", () => {
  it("commits the runs that ended in it once, with their rows as a commit per run would write them", async () => {
    const t = testEngine();
    t.engine.start();
    const before = t.engine.stats().commits;
    const results = t.engine.startRuns(
      [1, 2, 3].map((n) => ({
        flow: FLOW,
        mode: "test" as const,
        definition: flow,
        triggerOutputs: { body: { n } },
      })),
    );
    await t.engine.idle();
    // One commit for the three starts, one for the batch that ran them.
    expect(t.engine.stats().commits - before).toBe(2);
    for (const [i, result] of results.entries()) {
      if (!result.started) throw new Error("not started");
      const run = t.engine.getRun(result.runId);
      expect(run?.status).toBe("Succeeded");
      expect(run?.steps.map((s) => [s.action, s.status, s.outputs])).toEqual([
        ["A", "Succeeded", i + 1],
        ["B", "Succeeded", i + 1],
      ]);
    }
    const finished = t.events.filter((e) => e.event === "run.finished");
    expect(finished).toHaveLength(3);
    t.engine.stop();
  });

  it("stops the engine when a run's end cannot be written, and leaves what was committed as it was", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const t = testEngine();
    t.engine.start();
    t.db.exec(
      "CREATE TEMP TRIGGER no_log BEFORE INSERT ON run_log BEGIN SELECT RAISE(ABORT, 'the disk is full'); END",
    );
    const result = t.engine.startRun({
      flow: FLOW,
      mode: "test",
      definition: flow,
      triggerOutputs: { body: { n: 1 } },
    });
    if (!result.started) throw new Error("not started");
    await t.engine.idle();
    // The run's row was committed when it started; its end and its log were not.
    expect(t.db.prepare("SELECT status FROM runs WHERE id = ?").pluck().get(result.runId)).toBe("Running");
    expect(t.db.prepare("SELECT count(*) FROM run_log").pluck().get()).toBe(0);
    expect(t.db.inTransaction).toBe(false);
    expect(t.events.some((e) => e.event === "run.finished")).toBe(false);
    expect(() =>
      t.engine.startRun({ flow: FLOW, mode: "test", definition: flow, triggerOutputs: null }),
    ).toThrow(/stopped/);
  });
});
