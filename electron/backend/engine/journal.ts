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
//
// While the engine works through the work queued for a turn (Activity's batch: runs that start,
// timers, answers), nothing but the engine's own code runs, so a run that ends there is written at
// once (its log row and its end) into a transaction the journal opens, instead of being kept in
// memory until the commit; that transaction is the turn's commit, made when the batch is done (or
// at an earlier commit point), with everything else journaled in the meantime. The rows and their
// order per run are the same; a burst of runs holds no rows in memory and commits once.
import type { Database, Statement } from "better-sqlite3";
import { BatchedRows, valuesList } from "./batched-rows";
import { type IterationRow, iterationRecord, type StepRow, stepRecord, variableRecord } from "./run-log";
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

/** A run's end, written with the other ends of its commit (see BatchedRows). */
interface RunEnd {
  runId: string;
  status: string;
  endedAt: number;
  error: string | null;
}

/**
 * A variable whose value is read when its record is encoded (at its run's end or the commit), so
 * that a burst of changes writes the last one.
 */
export abstract class PendingVariable {
  abstract readonly name: string;
  abstract readonly type: string;
  abstract valueText(): string;
}

/** What one commit appends to a run's log: step rows (replaced in place by a later write of the same attempt), encoded records, and variables encoded at commit. */
type PendingRecord = StepRow | string | PendingVariable;

/**
 * Where a step row waits for the next commit. The engine keeps it with the step in flight: a later
 * write of the same attempt before that commit (a container's end over its Running row) replaces the
 * row there instead of adding a second record.
 */
export interface StepSlot {
  readonly list: PendingRecord[];
  readonly index: number;
}

/** A run's records of one commit, encoded as its log row's `entries` text. */
interface EncodedLog {
  runId: string;
  entries: string;
}

/** Encodes one run's records of a commit, in the order they were journaled, as a log row's entries. */
function encodeRow(list: readonly PendingRecord[]): string {
  // The row's base time: its first step's start (steps' starts are written after it).
  let base = 0;
  for (const r of list) {
    if (typeof r === "object" && !(r instanceof PendingVariable)) {
      base = r.startedAt;
      break;
    }
  }
  const pieces: string[] = [`[${base}`];
  for (const r of list) {
    pieces.push(
      typeof r === "string"
        ? r
        : r instanceof PendingVariable
          ? variableRecord(r.name, r.type, r.valueText())
          : stepRecord(r, base),
    );
  }
  // One join (the bracket joins the last piece first): one flat string. A run's row waits for the
  // commit as that one string, not as the many small ones it was made of (each of which the
  // garbage collector would copy), and SQLite reads it as it is.
  pieces[pieces.length - 1] += "]";
  return pieces.join(",");
}

/**
 * Operations kept in memory for the commit (records of runs still going, run ends outside a
 * batch…) that make a long synchronous burst commit early, at a step's end. What waits for a
 * commit lives until then, and the garbage collector copies it at every minor collection: 20,000
 * made that copying a quarter of the engine's time. (Runs that end in a batch are written at once
 * and do not count: a burst of them commits once, and each commit of an in-memory database walks
 * its whole page cache.)
 */
const MAX_PENDING = 2_000;

