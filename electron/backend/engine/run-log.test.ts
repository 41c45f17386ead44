import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flowsMigration } from "../db/migrations/0001-flows";
import { engineMigration } from "../db/migrations/0003-engine";
import { openDatabase } from "../db/open";
import { RunQueries } from "./queries";
import {
  foldRunLog,
  iterationRecord,
  logEntries,
  RunLogError,
  type StepRow,
  stepRecord,
  variableRecord,
} from "./run-log";
import { ENGINE_TEST_MIGRATIONS, runFlow, statuses, type TestEngine, testEngine } from "./testing";

const step = (over: Partial<StepRow>): StepRow => ({
  runId: "r1",
  iteration: "",
  action: "Compose",
  attempt: 1,
  seq: 1,
  type: "Compose",
  status: "Succeeded",
  code: "OK",
  inputs: null,
  outputs: null,
  error: null,
  state: null,
  startedAt: 1_000,
  endedAt: 1_005,
  durationMs: 5,
  restarts: 0,
  ...over,
});

/** A row's base time; the steps' starts are written after it. */
const BASE = 990;
const rec = (over: Partial<StepRow>) => stepRecord(step(over), BASE);

describe("the run log", () => {
  it("folds records in commit order: the last record of an attempt, an iteration or a variable wins", () => {
    const first = logEntries(BASE, [
      rec({ action: "Loop", type: "Foreach", status: "Running", seq: 1, endedAt: null, durationMs: null }),
      variableRecord("total", "integer", "0"),
      iterationRecord({
        runId: "r1",
        loop: "Loop",
        index: 0,
        status: "Failed",
        detail: null,
        startedAt: 1,
        endedAt: 2,
      }),
    ]);
    const second = logEntries(BASE, [
      rec({ action: "Loop", type: "Foreach", status: "Succeeded", seq: 1, state: '{"items":2}' }),
      rec({ action: "Add", iteration: "Loop[0]", seq: 2, inputs: "5", outputs: "5" }),
      variableRecord("total", "integer", "5"),
      iterationRecord({
        runId: "r1",
        loop: "Loop",
        index: 0,
        status: "Succeeded",
        detail: '{"done":true}',
        startedAt: 1,
        endedAt: 3,
      }),
    ]);
    const log = foldRunLog("r1", [first, second]);
    expect(log.steps.map((s) => [s.action, s.status, s.state])).toEqual([
      ["Loop", "Succeeded", { items: 2 }],
      ["Add", "Succeeded", undefined],
    ]);
    expect(log.steps[1]?.outputs).toBe(5);
    expect(log.variables).toEqual([{ name: "total", type: "integer", value: 5 }]);
    expect(log.iterations).toEqual([
      { loop: "Loop", index: 0, status: "Succeeded", detail: { done: true }, startedAt: 1, endedAt: 3 },
    ]);
  });

  it("keeps a step without outputs apart from one whose outputs are null, and outputs equal to inputs", () => {
    const text = logEntries(BASE, [
      rec({ action: "None", seq: 1 }),
      rec({ action: "Null", seq: 2, inputs: "null", outputs: "null" }),
      rec({ action: "Same", seq: 3, inputs: '{"a":[1,"x"]}', outputs: '{"a":[1,"x"]}' }),
      rec({ action: "Other", seq: 4, inputs: "[1]", outputs: '"out"' }),
    ]);
    const [none, nullish, same, other] = foldRunLog("r1", [text]).steps;
    expect([none?.inputs, none?.outputs]).toEqual([undefined, undefined]);
    expect([nullish?.inputs, nullish?.outputs]).toEqual([null, null]);
    expect([same?.inputs, same?.outputs]).toEqual([{ a: [1, "x"] }, { a: [1, "x"] }]);
    expect([other?.inputs, other?.outputs]).toEqual([[1], "out"]);
    // Written once: the second copy is a marker.
    expect(text.split('{"a":[1,"x"]}').length - 1).toBe(1);
  });

  it("sorts steps by start order then attempt, whatever order the commits came in", () => {
    const log = foldRunLog("r1", [
      logEntries(BASE, [rec({ action: "B", seq: 2, attempt: 2 })]),
      logEntries(BASE, [rec({ action: "A", seq: 1 }), rec({ action: "B", seq: 2, attempt: 1 })]),
    ]);
    expect(log.steps.map((s) => `${s.action}#${s.attempt}`)).toEqual(["A#1", "B#1", "B#2"]);
  });

  it("writes a step's start after the row's base time and its duration, and reads back the times", () => {
    const text = logEntries(BASE, [
      rec({ action: "Done", seq: 1, startedAt: 1_000, endedAt: 1_005, durationMs: 5 }),
      rec({ action: "Running", seq: 2, startedAt: 1_002, endedAt: null, durationMs: null }),
    ]);
    expect(JSON.parse(text)[0]).toBe(BASE);
    expect(text).not.toContain("1005");
    const [done, running] = foldRunLog("r1", [text]).steps;
    expect(done).toMatchObject({ startedAt: 1_000, endedAt: 1_005, durationMs: 5 });
    expect(running).toMatchObject({ startedAt: 1_002, endedAt: null, durationMs: null });
  });

  it("writes a skipped step's reason instead of its message, and reads back the message WDL gives", () => {
    const text = logEntries(BASE, [
      rec({ action: "No_side", status: "Skipped", code: "ActionSkipped", error: '["b","Check"]' }),
      rec({
        action: "Notify",
        seq: 2,
        status: "Skipped",
        code: "ActionSkipped",
        error: '["r","Try",["Failed","TimedOut"],"Succeeded"]',
      }),
      rec({ action: "Other", seq: 3, status: "Failed", error: '{"code":"BadRequest","message":"No."}' }),
    ]);
    expect(foldRunLog("r1", [text]).steps.map((s) => s.error)).toEqual([
      {
        code: "ActionBranchingConditionNotSatisfied",
        message:
          "The execution of template action 'No_side' is skipped: it is in a branch of 'Check' that did not run.",
      },
      {
        code: "ActionConditionFailed",
        message:
          "The execution of template action 'Notify' is skipped: the 'runAfter' condition for action 'Try' is not satisfied. Expected status values 'Failed, TimedOut' and actual value 'Succeeded'.",
      },
      { code: "BadRequest", message: "No." },
    ]);
  });

  it("reads rows written before base times and skip reasons (epoch times, whole messages) as they were", () => {
    const old = JSON.stringify([
      ["s", "", "Compose", 1, 1, "Compose", "Succeeded", "OK", [1], 0, null, null, 1_000, 1_005, 5, 0],
      [
        "s",
        "",
        "Skip",
        1,
        2,
        "Compose",
        "Skipped",
        "ActionSkipped",
        null,
        null,
        { code: "ActionBranchingConditionNotSatisfied", message: "Skipped, as written then." },
        null,
        1_006,
        1_006,
        0,
        0,
      ],
    ]);
    expect(foldRunLog("r1", [old]).steps).toMatchObject([
      { action: "Compose", inputs: 1, outputs: 1, startedAt: 1_000, endedAt: 1_005, durationMs: 5 },
      { action: "Skip", error: { message: "Skipped, as written then." }, startedAt: 1_006, durationMs: 0 },
    ]);
  });

  it("names the run when a row is damaged instead of reading it as empty", () => {
    expect(() => foldRunLog("r9", ['[["s",'])).toThrow(RunLogError);
    expect(() => foldRunLog("r9", ['[["s",'])).toThrow(/run r9 is damaged/);
    expect(() => foldRunLog("r9", ['[["x", 1]]'])).toThrow(/unknown record kind "x"/);
    expect(() => foldRunLog("r9", ['{"s": 1}'])).toThrow(/not a list of records/);
  });
});

