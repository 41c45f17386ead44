// What every part of the sandbox shares: the database, the clock, the engine's signal sink, and
// transactions whose events are held back until the transaction commits (a rolled-back change
// tells nobody).
import { randomUUID } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import type { JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import type { SignalSink } from "../engine/connector-runtime";
import type { SandboxEmitter, SandboxEvent } from "./events";
import type { PageOptions } from "./types";

export class World {
  private pending: SandboxEvent[] | null = null;
  private depth = 0;
  /** One transaction function for all calls: better-sqlite3 makes it a savepoint when nested. */
  private readonly inTransaction: (fn: () => unknown) => unknown;

  constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly signals: SignalSink,
    private readonly emitter: SandboxEmitter,
  ) {
    this.inTransaction = db.transaction((fn: () => unknown) => fn());
  }

  /**
   * Runs fn in a transaction (a savepoint when one is open already). Events raised inside are
   * emitted when the outermost sandbox transaction commits, and dropped with a rollback. Inside a
   * transaction opened by someone else, they are emitted when fn returns.
   */
  tx<T>(fn: () => T): T {
    const outermost = this.depth === 0;
    if (outermost) this.pending = [];
    const mark = this.pending?.length ?? 0;
    this.depth++;
    let result: T;
    try {
      result = this.inTransaction(fn) as T;
    } catch (error) {
      if (outermost) this.pending = null;
      else if (this.pending) this.pending.length = mark;
      throw error;
    } finally {
      this.depth--;
    }
    if (outermost) {
      const events = this.pending ?? [];
      this.pending = null;
      for (const event of events) this.emitter.emit(event);
    }
    return result;
  }

  emit(event: SandboxEvent): void {
    if (this.pending) this.pending.push(event);
    else this.emitter.emit(event);
  }

  now(): number {
    return this.clock.now();
  }

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  newId(): string {
    return randomUUID();
  }
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** Parses a JSON column written by the sandbox itself. */
export function parseJson<T extends JsonValue>(text: string): T {
  return JSON.parse(text) as T;
}

const statements = new WeakMap<Database, Map<string, Statement>>();

/** A prepared statement, prepared once per database and SQL text. */
export function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * One page of a world table, newest first (by seq), and how many rows match in all: the shape of
 * every sandbox list (mail, messages, approvals, notifications). `where` holds AND-ed conditions.
 */
export function newestFirst<Row>(
  db: Database,
  table: string,
  where: readonly string[],
  args: readonly (string | number)[],
  page: PageOptions,
): { total: number; rows: Row[] } {
  const clause = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
  const total = (prepared(db, `SELECT count(*) AS n FROM ${table} ${clause}`).get(...args) as { n: number })
    .n;
  const rows = prepared(db, `SELECT * FROM ${table} ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(
    ...args,
    page.top ?? 50,
    page.skip ?? 0,
  ) as Row[];
  return { total, rows };
}

/** Next value of a table's seq column (insertion order, kept through snapshots). */
export function nextSeq(db: Database, table: string): number {
  const row = prepared(db, `SELECT coalesce(max(seq), 0) + 1 AS next FROM ${table}`).get() as {
    next: number;
  };
  return row.next;
}