/** Events a burst lets wait (with a listener) before it commits early: about 1,800 runs' worth. */
const MAX_PENDING_EVENTS = 20_000;

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
  /** In journal order: operations, and run ends (written in chunks, in their place among the operations). */
  private ops: (Op | RunEnd)[] = [];
  /** Records to append to each run's log at the next commit, and where each attempt's step row sits. */
  private records = new Map<string, PendingRecord[]>();
  /** The run last journaled and its list in `records`: a run's steps come one after another. */
  private lastList: { runId: string; list: PendingRecord[] } | undefined;
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
    lastLogRow: Statement;
    insertWait: Statement;
    deleteWait: Statement;
    deleteRunWaits: Statement;
    setRunStatus: Statement;
    setResponse: Statement;
    consumeSignal: Statement;
    begin: Statement;
    commit: Statement;
    rollback: Statement;
  };
  /** Inside a batch (see batch()). */
  private inBatch = false;
  /** The journal opened the transaction in progress (a batch's ends are in it). */
  private ownTransaction = false;

  constructor(
    db: Database,
    private readonly options: JournalOptions,
  ) {
    this.maxPending = options.maxPending ?? MAX_PENDING;
    this.s = {
      insertDefinition: db.prepare("INSERT OR IGNORE INTO run_definitions (hash, definition) VALUES (?, ?)"),
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
      setResponse: db.prepare("UPDATE runs SET response = ? WHERE id = ?"),
      consumeSignal: db.prepare(
        "UPDATE run_signals SET consumed_at = ? WHERE token = ? AND consumed_at IS NULL",
      ),
      begin: db.prepare("BEGIN"),
      commit: db.prepare("COMMIT"),
      rollback: db.prepare("ROLLBACK"),
    };
    // A run's own values are its id, trigger outputs and start; the runs of a burst share the rest.
    this.runRows = new BatchedRows(
      db,
      (rows) =>
        `INSERT INTO runs (id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs,
           definition_hash, status, started_at, resubmitted_from)
         VALUES ${valuesList(rows, "(?, @flowId, @flowName, @flowVersion, @mode, @triggerName, ?, @definitionHash, @status, ?, @resubmittedFrom)")}`,
      3,
      {
        shared: [
          "flowId",
          "flowName",
          "flowVersion",
          "mode",
          "triggerName",
          "definitionHash",
          "status",
          "resubmittedFrom",
        ],
      },
    );
    this.logRows = new BatchedRows(
      db,
      (rows) => `INSERT INTO run_log (run_id, n, entries) VALUES ${valuesList(rows, "(?, ?, ?)")}`,
      3,
    );
    // Runs of a burst end with the same status (and no error) at about the same time.
    this.runEnds = new BatchedRows(
      db,
      (rows) =>
        `UPDATE runs SET status = @status, ended_at = v.column2, error = @error
         FROM (VALUES ${valuesList(rows, "(?, ?)")}) AS v WHERE runs.id = v.column1`,
      2,
      // One end per run and chunk: an UPDATE … FROM takes one of two rows for the same run.
      { shared: ["status", "error"], unique: true },
    );
    // Made once: better-sqlite3 builds a new wrapper on every db.transaction() call.
    this.insertRunTransaction = db.transaction((row: RunRow) => {
      this.holdRun(row);
      this.runRows.flush();
    });
    this.commitTransaction = db.transaction(
      (ended: EncodedLog[], records: Map<string, PendingRecord[]>, ops: (Op | RunEnd)[]) =>
        this.writePending(ended, records, ops),
    );
    this.db = db;
  }

  get policy(): CommitPolicy {
    return this.options.policy;
  }

  /** Operations or events wait for a commit. */
  get pending(): boolean {
    return (
      this.ownTransaction ||
      this.ops.length > 0 ||
      this.pendingRecords > 0 ||
      this.events.length > 0 ||
      this.turnScheduled
    );
  }

  /** Runs fn in one transaction (its run inserts share the commit, and are written in chunks). */
  group<T>(fn: () => T): T {
    const inCallersTransaction = this.db.inTransaction;
    // Rows an enclosing group holds go in first: they are not this group's to roll back.
    if (inCallersTransaction) this.runRows.flush();
    const outer = this.groupOwnsTransaction;
    this.groupOwnsTransaction = !inCallersTransaction;
    try {
      const result = this.db.transaction(() => {
        const value = fn();
        this.runRows.flush();
        return value;
      })();
      if (!inCallersTransaction) this.commits++;
      return result;
    } catch (error) {
      // Rolled back: the rows held for it are gone with it.
      if (!inCallersTransaction) this.runRows.clear();
      throw error;
    } finally {
      this.groupOwnsTransaction = outer;
    }
  }

  /** Writes the run rows a group holds back: before anything inside the group reads runs. */
  writeHeldRuns(): void {
    this.runRows.flush();
  }

  /**
   * Inserts a run (and its definition snapshot) now, in its own transaction, a group's, or the
   * caller's. True when the row is committed once this returns (or once the group returns without
   * throwing); false inside a caller's transaction, which may still roll it back.
   */
  insertRun(row: RunRow): boolean {
    // In a group's own transaction the rows wait and go in by chunks before it commits: a
    // savepoint per run (what a nested db.transaction() makes) would change nothing, since a
    // failed insert rolls the group back.
    if (this.groupOwnsTransaction) {
      this.holdRun(row);
      return true;
    }
    const inCallersTransaction = this.db.inTransaction;
    // Rows a group holds go first, in start order.
    this.runRows.flush();
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
    ops: (Op | RunEnd)[],
  ) => void;
  private readonly runRows: BatchedRows;
  private readonly logRows: BatchedRows;
  private readonly runEnds: BatchedRows;
  private readonly db: Database;

  /** A run's row, written with the next chunk (its definition snapshot at once: the row refers to it). */
  private holdRun(row: RunRow): void {
    if (row.definition !== null) this.s.insertDefinition.run(row.definitionHash, row.definition);
    this.runRows.add(
      row.id,
      row.triggerOutputs,
      row.startedAt,
      row.flowId,
      row.flowName,
      row.flowVersion,
      row.mode,
      row.triggerName,
      row.definitionHash,
      row.status,
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
    if (earlier && this.listOf(row.runId) === earlier.list) {
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
  setVariable(runId: string, variable: PendingVariable): void {
    if (this.closed) return;
    this.append(runId, variable);
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
    if (this.closed) return;
    if (this.writeThrough()) {
      this.writeEnded(runId, { runId, status, endedAt, error });
      return;
    }
    this.encodeEnded(runId);
    this.ops.push({ runId, status, endedAt, error });
    this.scheduleTurn();
  }

  /**
   * Runs the engine's work of a batch (see the top of this file): runs that end in it are written
   * at once, and what it journaled is committed when it is done.
   */
  batch(work: () => void): void {
    const outer = this.inBatch;
    this.inBatch = true;
    try {
      work();
    } finally {
      this.inBatch = outer;
      if (!outer && this.ownTransaction) this.commit();
    }
  }

  /** Whether a run's end is written at once: inside a batch, in the journal's own transaction. */
  private writeThrough(): boolean {
    if (!this.inBatch || this.options.policy === "step") return false;
    if (this.ownTransaction) return true;
    // A transaction someone else opened is theirs to commit or roll back.
    if (this.db.inTransaction) return false;
    this.s.begin.run();
    this.ownTransaction = true;
    return true;
  }

  /** A run's pending records and its end, written now in the journal's own transaction. */
  private writeEnded(runId: string, end: RunEnd): void {
    try {
      const list = this.listOf(runId);
      if (list) {
        this.records.delete(runId);
        this.lastList = undefined;
        this.pendingRecords -= list.length;
        this.appendLog(runId, encodeRow(list));
      }
      this.runEnds.add(end.runId, end.endedAt, end.status, end.error);
      this.nextLogRow.delete(runId);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.scheduleTurn();
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
    if (
      this.options.policy === "step" ||
      this.ops.length + this.pendingRecords >= this.maxPending ||
      this.events.length >= MAX_PENDING_EVENTS
    )
      this.commit();
  }

  /** Commits every pending operation in one transaction, then emits the pending events. */
  commit(): void {
    if (this.closed) return;
    if (this.ownTransaction || this.ops.length > 0 || this.pendingRecords > 0) {
      const ops = this.ops;
      const records = this.records;
      const ended = this.ended;
      this.ops = [];
      this.records = new Map();
      this.lastList = undefined;
      this.ended = [];
      this.pendingRecords = 0;
      try {
        if (this.ownTransaction) {
          // The rest goes into the transaction the batch's ends were written in.
          this.writePending(ended, records, ops);
          this.s.commit.run();
          this.ownTransaction = false;
        } else this.commitTransaction(ended, records, ops);
        this.commits++;
      } catch (error) {
        this.fail(error);
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

  /**
   * A write or a commit failed: what the journal's own transaction held is rolled back, and the
   * engine must stop (what is committed is consistent; recovery resumes from it).
   */
  private fail(error: unknown): void {
    if (this.ownTransaction) {
      this.ownTransaction = false;
      if (this.db.inTransaction) this.s.rollback.run();
    }
    this.logRows.clear();
    this.runEnds.clear();
    this.closed = true;
    this.events = [];
    this.options.onCommitError(error);
  }

  /** Commits what is pending and refuses everything after (engine stopped). */
  close(): void {
    this.commit();
    this.closed = true;
    this.ops = [];
    this.records = new Map();
    this.lastList = undefined;
    this.ended = [];
    this.pendingRecords = 0;
    this.events = [];
  }

  /** Queues a record for the run's next log row; returns that row's list. */
  private append(runId: string, record: PendingRecord): PendingRecord[] {
    let list = this.listOf(runId);
    if (!list) {
      list = [];
      this.records.set(runId, list);
      this.lastList = { runId, list };
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
    const list = this.listOf(runId);
    if (!list) return;
    this.records.delete(runId);
    this.lastList = undefined;
    this.ended.push({ runId, entries: encodeRow(list) });
  }

  /** The run's list in `records`, if it has one. */
  private listOf(runId: string): PendingRecord[] | undefined {
    const last = this.lastList;
    if (last?.runId === runId) return last.list;
    const list = this.records.get(runId);
    if (list) this.lastList = { runId, list };
    return list;
  }

  /** One log row per run: the commit's records of that run, in the order they were journaled. */
  private appendLogs(records: Map<string, PendingRecord[]>): void {
    for (const [runId, list] of records) this.appendLog(runId, encodeRow(list));
  }

  private appendLog(runId: string, entries: string): void {
    let n = this.nextLogRow.get(runId);
    if (n === undefined) {
      this.logRows.flush();
      const last = this.s.lastLogRow.get(runId) as number | null;
      n = last === null ? 0 : last + 1;
    }
    this.logRows.add(runId, n, entries);
    this.nextLogRow.set(runId, n + 1);
  }

  /** Writes what waits for the commit (in a transaction): log rows, then operations. */
  private writePending(
    ended: readonly EncodedLog[],
    records: Map<string, PendingRecord[]>,
    ops: readonly (Op | RunEnd)[],
  ): void {
    for (const log of ended) this.appendLog(log.runId, log.entries);
    this.appendLogs(records);
    this.logRows.flush();
    this.runOps(ops);
  }

  /** The commit's operations in journal order; consecutive run ends go in chunks. */
  private runOps(ops: readonly (Op | RunEnd)[]): void {
    for (const op of ops) {
      if (typeof op === "function") {
        this.runEnds.flush();
        op();
        continue;
      }
      this.runEnds.add(op.runId, op.endedAt, op.status, op.error);
      this.nextLogRow.delete(op.runId);
    }
    this.runEnds.flush();
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
