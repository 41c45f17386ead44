// The write side of the run journal. Every change is an operation on SQLite; operations are
// committed together in one transaction at the next commit point, and the events that describe them
// are emitted only after that transaction committed, so the UI never shows a step the journal lost.
//
// Commit points (both policies): before every connector call (write-ahead: the attempt is journaled
// before the service sees it), right after a connector call's outcome, before a wait is armed, and at
// the end of every event-loop turn that produced changes. Policy "step" adds one commit per step
// completion (the literal "one transaction per step"); policy "batch" lets the steps finished in the
// same turn share one transaction. Either way the journal is always a consistent prefix of each run,
// and a step without external effects that finished in the last, uncommitted turn is simply executed
// again after a crash, which nobody outside the process can tell apart.
//
// Steps, loop iterations and variables go to the run log (run-log.ts): one row per run per commit.
import type { Database, Statement } from "better-sqlite3";
import {
  type IterationRow,
  iterationRecord,
  logEntries,
  type StepRow,
  stepRecord,
  variableRecord,
} from "./run-log";
import type { EngineEvent } from "./types";

export type { StepRow } from "./run-log";

export type CommitPolicy = "step" | "batch";

export interface WaitRow {
  id: string;
  runId: string;
  iteration: string;
  action: string;
  attempt: number;
  kind: string;
  token: string | null;
  resumeAt: number | null;
  description: string | null;
  createdAt: number;
}

export interface RunRow {
  id: string;
  flowId: string;
  flowName: string;
  flowVersion: number | null;
  mode: string;
  triggerName: string;
  triggerOutputs: string;
  definitionHash: string;
  definition: string | null;
  status: string;
  startedAt: number;
  resubmittedFrom: string | null;
}

type Op = () => void;

/** What one commit appends to a run's log: step rows (replaced in place by a later write of the same attempt), encoded records, and variables encoded at commit. */
type PendingRecord = StepRow | string | (() => string);

/**
 * Where a step row waits for the next commit. The engine keeps it with the step in flight: a later
 * write of the same attempt before that commit (a container's end over its Running row) replaces the
 * row there instead of adding a second record.
 */
export interface StepSlot {
  readonly list: PendingRecord[];
  readonly index: number;
}

/** A run's records of one commit, encoded: the row's base time and its records' text. */
interface EncodedLog {
  runId: string;
  base: number;
  text: string;
}

/** Encodes one run's records of a commit, in the order they were journaled. */
function encodeRecords(list: readonly PendingRecord[]): { base: number; text: string } {
  // The row's base time: its first step's start (steps' starts are written after it).
  let base = 0;
  for (const r of list) {
    if (typeof r === "object") {
      base = r.startedAt;
      break;
    }
  }
  const encoded = list.map((r) =>
    typeof r === "string" ? r : typeof r === "function" ? r() : stepRecord(r, base),
  );
  // join makes one flat string: a run's records kept until the commit hold no string pieces.
  return { base, text: encoded.join(",") };
}

export interface JournalOptions {
  policy: CommitPolicy;
  emit: (event: EngineEvent) => void;
  /** Runs at the end of a turn, before its commit, once microtasks have settled. */
  beforeTurnCommit: () => void;
  /** A commit failed: the engine must stop (what is committed is consistent; recovery resumes from it). */
  onCommitError: (error: unknown) => void;
  /** After every commit (and its events): the engine's idle() looks again. */
  afterCommit?: () => void;
  /** Commit early, at a step's end, when this many operations are waiting. */
  maxPending?: number;
}

export class Journal {
  /** Transactions committed so far (diagnostics). */
  commits = 0;
  private ops: Op[] = [];
  /** Records to append to each run's log at the next commit, and where each attempt's step row sits. */
  private records = new Map<string, PendingRecord[]>();
  /**
   * Records of runs that ended before the commit, already encoded as their log row's text: an
   * ended run's records can change no more, and encoding them at its end lets the run (its results,
   * values, closures) be collected at once instead of surviving until the commit, which in a burst
   * of runs moved thousands of them to the old generation (a third of the engine's time was GC).
   */
  private ended: EncodedLog[] = [];
  private pendingRecords = 0;
  /** The next log row number of runs written lately (a run's first row is 0; others are read from the log). */
  private readonly nextLogRow = new Map<string, number>();
  private events: EngineEvent[] = [];
  private turnScheduled = false;
  private closed = false;
  private readonly maxPending: number;
  private readonly s: {
    insertDefinition: Statement;
    insertRun: Statement;
    appendLog: Statement;
    lastLogRow: Statement;
    insertWait: Statement;
    deleteWait: Statement;
    deleteRunWaits: Statement;
    setRunStatus: Statement;
    finishRun: Statement;
    setResponse: Statement;
    consumeSignal: Statement;
  };

