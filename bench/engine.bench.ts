// Engine figures: throughput on the logic of the Node-RED peer flow (amount > 1000 branch, a Compose
// and a Set in each branch, a computed fee, a counter) with the journal committed to a SQLite file
// and in an in-memory database, the inputs started as one burst (as Node-RED's function node emits
// them; in memory also with a listener, which makes the engine build its progress events, as the
// app's does) and, beside it, one trigger at a time (each run committed before startRun returns); recovery of 10,000 runs waiting for approval (start() to every wait
// re-armed); a year of an hourly scheduled flow on the virtual clock; and, as the floor under the
// throughput, the same journal rows written to SQLite alone, and as its ceiling, the engine with no
// SQL at all. Medians of several rounds.
//
// Run by `npm run bench -- --only=engine`; bench/all.ts adds Node-RED's figure and the ratios.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommitPolicy } from "../electron/backend/engine";
import type { WdlDefinition } from "../shared/flow";
import type { JsonObject } from "../shared/json";
import { median, round } from "./stats";

/**
 * The peer flow's logic in WDL. Node-RED's equivalent: inject → switch (amount > 1000) → change
 * (set msg.tier and msg.category) on each branch → function (fee = amount × 1.5 % or 2.5 %) →
 * function (counter + 1).
 */
export const NODE_RED_PEER_FLOW: WdlDefinition = {
  $schema:
    "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
  contentVersion: "1.0.0.0",
  triggers: { manual: { type: "Request", kind: "Button", inputs: { schema: {} } } },
  actions: {
    Initialize_variables: {
      type: "InitializeVariable",
      inputs: {
        variables: [
          { name: "counter", type: "integer", value: 0 },
          { name: "category", type: "string", value: "" },
        ],
      },
      runAfter: {},
    },
    Check_amount: {
      type: "If",
      expression: { and: [{ greater: ["@triggerBody()?['amount']", 1000] }] },
      actions: {
        Compose_high: {
          type: "Compose",
          inputs: { tier: "high", amount: "@triggerBody()?['amount']" },
          runAfter: {},
        },
        Set_review: {
          type: "SetVariable",
          inputs: { name: "category", value: "review" },
          runAfter: { Compose_high: ["Succeeded"] },
        },
      },
      else: {
        actions: {
          Compose_low: {
            type: "Compose",
            inputs: { tier: "low", amount: "@triggerBody()?['amount']" },
            runAfter: {},
          },
          Set_auto: {
            type: "SetVariable",
            inputs: { name: "category", value: "auto" },
            runAfter: { Compose_low: ["Succeeded"] },
          },
        },
      },
      runAfter: { Initialize_variables: ["Succeeded"] },
    },
    Compute_fee: {
      type: "Compose",
      inputs: "@mul(triggerBody()?['amount'], if(greater(triggerBody()?['amount'], 1000), 0.015, 0.025))",
      runAfter: { Check_amount: ["Succeeded"] },
    },
    Count: {
      type: "IncrementVariable",
      inputs: { name: "counter", value: 1 },
      runAfter: { Compute_fee: ["Succeeded"] },
    },
  },
};

/** The inputs pushed through both engines: amounts on both sides of 1000, the same every time. */
export function peerInputs(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, i) => ({ id: i, amount: (i * 7919) % 2500 }));
}

export interface ThroughputOptions {
  inputs: number;
  database: "file" | "memory";
  /** "batch" (the engine's default) or "step" (one commit per step). */
  commit?: CommitPolicy;
  /**
   * Start runs this many at a time with startRuns (their rows share one commit, as when a batch of
   * sandbox changes fires flows); 1 (default): every startRun commits its run row on its own.
   */
  startBatch?: number;
  /**
   * A listener is subscribed (as the app's is, to show runs on the canvas): the engine then makes
   * its progress events, which it does not while nobody listens.
   */
  listen?: boolean;
}

export interface ThroughputResult {
  runs: number;
  ms: number;
  runsPerSecond: number;
  /** Step rows journaled (executed and skipped). */
  steps: number;
}

