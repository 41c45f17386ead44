// Helpers for the sandbox's tests: a sandbox on a real SQLite file in a temp folder, a virtual
// clock, a signal sink that records deliveries (in memory, and in a table so that a rollback
// takes them back), and a shorthand to invoke an operation as a flow step would.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "better-sqlite3";
import type { JsonObject } from "../../../shared/json";
import { VirtualClock } from "../clock";
import { openDatabase } from "../db/open";
import type { ConnectorOutcome, FinalOutcome, SignalSink } from "../engine/connector-runtime";
import type { SandboxEvent, SandboxEventMap, SandboxEventType } from "./events";
import { Sandbox } from "./sandbox";

export class RecordingSink implements SignalSink {
  readonly delivered: { token: string; outcome: FinalOutcome }[] = [];

  constructor(private readonly db: Database) {
    db.exec("CREATE TABLE IF NOT EXISTS test_signals (token TEXT NOT NULL, outcome TEXT NOT NULL)");
  }

  deliver(token: string, outcome: FinalOutcome): void {
    this.db
      .prepare("INSERT INTO test_signals (token, outcome) VALUES (?, ?)")
      .run(token, JSON.stringify(outcome));
    this.delivered.push({ token, outcome });
  }

  /** Deliveries that committed. */
  committed(): { token: string; outcome: FinalOutcome }[] {
    const rows = this.db.prepare("SELECT token, outcome FROM test_signals ORDER BY rowid").all() as {
      token: string;
      outcome: string;
    }[];
    return rows.map((row) => ({ token: row.token, outcome: JSON.parse(row.outcome) as FinalOutcome }));
  }
}

export interface TestWorld {
  sandbox: Sandbox;
  db: Database;
  clock: VirtualClock;
  sink: RecordingSink;
  events: SandboxEvent[];
  file: string;
  /** Invokes an operation as step `actionName` of a test run. */
  call(
    connectorId: string,
    operationId: string,
    parameters: JsonObject,
    actionName?: string,
  ): Promise<ConnectorOutcome>;
}

export const START = Date.UTC(2026, 0, 5, 8, 0, 0);

export function testWorld(options: { file?: string; seed?: number } = {}): TestWorld {
  const file = options.file ?? join(mkdtempSync(join(tmpdir(), "flowsmith-sandbox-")), "sandbox.db");
  const { db } = openDatabase(file);
  const clock = new VirtualClock(START);
  const sink = new RecordingSink(db);
  const events: SandboxEvent[] = [];
  const sandbox = new Sandbox({
    db,
    clock,
    signals: sink,
    events: (event) => events.push(event),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  let run = 0;
  return {
    sandbox,
    db,
    clock,
    sink,
    events,
    file,
    call: (connectorId, operationId, parameters, actionName = operationId) =>
      sandbox.invoke({
        runId: `run-${++run}`,
        actionName,
        attempt: 1,
        connectorId,
        operationId,
        parameters,
        flow: { id: "flow-1", name: "Test flow", mode: "test" },
      }),
  };
}

/** The BC scope every record operation needs. */
export const BC = { bcenvironment: "PRODUCTION", company: "CRONUS Demo Ltd.", dataset: "v2.0" } as const;

export function succeeded(outcome: ConnectorOutcome): { statusCode: number; body: JsonObject } {
  if (outcome.kind !== "succeeded") throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return { statusCode: outcome.statusCode, body: outcome.body as JsonObject };
}

export function failed(outcome: ConnectorOutcome): Extract<ConnectorOutcome, { kind: "failed" }> {
  if (outcome.kind !== "failed")
    throw new Error(`expected failure, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome;
}

export function waiting(outcome: ConnectorOutcome): Extract<ConnectorOutcome, { kind: "waiting" }> {
  if (outcome.kind !== "waiting")
    throw new Error(`expected waiting, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome;
}

export function eventsOf<T extends SandboxEventType>(
  events: readonly SandboxEvent[],
  type: T,
): SandboxEventMap[T][] {
  return events.filter((e) => e.type === type).map((e) => e.payload as SandboxEventMap[T]);
}

/** The body of the n-th committed signal, which must be a success. */
export function signalBody(sink: RecordingSink, index = 0): JsonObject {
  const signal = sink.committed()[index];
  if (signal?.outcome.kind !== "succeeded")
    throw new Error(`signal ${index} is not a success: ${JSON.stringify(signal)}`);
  return signal.outcome.body as JsonObject;
}
