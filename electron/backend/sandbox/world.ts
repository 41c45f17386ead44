// What every part of the sandbox shares: the database, the clock, the engine's signal sink, and
// transactions whose events are held back until the transaction commits (a rolled-back change
// tells nobody).
import { randomUUID } from "node:crypto";
import type { Database } from "better-sqlite3";
import type { JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import type { SignalSink } from "../engine/connector-runtime";
import type { SandboxEmitter, SandboxEvent } from "./events";

export class World {
  private pending: SandboxEvent[] | null = null;
  private depth = 0;

  constructor(
    readonly db: Database,
    readonly clock: Clock,
    readonly signals: SignalSink,
    private readonly emitter: SandboxEmitter,
  ) {}

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
      result = this.db.transaction(fn)();
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

/** Next value of a table's seq column (insertion order, kept through snapshots). */
export function nextSeq(db: Database, table: string): number {
  const row = db.prepare(`SELECT coalesce(max(seq), 0) + 1 AS next FROM ${table}`).get() as { next: number };
  return row.next;
}
