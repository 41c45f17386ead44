// Helpers for the engine's tests (and the crash child and benches): a database with the engine's
// tables, a scripted ConnectorRuntime, and an engine on a VirtualClock that records its events.
import type { Database } from "better-sqlite3";
import type { WdlActions, WdlDefinition } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { VirtualClock } from "../clock";
import { flowsMigration } from "../db/migrations/0001-flows";
import { engineMigration } from "../db/migrations/0003-engine";
import { runLogMigration } from "../db/migrations/0006-run-log";
import { runIndexesMigration } from "../db/migrations/0007-run-indexes";
import { runQueueMigration } from "../db/migrations/0009-run-queue";
import { runIndexesAscendingMigration } from "../db/migrations/0012-run-indexes-ascending";
import { openDatabase } from "../db/open";
import type { ConnectorCall, ConnectorOutcome, ConnectorRuntime } from "./connector-runtime";
import { Engine, type EngineOptions } from "./engine";
import type { EngineEvent, RunDetail, StepRecord } from "./types";

/** The engine's own schema (and the flows table before it), without the sandbox's. */
export const ENGINE_TEST_MIGRATIONS = [
  flowsMigration,
  engineMigration,
  runLogMigration,
  runIndexesMigration,
  runQueueMigration,
  runIndexesAscendingMigration,
];

export function engineTestDatabase(file = ":memory:"): Database {
  return openDatabase(file, { migrations: ENGINE_TEST_MIGRATIONS }).db;
}

export type Handler = (call: ConnectorCall) => ConnectorOutcome | Promise<ConnectorOutcome>;

/** A runtime whose operations answer as the test says; every call is recorded. */
export class ScriptedRuntime implements ConnectorRuntime {
  readonly calls: ConnectorCall[] = [];
  private readonly handlers = new Map<string, Handler>();

  on(operationId: string, handler: Handler): this {
    this.handlers.set(operationId, handler);
    return this;
  }

  invoke(call: ConnectorCall): ConnectorOutcome | Promise<ConnectorOutcome> {
    this.calls.push(call);
    const handler = this.handlers.get(call.operationId);
    if (handler) return handler(call);
    return { kind: "succeeded", statusCode: 200, body: { echo: call.parameters } };
  }

  callsOf(operationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.operationId === operationId);
  }
}

export interface TestEngine {
  engine: Engine;
  db: Database;
  clock: VirtualClock;
  runtime: ScriptedRuntime;
  events: EngineEvent[];
  /** Advances the virtual clock, letting the engine settle after every timer. */
  advanceBy(ms: number): Promise<number>;
  advanceToNext(): Promise<number>;
}

export function testEngine(
  options: Partial<EngineOptions> & {
    file?: string;
    /** Called as each event is emitted, when what it announces is committed. */
    onEvent?: (event: EngineEvent, engine: Engine) => void;
  } = {},
): TestEngine {
  const db = options.db ?? engineTestDatabase(options.file);
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock();
  const runtime = (options.runtime as ScriptedRuntime | undefined) ?? new ScriptedRuntime();
  const events: EngineEvent[] = [];
  let seed = 42;
  const engine = new Engine({
    random: () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    },
    ...options,
    db,
    clock,
    runtime,
    events: (event) => {
      events.push(event);
      options.onEvent?.(event, engine);
    },
  });
  const settle = () => engine.idle();
  return {
    engine,
    db,
    clock,
    runtime,
    events,
    advanceBy: (ms) => clock.advanceBy(ms, settle),
    advanceToNext: () => clock.advanceToNext(settle),
  };
}

export const FLOW = { id: "flow-1", name: "Test flow" };

export function definition(actions: WdlActions, extra: Partial<WdlDefinition> = {}): WdlDefinition {
  return {
    $schema:
      "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
    contentVersion: "1.0.0.0",
    triggers: { manual: { type: "Request", kind: "Button", inputs: { schema: {} } } },
    actions,
    ...extra,
  };
}

/** Starts a run of the definition and waits until the engine is idle; returns the run's journal. */
export async function runFlow(
  t: TestEngine,
  actions: WdlActions | WdlDefinition,
  body: JsonValue = {},
): Promise<RunDetail> {
  const def =
    "actions" in actions && "triggers" in actions
      ? (actions as WdlDefinition)
      : definition(actions as WdlActions);
  const started = t.engine.startRun({ flow: FLOW, mode: "test", definition: def, triggerOutputs: { body } });
  if (!started.started) throw new Error(started.message);
  await t.engine.idle();
  const detail = t.engine.getRun(started.runId);
  if (!detail) throw new Error("run not found");
  return detail;
}

/** The last attempt of a step, by path ("Loop[2]/Compose"). */
export function step(detail: RunDetail, path: string): StepRecord {
  const found = detail.steps.filter((s) => s.path === path).sort((a, b) => b.attempt - a.attempt)[0];
  if (!found) throw new Error(`no step ${path} in ${detail.steps.map((s) => s.path).join(", ")}`);
  return found;
}

export function statusOf(detail: RunDetail, path: string): string {
  return step(detail, path).status;
}

/** Path → status of the last attempt of every step. */
export function statuses(detail: RunDetail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of [...detail.steps].sort((a, b) => a.attempt - b.attempt)) out[s.path] = s.status;
  return out;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