  constructor(
    db: Database,
    private readonly options: JournalOptions,
  ) {
    this.maxPending = options.maxPending ?? 20_000;
    this.s = {
      insertDefinition: db.prepare("INSERT OR IGNORE INTO run_definitions (hash, definition) VALUES (?, ?)"),
      insertRun: db.prepare(
        `INSERT INTO runs (id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs,
           definition_hash, status, started_at, resubmitted_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      appendLog: db.prepare("INSERT INTO run_log (run_id, n, entries) VALUES (?, ?, ?)"),
      lastLogRow: db.prepare("SELECT max(n) FROM run_log WHERE run_id = ?").pluck(),
      insertWait: db.prepare(
        `INSERT OR REPLACE INTO run_waits (id, run_id, iteration, action, attempt, kind, token, resume_at,
           description, created_at)
         VALUES (@id, @runId, @iteration, @action, @attempt, @kind, @token, @resumeAt, @description, @createdAt)`,
      ),
      deleteWait: db.prepare("DELETE FROM run_waits WHERE id = ?"),
      deleteRunWaits: db.prepare("DELETE FROM run_waits WHERE run_id = ?"),
      setRunStatus: db.prepare(
        "UPDATE runs SET status = ? WHERE id = ? AND status IN ('Running', 'Waiting')",
      ),
      finishRun: db.prepare("UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ?"),
      setResponse: db.prepare("UPDATE runs SET response = ? WHERE id = ?"),
      consumeSignal: db.prepare(
        "UPDATE run_signals SET consumed_at = ? WHERE token = ? AND consumed_at IS NULL",
      ),
    };
    // Made once: better-sqlite3 builds a new wrapper on every db.transaction() call.
    this.insertRunTransaction = db.transaction((row: RunRow) => this.insertRunNow(row));
    this.commitTransaction = db.transaction(
      (ended: EncodedLog[], records: Map<string, PendingRecord[]>, ops: Op[]) => {
        for (const log of ended) this.appendLog(log.runId, log.base, log.text);
        this.appendLogs(records);
        for (const op of ops) op();
      },
    );
    this.db = db;
  }

  get policy(): CommitPolicy {
    return this.options.policy;
  }

  /** Operations or events wait for a commit. */
  get pending(): boolean {
    return this.ops.length > 0 || this.pendingRecords > 0 || this.events.length > 0 || this.turnScheduled;
  }

  /** Runs fn in one transaction (its run inserts share the commit). */
  group<T>(fn: () => T): T {
    const inCallersTransaction = this.db.inTransaction;
    const outer = this.groupOwnsTransaction;
    this.groupOwnsTransaction = !inCallersTransaction;
    try {
      const result = this.db.transaction(fn)();
      if (!inCallersTransaction) this.commits++;
      return result;
    } finally {
      this.groupOwnsTransaction = outer;
    }
  }

  /**
   * Inserts a run (and its definition snapshot) now, in its own transaction, a group's, or the
   * caller's. True when the row is committed once this returns (or once the group returns without
   * throwing); false inside a caller's transaction, which may still roll it back.
   */
  insertRun(row: RunRow): boolean {
    // In a group's own transaction the rows go in directly: a savepoint per run (what a nested
    // db.transaction() makes) would change nothing, since a failed insert rolls the group back.
    if (this.groupOwnsTransaction) {
      this.insertRunNow(row);
      return true;
    }
    const inCallersTransaction = this.db.inTransaction;
    this.insertRunTransaction(row);
    if (!inCallersTransaction) {
      this.commits++;
      return true;
    }
    return this.groupOwnsTransaction;
  }

  /** Inside group(): whether the group began the transaction (rather than joining a caller's). */
  private groupOwnsTransaction = false;
  private readonly insertRunTransaction: (row: RunRow) => void;
  private readonly commitTransaction: (
    ended: EncodedLog[],
    records: Map<string, PendingRecord[]>,
    ops: Op[],
  ) => void;
  private readonly db: Database;

  private insertRunNow(row: RunRow): void {
    if (row.definition !== null) this.s.insertDefinition.run(row.definitionHash, row.definition);
    this.s.insertRun.run(
      row.id,
      row.flowId,
      row.flowName,
      row.flowVersion,
      row.mode,
      row.triggerName,
      row.triggerOutputs,
      row.definitionHash,
      row.status,
      row.startedAt,
      row.resubmittedFrom,
    );
    this.nextLogRow.set(row.id, 0);
  }

  /**
   * Journals a step row. With the slot of an earlier row of the same attempt that is still waiting
   * for the commit, the new row takes its place; otherwise it is appended (reading keeps the last).
   * Returns the row's slot only when `keepSlot` (a final row is never replaced: no object for it).
   */
  upsertStep(row: StepRow, earlier?: StepSlot, keepSlot = true): StepSlot | undefined {
    if (this.closed) return undefined;
    if (earlier && this.records.get(row.runId) === earlier.list) {
      earlier.list[earlier.index] = row;
      return earlier;
    }
    const list = this.append(row.runId, row);
    return keepSlot ? { list, index: list.length - 1 } : undefined;
  }

  insertIteration(row: IterationRow): void {
    if (this.closed) return;
    this.append(row.runId, iterationRecord(row));
  }

  /** The value is read at the commit, so a burst of changes writes the last one. */
  setVariable(runId: string, name: string, type: string, valueText: () => string): void {
    if (this.closed) return;
    this.append(runId, () => variableRecord(name, type, valueText()));
  }

  insertWait(row: WaitRow): void {
    this.push(() => this.s.insertWait.run(row));
  }

  deleteWait(id: string): void {
    this.push(() => this.s.deleteWait.run(id));
  }

  deleteRunWaits(runId: string): void {
    this.push(() => this.s.deleteRunWaits.run(runId));
  }

  setRunStatus(runId: string, status: "Running" | "Waiting"): void {
    this.push(() => this.s.setRunStatus.run(status, runId));
  }

  finishRun(runId: string, status: string, endedAt: number, error: string | null): void {
    this.encodeEnded(runId);
    this.push(() => {
      this.s.finishRun.run(status, endedAt, error, runId);
      this.nextLogRow.delete(runId);
    });
  }

  setResponse(runId: string, response: string): void {
    this.push(() => this.s.setResponse.run(response, runId));
  }

  consumeSignal(token: string, at: number): void {
    this.push(() => this.s.consumeSignal.run(at, token));
  }

  /** An event to emit once everything journaled before it is committed. */
  event(event: EngineEvent): void {
    if (this.closed) return;
    this.events.push(event);
    this.scheduleTurn();
  }

  /**
   * A step finished (all its operations are pushed): policy "step" commits now; "batch" commits
   * early only when many operations wait (a long synchronous burst).
   */
  stepCompleted(): void {
    if (this.options.policy === "step" || this.ops.length + this.pendingRecords >= this.maxPending)
      this.commit();
  }

  /** Commits every pending operation in one transaction, then emits the pending events. */
  commit(): void {
    if (this.closed) return;
    if (this.ops.length > 0 || this.pendingRecords > 0) {
      const ops = this.ops;
      const records = this.records;
      const ended = this.ended;
      this.ops = [];
      this.records = new Map();
      this.ended = [];
      this.pendingRecords = 0;
      try {
        this.commitTransaction(ended, records, ops);
        this.commits++;
      } catch (error) {
        this.closed = true;
        this.events = [];
        this.options.onCommitError(error);
        return;
      }
    }
    if (this.events.length > 0) {
      const events = this.events;
      this.events = [];
      for (const event of events) {
        try {
          this.options.emit(event);
        } catch (error) {
          console.error("[engine] an event listener failed:", error);
        }
      }
    }
    this.options.afterCommit?.();
  }

  /** Commits what is pending and refuses everything after (engine stopped). */
  close(): void {
    this.commit();
    this.closed = true;
    this.ops = [];
    this.records = new Map();
    this.ended = [];
    this.pendingRecords = 0;
    this.events = [];
  }

  /** Queues a record for the run's next log row; returns that row's list. */
  private append(runId: string, record: PendingRecord): PendingRecord[] {
    let list = this.records.get(runId);
    if (!list) {
      list = [];
      this.records.set(runId, list);
    }
    list.push(record);
    this.pendingRecords++;
    this.scheduleTurn();
    return list;
  }

  /**
   * A run ended: its pending records are final, so they are encoded now (the row the commit will
   * write, the same text it would have made) and the run's objects are no longer held.
   */
  private encodeEnded(runId: string): void {
    const list = this.records.get(runId);
    if (!list) return;
    this.records.delete(runId);
    const { base, text } = encodeRecords(list);
    this.ended.push({ runId, base, text });
  }

  /** One log row per run: the commit's records of that run, in the order they were journaled. */
  private appendLogs(records: Map<string, PendingRecord[]>): void {
    for (const [runId, list] of records) {
      const { base, text } = encodeRecords(list);
      this.appendLog(runId, base, text);
    }
  }

  private appendLog(runId: string, base: number, records: string): void {
    let n = this.nextLogRow.get(runId);
    if (n === undefined) {
      const last = this.s.lastLogRow.get(runId) as number | null;
      n = last === null ? 0 : last + 1;
    }
    this.s.appendLog.run(runId, n, logEntries(base, [records]));
    this.nextLogRow.set(runId, n + 1);
  }

  private push(op: Op): void {
    if (this.closed) return;
    // Never committed from here: a step's operations must land in the same commit (see stepCompleted).
    this.ops.push(op);
    this.scheduleTurn();
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(() => {
      if (this.closed) {
        this.turnScheduled = false;
        return;
      }
      this.options.beforeTurnCommit();
      this.turnScheduled = false;
      this.commit();
    });
  }
}
