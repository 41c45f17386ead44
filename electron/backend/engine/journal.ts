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
import type { Database, Statement } from "better-sqlite3";
import type { EngineEvent } from "./types";

export type CommitPolicy = "step" | "batch";

export interface StepRow {
  runId: string;
  iteration: string;
  action: string;
  attempt: number;
  seq: number;
  type: string;
  status: string;
  code: string | null;
  inputs: string | null;
  outputs: string | null;
  error: string | null;
  state: string | null;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  restarts: number;
}

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

export interface JournalOptions {
  policy: CommitPolicy;
  emit: (event: EngineEvent) => void;
  /** Runs at the end of a turn, before its commit, once microtasks have settled. */
  beforeTurnCommit: () => void;
  /** A commit failed: the engine must stop (what is committed is consistent; recovery resumes from it). */
  onCommitError: (error: unknown) => void;
  /** Commit early when this many operations are waiting. */
  maxPending?: number;
}

export class Journal {
  private ops: Op[] = [];
  private events: EngineEvent[] = [];
  private turnScheduled = false;
  private closed = false;
  private readonly maxPending: number;
  private readonly s: {
    insertDefinition: Statement;
    insertRun: Statement;
    upsertStep: Statement;
    insertIteration: Statement;
    upsertVariable: Statement;
    insertWait: Statement;
    deleteWait: Statement;
    deleteRunWaits: Statement;
    setRunStatus: Statement;
    finishRun: Statement;
    setResponse: Statement;
    consumeSignal: Statement;
  };

  constructor(
    private readonly db: Database,
    private readonly options: JournalOptions,
  ) {
    this.maxPending = options.maxPending ?? 20_000;
    this.s = {
      insertDefinition: db.prepare("INSERT OR IGNORE INTO run_definitions (hash, definition) VALUES (?, ?)"),
      insertRun: db.prepare(
        `INSERT INTO runs (id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs,
           definition_hash, status, started_at, resubmitted_from)
         VALUES (@id, @flowId, @flowName, @flowVersion, @mode, @triggerName, @triggerOutputs,
           @definitionHash, @status, @startedAt, @resubmittedFrom)`,
      ),
      upsertStep: db.prepare(
        `INSERT INTO run_steps (run_id, iteration, action, attempt, seq, type, status, code, inputs, outputs,
           error, state, started_at, ended_at, duration_ms, restarts)
         VALUES (@runId, @iteration, @action, @attempt, @seq, @type, @status, @code, @inputs, @outputs,
           @error, @state, @startedAt, @endedAt, @durationMs, @restarts)
         ON CONFLICT (run_id, iteration, action, attempt) DO UPDATE SET
           status = excluded.status, code = excluded.code, inputs = excluded.inputs,
           outputs = excluded.outputs, error = excluded.error, state = excluded.state,
           ended_at = excluded.ended_at, duration_ms = excluded.duration_ms, restarts = excluded.restarts`,
      ),
      insertIteration: db.prepare(
        `INSERT OR REPLACE INTO run_iterations (run_id, loop, idx, status, detail, started_at, ended_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      upsertVariable: db.prepare(
        `INSERT INTO run_variables (run_id, name, type, value) VALUES (?, ?, ?, ?)
         ON CONFLICT (run_id, name) DO UPDATE SET type = excluded.type, value = excluded.value`,
      ),
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
  }

  get policy(): CommitPolicy {
    return this.options.policy;
  }

  /** Operations or events wait for a commit. */
  get pending(): boolean {
    return this.ops.length > 0 || this.events.length > 0 || this.turnScheduled;
  }

  /** Inserts a run (and its definition snapshot) now, in its own transaction or the caller's. */
  insertRun(row: RunRow): void {
    this.db.transaction(() => {
      if (row.definition !== null) this.s.insertDefinition.run(row.definitionHash, row.definition);
      this.s.insertRun.run(row);
    })();
  }

  upsertStep(row: StepRow): void {
    this.push(() => this.s.upsertStep.run(row));
  }

  insertIteration(
    runId: string,
    loop: string,
    index: number,
    status: string,
    detail: string | null,
    startedAt: number,
    endedAt: number,
  ): void {
    this.push(() => this.s.insertIteration.run(runId, loop, index, status, detail, startedAt, endedAt));
  }

  /** The value is read when the operation runs, so a burst of changes writes the last one. */
  setVariable(runId: string, name: string, type: string, valueText: () => string): void {
    this.push(() => this.s.upsertVariable.run(runId, name, type, valueText()));
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
    this.push(() => this.s.finishRun.run(status, endedAt, error, runId));
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

  /** A step finished: policy "step" commits now. */
  stepCompleted(): void {
    if (this.options.policy === "step") this.commit();
  }

  /** Commits every pending operation in one transaction, then emits the pending events. */
  commit(): void {
    if (this.closed) return;
    if (this.ops.length > 0) {
      const ops = this.ops;
      this.ops = [];
      try {
        this.db.transaction(() => {
          for (const op of ops) op();
        })();
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
  }

  /** Commits what is pending and refuses everything after (engine stopped). */
  close(): void {
    this.commit();
    this.closed = true;
    this.ops = [];
    this.events = [];
  }

  private push(op: Op): void {
    if (this.closed) return;
    this.ops.push(op);
    if (this.ops.length >= this.maxPending) this.commit();
    else this.scheduleTurn();
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