describe("migrating runs journaled before the run log", () => {
  it("carries every step, iteration and variable of existing runs into the log, and drops the old tables", () => {
    const file = join(mkdtempSync(join(tmpdir(), "flowsmith-runlog-")), "flowsmith.db");
    const before = openDatabase(file, { migrations: [flowsMigration, engineMigration] }).db;
    before.exec(`
      INSERT INTO run_definitions VALUES ('h', '{"actions":{}}');
      INSERT INTO runs (id, flow_id, flow_name, mode, trigger_name, trigger_outputs, definition_hash, status,
        started_at, ended_at) VALUES ('r1', 'f', 'Flow', 'test', 'manual', '{"body":{}}', 'h', 'Succeeded', 10, 20);
      INSERT INTO run_steps (run_id, iteration, action, attempt, seq, type, status, code, inputs, outputs, error,
        state, started_at, ended_at, duration_ms, restarts) VALUES
        ('r1', '', 'Loop', 1, 1, 'Foreach', 'Succeeded', 'OK', '[1,2]', NULL, NULL, '{"items":2}', 10, 19, 9, 0),
        ('r1', 'Loop[0]', 'Call', 1, 2, 'OpenApiConnection', 'Failed', NULL, '{"x":1}', 'null',
          '{"code":"500","message":"boom"}', NULL, 11, 12, 1, 0),
        ('r1', 'Loop[0]', 'Call', 2, 2, 'OpenApiConnection', 'Succeeded', 'OK', '{"x":1}', '{"ok":true}', NULL,
          NULL, 13, 14, 1, 1);
      INSERT INTO run_iterations VALUES ('r1', 'Loop', 0, 'Succeeded', NULL, 11, 14),
        ('r1', 'Loop', 1, 'Succeeded', '{"done":true}', 15, 18);
      INSERT INTO run_variables VALUES ('r1', 'count', 'integer', '2'), ('r1', 'names', 'array', '["a","b"]');
    `);
    before.close();

    const { db } = openDatabase(file, { migrations: ENGINE_TEST_MIGRATIONS });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain("run_log");
    expect(tables).not.toContain("run_steps");
    expect(tables).not.toContain("run_variables");
    const run = new RunQueries(db).getRun("r1");
    expect(
      run?.steps.map((s) => [s.path, s.attempt, s.status, s.inputs, s.outputs, s.state, s.restarts]),
    ).toEqual([
      ["Loop", 1, "Succeeded", [1, 2], null, { items: 2 }, 0],
      ["Loop[0]/Call", 1, "Failed", { x: 1 }, null, null, 0],
      ["Loop[0]/Call", 2, "Succeeded", { x: 1 }, { ok: true }, null, 1],
    ]);
    expect(run?.steps[1]?.error).toEqual({ code: "500", message: "boom" });
    expect(run?.iterations.map((i) => [i.index, i.detail])).toEqual([
      [0, null],
      [1, { done: true }],
    ]);
    expect(run?.variables).toEqual({ count: 2, names: ["a", "b"] });
    // The status index holds only runs that did not succeed (migration 7).
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM runs WHERE status = 'Failed' AND status <> 'Succeeded'`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toContain("runs_by_status");
    db.close();
  });
});

describe("what the engine writes to the run log", () => {
  /** The step records of a run, row by row: [action, status] in the order they were written. */
  function records(t: TestEngine, runId: string): [string, string][][] {
    const rows = t.db.prepare("SELECT entries FROM run_log WHERE run_id = ? ORDER BY n").pluck().all(runId);
    return (rows as string[]).map((row) =>
      (JSON.parse(row) as unknown[])
        .filter((r): r is unknown[] => Array.isArray(r) && r[0] === "S")
        .map((r) => [String(r[2]), String(r[6])]),
    );
  }

  it("a container's start and end in one commit leave one record; across commits, both, and the end wins", async () => {
    const t = testEngine();
    t.engine.start();
    t.runtime.on("Work", () => ({ kind: "succeeded", statusCode: 200, body: null }));
    const quick = await runFlow(t, {
      Group: { type: "Scope", actions: { Note: { type: "Compose", inputs: 1, runAfter: {} } }, runAfter: {} },
    });
    // The scope's end took the place of its Running record, before the step inside it.
    expect(records(t, quick.id)).toEqual([
      [
        ["Group", "Succeeded"],
        ["Note", "Succeeded"],
      ],
    ]);

    // A connector call commits its attempt before the service sees it: the scope's Running record
    // is committed by then, and its end comes in a later row.
    const calling = await runFlow(t, {
      Group: {
        type: "Scope",
        actions: {
          Call: {
            type: "OpenApiConnection",
            inputs: { host: { apiId: "shared_test", operationId: "Work" }, parameters: {} },
            runAfter: {},
          },
        },
        runAfter: {},
      },
    });
    const rows = records(t, calling.id);
    expect(rows.flat().filter(([action]) => action === "Group")).toEqual([
      ["Group", "Running"],
      ["Group", "Succeeded"],
    ]);
    expect(statuses(calling)).toEqual({ Group: "Succeeded", Call: "Succeeded" });
  });
});