/** Runs the peer flow once per input (up to 2,000 at a time) and times it until the journal holds every end. */
export async function benchThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { Engine } = await import("../electron/backend/engine");
  const { openDatabase } = await import("../electron/backend/db/open");
  const { ENGINE_TEST_MIGRATIONS } = await import("../electron/backend/engine/testing");
  const dir = mkdtempSync(join(tmpdir(), "flowsmith-bench-engine-"));
  try {
    const file = options.database === "memory" ? ":memory:" : join(dir, "bench.db");
    const { db } = openDatabase(file, { migrations: ENGINE_TEST_MIGRATIONS });
    const engine = new Engine({
      db,
      runtime: { invoke: () => ({ kind: "succeeded", statusCode: 200, body: null }) },
      commit: options.commit ?? "batch",
    });
    let events = 0;
    if (options.listen)
      engine.subscribe(() => {
        events++;
      });
    engine.start();
    const inputs = peerInputs(options.inputs);
    const flow = { id: "peer", name: "Node-RED peer flow" };
    const window = 2_000;
    const begin = performance.now();
    const batch = Math.max(1, options.startBatch ?? 1);
    const args = (body: JsonObject) => ({
      flow,
      mode: "published" as const,
      definition: NODE_RED_PEER_FLOW,
      triggerOutputs: { body },
    });
    for (let i = 0; i < inputs.length; i += window) {
      const slice = inputs.slice(i, i + window);
      if (batch === 1) for (const body of slice) engine.startRun(args(body));
      else
        for (let j = 0; j < slice.length; j += batch) engine.startRuns(slice.slice(j, j + batch).map(args));
      await engine.idle();
    }
    const ms = performance.now() - begin;
    const finished = db.prepare("SELECT count(*) FROM runs WHERE status = 'Succeeded'").pluck().get();
    if (finished !== inputs.length)
      throw new Error(`only ${String(finished)} of ${inputs.length} runs succeeded`);
    // A run of the peer flow is heard as 11 events: started, 9 steps (the If twice), finished.
    if (options.listen && events !== inputs.length * 11)
      throw new Error(`${events} events heard for ${inputs.length} runs`);
    const steps = Number(
      db
        .prepare(
          "SELECT count(*) FROM run_log, json_each(run_log.entries) AS r WHERE r.type = 'array' AND r.value ->> 0 IN ('s', 'S')",
        )
        .pluck()
        .get(),
    );
    engine.stop();
    db.close();
    return { runs: inputs.length, ms, runsPerSecond: (inputs.length / ms) * 1000, steps };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The journal's own cost: the rows the engine wrote for `inputs` peer runs (run, run log),
 * read back and inserted again into a fresh SQLite file with the same schema, 2,000 runs per
 * transaction, with nothing else going on. The engine cannot go faster than this on this journal.
 */
export async function benchJournalFloor(
  inputs = 20_000,
): Promise<{ runsPerSecond: number; usPerRun: number }> {
  const { Engine } = await import("../electron/backend/engine");
  const { openDatabase } = await import("../electron/backend/db/open");
  const { ENGINE_TEST_MIGRATIONS } = await import("../electron/backend/engine/testing");
  const dir = mkdtempSync(join(tmpdir(), "flowsmith-bench-floor-"));
  try {
    const source = openDatabase(":memory:", { migrations: ENGINE_TEST_MIGRATIONS }).db;
    const engine = new Engine({
      db: source,
      runtime: { invoke: () => ({ kind: "succeeded", statusCode: 200, body: null }) },
    });
    engine.start();
    const flow = { id: "peer", name: "Node-RED peer flow" };
    const all = peerInputs(inputs);
    for (let i = 0; i < all.length; i += 2_000) {
      engine.startRuns(
        all.slice(i, i + 2_000).map((body) => ({
          flow,
          mode: "published" as const,
          definition: NODE_RED_PEER_FLOW,
          triggerOutputs: { body },
        })),
      );
      await engine.idle();
    }
    engine.stop();
    const tables = ["runs", "run_log"] as const;
    const rowsByRun = new Map<string, { table: string; row: Record<string, unknown> }[]>();
    for (const table of tables) {
      for (const row of source.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
        const runId = String(table === "runs" ? row.id : row.run_id);
        const list = rowsByRun.get(runId) ?? [];
        if (list.length === 0) rowsByRun.set(runId, list);
        list.push({ table, row });
      }
    }
    const definitions = source.prepare("SELECT * FROM run_definitions").all() as Record<string, unknown>[];
    source.close();

    const { db } = openDatabase(join(dir, "floor.db"), { migrations: ENGINE_TEST_MIGRATIONS });
    const insertDefinition = db.prepare(
      "INSERT INTO run_definitions (hash, definition) VALUES (@hash, @definition)",
    );
    for (const definition of definitions) insertDefinition.run(definition);
    const statements = new Map(
      tables.map((table) => {
        const columns = Object.keys(
          rowsByRun
            .values()
            .next()
            .value?.find((r) => r.table === table)?.row ?? {},
        );
        return [
          table,
          db.prepare(
            `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          ),
        ] as const;
      }),
    );
    const runs = [...rowsByRun.values()];
    const write = db.transaction((slice: typeof runs) => {
      for (const rows of slice)
        for (const { table, row } of rows)
          statements.get(table as (typeof tables)[number])?.run(Object.values(row));
    });
    const begin = performance.now();
    for (let i = 0; i < runs.length; i += 2_000) write(runs.slice(i, i + 2_000));
    const ms = performance.now() - begin;
    db.close();
    return { runsPerSecond: (runs.length / ms) * 1000, usPerRun: (ms * 1000) / runs.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The engine's own work, as a ceiling for any journal: the peer flow's runs with every SQL statement
 * answered by a stand-in that stores nothing (the journal still encodes its rows; SQLite never sees
 * them). No product path runs like this; it says how much of a run's time is the engine itself.
 */
export async function benchEngineAlone(inputs: number): Promise<number> {
  const { Engine } = await import("../electron/backend/engine");
  type Db = ConstructorParameters<typeof Engine>[0]["db"];
  const statement = {
    run: () => ({ changes: 1, lastInsertRowid: 0 }),
    get: () => undefined,
    all: () => [],
    *iterate() {},
    pluck: () => statement,
    raw: () => statement,
  };
  const db = {
    prepare: () => statement,
    transaction:
      (fn: (...args: unknown[]) => unknown) =>
      (...args: unknown[]) =>
        fn(...args),
    inTransaction: false,
    exec: () => {},
    pragma: () => [],
  } as unknown as Db;
  const engine = new Engine({
    db,
    runtime: { invoke: () => ({ kind: "succeeded", statusCode: 200, body: null }) },
    commit: "batch",
  });
  engine.start();
  const flow = { id: "peer", name: "Node-RED peer flow" };
  const all = peerInputs(inputs);
  const begin = performance.now();
  for (let i = 0; i < all.length; i += BURST) {
    engine.startRuns(
      all.slice(i, i + BURST).map((body) => ({
        flow,
        mode: "published" as const,
        definition: NODE_RED_PEER_FLOW,
        triggerOutputs: { body },
      })),
    );
    await engine.idle();
  }
  const ms = performance.now() - begin;
  engine.stop();
  return (inputs / ms) * 1000;
}

/** 10,000 runs wait for approval; a new engine on the same file: time of start() (every wait re-armed). */
export async function benchRecovery(
  waiting = 10_000,
): Promise<{ setupMs: number; startMs: number; waits: number; firstAnswerMs: number }> {
  const { Engine } = await import("../electron/backend/engine");
  const { openDatabase } = await import("../electron/backend/db/open");
  const { ENGINE_TEST_MIGRATIONS, definition } = await import("../electron/backend/engine/testing");
  const dir = mkdtempSync(join(tmpdir(), "flowsmith-bench-recovery-"));
  try {
    const file = join(dir, "bench.db");
    const approvalFlow = definition({
      Get_invoice: { type: "Compose", inputs: "@triggerBody()", runAfter: {} },
      Approve: {
        type: "OpenApiConnectionWebhook",
        inputs: {
          host: {
            apiId: "/providers/Microsoft.PowerApps/apis/shared_approvals",
            operationId: "StartAndWaitForAnApproval",
          },
          parameters: {
            approvalType: "Basic",
            "WebhookApprovalCreationInput/title": "Invoice @{triggerBody()?['no']}",
          },
        },
        runAfter: { Get_invoice: ["Succeeded"] },
      },
      Done: { type: "Compose", inputs: "@body('Approve')?['outcome']", runAfter: { Approve: ["Succeeded"] } },
    });
    const runtime = {
      invoke: (call: { runId: string }) => ({
        kind: "waiting" as const,
        token: `approval:${call.runId}`,
        description: "Waiting for the approver",
      }),
    };
    const setupBegin = performance.now();
    const first = openDatabase(file, { migrations: ENGINE_TEST_MIGRATIONS }).db;
    const before = new Engine({ db: first, runtime });
    before.start();
    const ids: string[] = [];
    for (let i = 0; i < waiting; i += 1_000) {
      for (let n = i; n < Math.min(waiting, i + 1_000); n++) {
        const started = before.startRun({
          flow: { id: "approve", name: "Approve" },
          mode: "published",
          definition: approvalFlow,
          triggerOutputs: { body: { no: `PI-${n}` } },
        });
        if (started.started) ids.push(started.runId);
      }
      await before.idle();
    }
    before.stop();
    first.close();
    const setupMs = performance.now() - setupBegin;

    const db = openDatabase(file, { migrations: ENGINE_TEST_MIGRATIONS }).db;
    const after = new Engine({ db, runtime });
    const begin = performance.now();
    const report = after.start();
    const startMs = performance.now() - begin;
    if (report.waits !== waiting) throw new Error(`${report.waits} waits re-armed, expected ${waiting}`);
    const answerBegin = performance.now();
    after.deliver(`approval:${ids[0]}`, { kind: "succeeded", statusCode: 200, body: { outcome: "Approve" } });
    await after.idle();
    const firstAnswerMs = performance.now() - answerBegin;
    if (after.getRunSummary(ids[0] ?? "")?.status !== "Succeeded")
      throw new Error("the answered run did not finish");
    after.stop();
    db.close();
    return { setupMs, startMs, waits: report.waits, firstAnswerMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A year of an hourly scheduled flow (with a 10-minute delay in each run) on the virtual clock. */
export async function benchVirtualYear(hours = 8_760): Promise<{ ms: number; runs: number; timers: number }> {
  const { Engine } = await import("../electron/backend/engine");
  const { VirtualClock } = await import("../electron/backend/clock");
  const { openDatabase } = await import("../electron/backend/db/open");
  const { ENGINE_TEST_MIGRATIONS } = await import("../electron/backend/engine/testing");
  const dir = mkdtempSync(join(tmpdir(), "flowsmith-bench-year-"));
  try {
    const { db } = openDatabase(join(dir, "bench.db"), { migrations: ENGINE_TEST_MIGRATIONS });
    const start = Date.UTC(2026, 0, 1, 0, 0, 0);
    const clock = new VirtualClock(start);
    const engine = new Engine({
      db,
      clock,
      runtime: { invoke: () => ({ kind: "succeeded", statusCode: 200, body: null }) },
    });
    engine.start();
    const hourly: WdlDefinition = {
      triggers: { Recurrence: { type: "Recurrence", recurrence: { frequency: "Hour", interval: 1 } } },
      actions: {
        Stamp: { type: "Compose", inputs: "@utcNow()", runAfter: {} },
        Pause: {
          type: "Wait",
          inputs: { interval: { count: 10, unit: "Minute" } },
          runAfter: { Stamp: ["Succeeded"] },
        },
        Report: {
          type: "Compose",
          inputs: "@{outputs('Stamp')} → @{utcNow()}",
          runAfter: { Pause: ["Succeeded"] },
        },
      },
    };
    let fired = 0;
    const occurrence = (at: number) => {
      clock.setTimer(at, () => {
        fired++;
        engine.startRun({
          flow: { id: "hourly", name: "Hourly report" },
          mode: "published",
          definition: hourly,
          triggerName: "Recurrence",
          triggerOutputs: { body: { scheduledTime: new Date(at).toISOString() } },
        });
        if (fired < hours) occurrence(at + 3_600_000);
      });
    };
    occurrence(start + 3_600_000);
    const begin = performance.now();
    const timers = await clock.advanceTo(start + (hours + 1) * 3_600_000, () => engine.idle());
    const ms = performance.now() - begin;
    const done = Number(db.prepare("SELECT count(*) FROM runs WHERE status = 'Succeeded'").pluck().get());
    if (done !== hours) throw new Error(`${done} of ${hours} scheduled runs succeeded`);
    engine.stop();
    db.close();
    return { ms, runs: done, timers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inputs started together, as one burst of trigger events (startRuns). */
const BURST = 2_000;

export interface EngineBenchOptions {
  /** Inputs of each throughput round (100,000). */
  inputs?: number;
  /** Rounds per figure; the median is reported (3). */
  rounds?: number;
  waitingRuns?: number;
  hours?: number;
}

export async function benchEngine(
  options: EngineBenchOptions = {},
): Promise<Record<string, number | string>> {
  const inputs = options.inputs ?? 100_000;
  const rounds = options.rounds ?? 3;
  const burst: number[] = [];
  const burstMemory: number[] = [];
  const burstMemoryHeard: number[] = [];
  const oneByOne: number[] = [];
  const oneByOneMemory: number[] = [];
  const perStep: number[] = [];
  let steps = 0;
  for (let r = 0; r < rounds; r++) {
    // A burst, as Node-RED's function node emits its inputs: started 2,000 at a time (startRuns),
    // the runs of a burst durable together before startRuns returns.
    const f = await benchThroughput({ inputs, database: "file", startBatch: BURST });
    burst.push(f.runsPerSecond);
    steps = f.steps;
    burstMemory.push(
      (await benchThroughput({ inputs, database: "memory", startBatch: BURST })).runsPerSecond,
    );
    burstMemoryHeard.push(
      (await benchThroughput({ inputs, database: "memory", startBatch: BURST, listen: true })).runsPerSecond,
    );
    // One trigger at a time: every startRun commits its run before it returns.
    oneByOne.push((await benchThroughput({ inputs, database: "file" })).runsPerSecond);
    oneByOneMemory.push((await benchThroughput({ inputs, database: "memory" })).runsPerSecond);
  }
  // One commit per step, on a tenth of the inputs (it is the slow, literal variant).
  for (let r = 0; r < rounds; r++) {
    perStep.push(
      (
        await benchThroughput({
          inputs: Math.max(1, Math.round(inputs / 10)),
          database: "file",
          commit: "step",
        })
      ).runsPerSecond,
    );
  }
  const floor = [];
  for (let r = 0; r < rounds; r++) floor.push(await benchJournalFloor());
  const alone = [];
  for (let r = 0; r < rounds; r++) alone.push(await benchEngineAlone(inputs));
  const recovery = [];
  for (let r = 0; r < rounds; r++) recovery.push(await benchRecovery(options.waitingRuns ?? 10_000));
  const year = [];
  for (let r = 0; r < rounds; r++) year.push(await benchVirtualYear(options.hours ?? 8_760));
  const fileMedian = median(burst);
  return {
    throughputInputs: inputs,
    stepRowsPerRun: round(steps / inputs),
    runsPerSecondSqliteFile: Math.round(fileMedian),
    runsPerSecondInMemory: Math.round(median(burstMemory)),
    runsPerSecondInMemoryEventsHeard: Math.round(median(burstMemoryHeard)),
    runsPerSecondSqliteFileEachStartCommitted: Math.round(median(oneByOne)),
    runsPerSecondInMemoryEachStartCommitted: Math.round(median(oneByOneMemory)),
    runsPerSecondSqliteFileCommitPerStep: Math.round(median(perStep)),
    stepsPerSecondSqliteFile: Math.round((fileMedian * steps) / inputs),
    journalRowsAloneRunsPerSecondSqliteFile: Math.round(median(floor.map((x) => x.runsPerSecond))),
    journalRowsAloneMicrosecondsPerRun: round(median(floor.map((x) => x.usPerRun))),
    engineAloneRunsPerSecondNoSql: Math.round(median(alone)),
    recoveryWaitingRuns: options.waitingRuns ?? 10_000,
    recoveryStartToAllWaitsArmedMs: round(median(recovery.map((x) => x.startMs))),
    recoveryFirstAnswerToRunEndMs: round(median(recovery.map((x) => x.firstAnswerMs))),
    virtualYearRuns: options.hours ?? 8_760,
    virtualYearTimersFired: year[0]?.timers ?? 0,
    virtualYearMs: round(median(year.map((x) => x.ms))),
  };
}
