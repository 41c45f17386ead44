// The engine: runs flow definitions with WDL semantics and keeps every run as a journal in SQLite,
// so that a run survives the process (see README.md for the guarantees). Plain Node: no electron.
import type { Database, Statement } from "better-sqlite3";
import { type ConcurrencyLimit, concurrencyOf, securedData } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { type Clock, SystemClock } from "../clock";
import type { ConnectorRuntime, FinalOutcome, SignalSink } from "./connector-runtime";
import { EngineCore } from "./core";
import { EngineError } from "./errors";
import { RunHistory } from "./history";
import { timeOrderedId } from "./ids";
import { iso } from "./iso";
import type { CommitPolicy, RunRow } from "./journal";
import { DEFAULT_LIMITS, describeSize, type EngineLimits } from "./limits";
import { RunQueries, UNSUCCESSFUL } from "./queries";
import { RunLoader } from "./recovery";
import { RunQueue } from "./run-queue";
import { RunExecution, splitStepKey } from "./run-state";
import { driveRun } from "./scheduler";
import { UNSEALED, type ValueSealer } from "./sealed-values";
import { type Snapshot, SnapshotStore } from "./snapshots";
import { evaluateTriggerConditions, triggerNameOf } from "./trigger-conditions";
import type {
  EngineEvent,
  EngineEventListener,
  ListRunsQuery,
  RunDetail,
  RunPage,
  RunSummary,
  StartRunArgs,
  StartRunResult,
  WaitKind,
  WaitRecord,
} from "./types";
import type { ArmedWait } from "./waits";

export interface EngineOptions {
  db: Database;
  runtime: ConnectorRuntime;
  /** The system clock when absent; a VirtualClock in tests and simulations. */
  clock?: Clock;
  /** Receives every event (also see subscribe()). */
  events?: EngineEventListener;
  limits?: Partial<EngineLimits>;
  /** "batch" (default): steps finished in one event-loop turn share a commit. "step": one commit per step. */
  commit?: CommitPolicy;
  /** For retry jitter and rand()/guid() in expressions; Math.random when absent. */
  random?: () => number;
  /** Run ids; time-ordered ids (ids.ts) when absent. */
  newRunId?: () => string;
  /** Seals secured inputs and outputs in the journal (sealed-values.ts); kept as they are when absent. */
  sealer?: ValueSealer;
}

export interface RecoveryReport {
  /** Runs that were executing when the process stopped: they continue after their last committed step. */
  resumed: number;
  /** Runs waiting (approval, card, delay, retry): their waits are armed again. */
  waiting: number;
  /** Waits armed again. */
  waits: number;
  /** Milliseconds spent in start() (re-arming). */
  ms: number;
}

export class Engine implements SignalSink {
  private readonly core: EngineCore;
  private readonly snapshots: SnapshotStore;
  private readonly sealer: ValueSealer;
  private readonly loader: RunLoader;
  private readonly queries: RunQueries;
  private readonly queue: RunQueue;
  private readonly history: RunHistory;
  /** Flows whose queue is looked at soon (a run of theirs ended). */
  private readonly releasing = new Set<string>();
  private readonly listeners = new Set<EngineEventListener>();
  private readonly clock: Clock;
  private readonly limits: EngineLimits;
  /** A run's id from its start time (time-ordered ids read the clock once with the start). */
  private readonly newRunId: (startedAt: number) => string;
  private started = false;
  /** The clock's time, for every run (one function, not one per run). */
  private readonly now = (): number => this.clock.now();
  private readonly s: {
    insertSignal: Statement;
    runExists: Statement;
    allWaits: Statement;
    activeRuns: Statement;
    pendingSignals: Statement;
  };

  constructor(options: EngineOptions) {
    this.clock = options.clock ?? new SystemClock();
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    const newRunId = options.newRunId;
    this.newRunId = newRunId ? () => newRunId() : timeOrderedId;
    if (options.events) this.listeners.add(options.events);
    const random = options.random ?? Math.random;
    const db = options.db;
    this.snapshots = new SnapshotStore(db);
    this.sealer = options.sealer ?? UNSEALED;
    this.loader = new RunLoader(db, this.snapshots, {
      now: () => this.clock.now(),
      random,
      sealer: this.sealer,
    });
    this.queries = new RunQueries(db);
    this.queue = new RunQueue(db);
    this.history = new RunHistory(db, this.snapshots);
    this.core = new EngineCore({
      db,
      clock: this.clock,
      runtime: options.runtime,
      limits: this.limits,
      random,
      policy: options.commit ?? "batch",
      events: (event) => this.emit(event),
      listened: () => this.listeners.size > 0,
      load: (runId) => this.loadAndDrive(runId),
      onRunEnded: (run) => {
        const limit = concurrencyOf(run.definition, run.triggerName);
        if (limit) this.releaseSoon(run.flow.id, limit);
      },
      sealer: this.sealer,
    });
    this.s = {
      insertSignal: db.prepare(
        "INSERT OR IGNORE INTO run_signals (token, outcome, received_at) VALUES (?, ?, ?)",
      ),
      runExists: db.prepare("SELECT 1 FROM runs WHERE id = ?").pluck(),
      allWaits: db.prepare(
        "SELECT id, run_id, iteration, action, attempt, kind, token, resume_at FROM run_waits",
      ),
      activeRuns: db.prepare(
        `SELECT id, status, started_at FROM runs WHERE status IN ('Running', 'Waiting') AND ${UNSUCCESSFUL}`,
      ),
      pendingSignals: db
        .prepare(
          "SELECT s.token FROM run_signals s JOIN run_waits w ON w.token = s.token WHERE s.consumed_at IS NULL",
        )
        .pluck(),
    };
  }

  /** Listens to run events; returns the function that stops listening. */
  subscribe(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Recovers: re-arms every pending wait (timers on the Clock, tokens, signals that arrived while
   * the app was closed, each run's 30-day deadline) and continues every run that was executing,
   * after its last committed step. Returns once the waits are armed; runs continue asynchronously.
   */
  start(): RecoveryReport {
    if (this.started) throw new EngineError("already-started", "The engine has already been started.");
    if (this.core.stopped) throw new EngineError("stopped", "This engine was stopped; create a new one.");
    this.started = true;
    const begin = performance.now();
    const rows = this.s.allWaits.all() as {
      id: string;
      run_id: string;
      iteration: string;
      action: string;
      attempt: number;
      kind: WaitKind;
      token: string | null;
      resume_at: number | null;
    }[];
    const waits: ArmedWait[] = rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      iteration: r.iteration,
      action: r.action,
      attempt: r.attempt,
      kind: r.kind,
      token: r.token,
      resumeAt: r.resume_at,
      active: true,
    }));
    this.core.registry.addAll(waits);
    const running: string[] = [];
    let waiting = 0;
    for (const run of this.s.activeRuns.all() as { id: string; status: string; started_at: number }[]) {
      this.core.registry.addDeadline(run.id, run.started_at + this.limits.maxRunDurationMs);
      if (run.status === "Running") running.push(run.id);
      else waiting++;
    }
    for (const token of this.s.pendingSignals.all() as string[]) {
      this.core.soon(() => this.core.consumeSignal(token));
    }
    if (running.length > 0) {
      this.core.soon(() => {
        for (const id of running) if (!this.core.loaded.has(id)) this.loadAndDrive(id);
      });
    }
    // Queued runs begin if their flow has free slots now (runs may have ended while it was closed).
    for (const flowId of this.queue.flows()) {
      const next = this.queue.next(flowId);
      const origin = next === undefined ? undefined : this.loader.origin(next);
      const limit = origin && concurrencyOf(origin.definition, origin.triggerName);
      this.releaseSoon(flowId, limit ?? { runs: Number.POSITIVE_INFINITY, waiting: 0 });
    }
    return { resumed: running.length, waiting, waits: waits.length, ms: performance.now() - begin };
  }

  /** Commits what is pending and stops: nothing runs or is written after (in-flight work resumes on the next start). */
  stop(): void {
    if (this.core.stopped) return;
    this.core.journal.close();
    this.core.halt();
  }

  /** Starts a run. Returns once its row is committed (in the caller's transaction, if any); the run proceeds asynchronously. */
  startRun(args: StartRunArgs): StartRunResult {
    this.ensureRunning();
    const definition = args.definition;
    const triggerName = triggerNameOf(definition, args.triggerName);
    const triggerOutputs = args.triggerOutputs ?? null;
    if (args.checkTriggerConditions !== false) {
      const check = evaluateTriggerConditions(definition, triggerOutputs, triggerName, this.now);
      if (!check.ok) {
        return {
          started: false,
          runId: null,
          reason: "trigger-conditions",
          condition: check.condition,
          message: check.message,
        };
      }
    }
    const outputsText = JSON.stringify(triggerOutputs);
    if (outputsText.length > this.limits.maxPayloadChars) {
      throw new EngineError(
        "payload-too-large",
        `The trigger outputs are ${describeSize(outputsText.length)}, more than the ${describeSize(this.limits.maxPayloadChars)} a value may hold.`,
      );
    }
    // The journal keeps secured trigger outputs sealed (their size counts as the flow sent them).
    const journaledOutputs = securedData(definition.triggers?.[triggerName]).outputs
      ? this.sealer.seal(outputsText)
      : outputsText;
    const snapshot = this.snapshots.of(definition);
    const limit = concurrencyOf(snapshot.definition, triggerName);
    // The flow's runs are counted in the database: runs a group of starts holds back go in first.
    if (limit) this.core.journal.writeHeldRuns();
    if (limit && this.queue.active(args.flow.id) >= limit.runs) {
      if (this.queue.queued(args.flow.id) >= limit.waiting) {
        return {
          started: false,
          runId: null,
          reason: "queue-full",
          message: `“${args.flow.name}” already has ${limit.runs} run${limit.runs === 1 ? "" : "s"} in progress and ${limit.waiting} waiting, the most its trigger's concurrency control allows.`,
        };
      }
      return this.startQueued(args, snapshot, triggerName, journaledOutputs);
    }
    const startedAt = this.clock.now();
    const id = this.newRunId(startedAt);
    const committed = this.core.journal.insertRun(
      runRow(args, {
        id,
        triggerName,
        outputsText: journaledOutputs,
        snapshot,
        definitionText: this.snapshots.textToStore(snapshot),
        status: "Running",
        startedAt,
      }),
    );
    this.snapshots.stored(snapshot);
    const run = new RunExecution({
      id,
      flow: args.flow,
      mode: args.mode,
      definition: snapshot.definition,
      triggerName,
      triggerOutputs,
      startedAt,
      now: this.now,
      random: this.core.random,
    });
    this.core.loaded.set(id, run);
    this.core.soon(() => {
      if (run.stopped) return; // cancelled before it began
      // Started inside a caller's transaction that was rolled back: there is no run. (A row known
      // committed needs no look: one read less per run.)
      if (!committed && this.s.runExists.get(id) === undefined) {
        run.halted = true;
        this.core.loaded.delete(id);
        return;
      }
      if (this.core.listened()) this.core.journal.event(startedEvent(args, id, triggerName, startedAt));
      driveRun(this.core, run);
    });
    return { started: true, runId: id };
  }

  /**
   * Starts several runs whose rows commit together in one transaction (a batch of trigger events):
   * one commit instead of one per run. Each result is what startRun would return.
   */
  startRuns(list: readonly StartRunArgs[]): StartRunResult[] {
    this.ensureRunning();
    const started: string[] = [];
    try {
      return this.core.journal.group(() =>
        list.map((args) => {
          const result = this.startRun(args);
          if (result.started) started.push(result.runId);
          return result;
        }),
      );
    } catch (error) {
      // The group rolled back: none of its runs exists, and none may begin.
      for (const id of started) {
        const run = this.core.loaded.get(id);
        if (run) run.halted = true;
        this.core.loaded.delete(id);
      }
      throw error;
    }
  }

  /**
   * A run over its flow's concurrency limit: its row (status Waiting) and its place in the flow's
   * queue commit together; it begins when a run of the flow ends and its turn comes.
   */
  private startQueued(
    args: StartRunArgs,
    snapshot: Snapshot,
    triggerName: string,
    outputsText: string,
  ): StartRunResult {
    const startedAt = this.clock.now();
    const id = this.newRunId(startedAt);
    const committed = this.core.journal.group(() => {
      const inserted = this.core.journal.insertRun(
        runRow(args, {
          id,
          triggerName,
          outputsText,
          snapshot,
          definitionText: this.snapshots.textToStore(snapshot),
          status: "Waiting",
          startedAt,
        }),
      );
      this.core.journal.writeHeldRuns(); // the queue row refers to the run's
      this.queue.enqueue(id, args.flow.id, startedAt);
      return inserted;
    });
    this.snapshots.stored(snapshot);
    this.core.registry.addDeadline(id, startedAt + this.limits.maxRunDurationMs);
    this.core.soon(() => {
      if (!committed && this.s.runExists.get(id) === undefined) return; // a caller's transaction rolled back
      if (this.core.listened()) this.core.journal.event(startedEvent(args, id, triggerName, startedAt));
    });
    return { started: true, runId: id, queued: true };
  }

  /** Looks at the flow's queue once the current turn's ends are committed. */
  private releaseSoon(flowId: string, limit: ConcurrencyLimit): void {
    if (this.releasing.has(flowId)) return;
    this.releasing.add(flowId);
    this.core.soon(() => {
      this.releasing.delete(flowId);
      this.release(flowId, limit);
    });
  }

  /** Starts the flow's queued runs, longest waiting first, while it has free slots. */
  private release(flowId: string, limit: ConcurrencyLimit): void {
    if (this.core.stopped) return;
    // The runs that just ended must read as ended before the slots are counted.
    this.core.journal.commit();
    this.queue.clearStale();
    for (;;) {
      if (this.queue.active(flowId) >= limit.runs) return;
      const next = this.queue.next(flowId);
      if (next === undefined) return;
      this.queue.take(next);
      const loaded = this.core.loaded.get(next);
      if (loaded) {
        loaded.status = "Running";
        driveRun(this.core, loaded);
      } else this.loadAndDrive(next);
    }
  }

  /**
   * SignalSink: a person answered (approval, card). Stores the answer in the caller's transaction;
   * the waiting step resumes after it commits. An answer for a wait that does not exist yet is kept
   * until the wait asks for it; a second answer for the same token is ignored.
   */
  deliver(token: string, outcome: FinalOutcome): void {
    this.s.insertSignal.run(token, JSON.stringify(outcome), this.clock.now());
    if (this.started && !this.core.stopped && this.core.registry.byTokenValue(token)) {
      this.core.soon(() => this.core.consumeSignal(token));
    }
  }

  /**
   * Cancels a run that is executing or waiting; false when it does not exist or has already ended.
   * `reason` becomes the run's error message (why it was cancelled, when not by a person).
   */
  cancelRun(runId: string, reason = "The run was cancelled."): boolean {
    this.ensureRunning();
    let run = this.core.loaded.get(runId);
    if (!run) {
      run = this.loader.load(runId);
      if (!run) return false;
      // Not executing in this process: its Running/Waiting steps are the ones to cancel.
      for (const [key, step] of run.replay) {
        if (step.status !== "Running" && step.status !== "Waiting") continue;
        const { iteration, action } = splitStepKey(key);
        run.inFlight.set(key, {
          action,
          iteration,
          attempt: step.attempt,
          seq: step.seq,
          type: step.type,
          startedAt: step.startedAt,
          restarts: step.restarts,
          inputs: step.inputs,
          state: step.stateText,
          leaf: false,
        });
      }
    }
    this.core.endRun(run, "Cancelled", { code: "Cancelled", message: reason });
    this.core.journal.commit();
    return true;
  }

  /**
   * Cancels every run of the flow that is executing or waiting (Power Automate's "Cancel all
   * runs"): the queued ones first, so that cancelling the others does not let them begin.
   * Returns how many were cancelled.
   */
  cancelFlowRuns(flowId: string): number {
    this.ensureRunning();
    const active: string[] = [];
    let cursor: string | undefined;
    do {
      const page = this.queries.listRuns({
        flowId,
        status: ["Running", "Waiting"],
        limit: 500,
        ...(cursor ? { cursor } : {}),
      });
      for (const run of page.runs) active.push(run.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const queued = new Set(active.filter((id) => this.queue.isQueued(id)));
    const queuedFirst = [...queued, ...active.filter((id) => !queued.has(id))];
    let cancelled = 0;
    for (const id of queuedFirst) if (this.cancelRun(id)) cancelled++;
    return cancelled;
  }

  /** Starts a new run with the same definition snapshot, trigger and trigger outputs. */
  resubmit(runId: string): StartRunResult {
    this.ensureRunning();
    const args = this.resubmission(runId);
    if (!args) throw new EngineError("run-not-found", `There is no run '${runId}' to resubmit.`);
    return this.startRun(args);
  }

  /** A run started again: its definition and trigger outputs, its trigger conditions not asked again. */
  private resubmission(runId: string): StartRunArgs | undefined {
    const origin = this.loader.origin(runId);
    return origin && { ...origin, checkTriggerConditions: false, resubmittedFrom: runId };
  }

  /**
   * Resubmits several runs at once, their new runs committed together; a run that cannot be found
   * or started is reported with the reason, and the others start anyway.
   */
  resubmitMany(
    runIds: readonly string[],
  ): ({ from: string; runId: string } | { from: string; message: string })[] {
    this.ensureRunning();
    const found: { from: string; args: StartRunArgs }[] = [];
    const missing: { from: string; message: string }[] = [];
    for (const runId of new Set(runIds)) {
      const args = this.resubmission(runId);
      if (args) found.push({ from: runId, args });
      else missing.push({ from: runId, message: `There is no run '${runId}' to resubmit.` });
    }
    const results = this.startRuns(found.map((f) => f.args));
    return [
      ...found.map(({ from }, i) => {
        const result = results[i];
        return result?.started ? { from, runId: result.runId } : { from, message: result?.message ?? "" };
      }),
      ...missing,
    ];
  }

  /** What the trigger produced in a run, secured or not (a test may start from it); undefined when no such run. */
  triggerOutputsOf(runId: string): JsonValue | undefined {
    return this.loader.origin(runId)?.triggerOutputs;
  }

  getRun(runId: string): RunDetail | undefined {
    return this.queries.getRun(runId);
  }

  getRunSummary(runId: string): RunSummary | undefined {
    return this.queries.summary(runId);
  }

  listRuns(query: ListRunsQuery = {}): RunPage {
    return this.queries.listRuns(query);
  }

  /**
   * Deletes up to `limit` runs that ended before `endedBefore` (the engine's clock), oldest first,
   * in one transaction; running and waiting runs stay. The deleted runs' ids.
   */
  deleteEndedRuns(endedBefore: number, limit = 500): string[] {
    this.ensureRunning();
    return this.history.deleteEndedBefore(endedBefore, limit, (id) => this.core.loaded.has(id)).runIds;
  }

  /** After deleting runs: the definition snapshots no run uses, and signals answered before `before`. */
  dropUnreferenced(before: number): { definitions: number; signals: number } {
    this.ensureRunning();
    return this.history.dropUnreferenced(before);
  }

  pendingWaits(): WaitRecord[] {
    return this.queries.pendingWaits();
  }

  /** Diagnostics: journal transactions so far, runs in memory, waits armed. */
  stats(): { commits: number; loadedRuns: number; armedWaits: number } {
    return {
      commits: this.core.journal.commits,
      loadedRuns: this.core.loaded.size,
      armedWaits: this.core.registry.size,
    };
  }

  /** Resolves when no run has work in flight (waiting runs do not count). For tests and VirtualClock's settle. */
  idle(): Promise<void> {
    return this.core.idle();
  }

  private ensureRunning(): void {
    if (this.core.stopped) throw new EngineError("stopped", "The engine is stopped.");
    if (!this.started) throw new EngineError("not-started", "Call start() before using the engine.");
  }

  private loadAndDrive(runId: string): RunExecution | undefined {
    if (this.core.stopped) return undefined;
    const existing = this.core.loaded.get(runId);
    if (existing) return existing;
    let run: RunExecution | undefined;
    try {
      run = this.loader.load(runId);
    } catch (error) {
      this.core.failUnreadable(runId, error);
      return undefined;
    }
    if (!run) return undefined;
    this.core.loaded.set(runId, run);
    // A run waiting for a slot of its flow is loaded (to be cancelled or timed out) but not run.
    if (!this.queue.isQueued(runId)) driveRun(this.core, run);
    return run;
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error(`[engine] a listener of ${event.event} failed:`, error);
      }
    }
  }
}

/** The row a new run starts with, running or queued. */
function runRow(
  args: StartRunArgs,
  run: {
    id: string;
    triggerName: string;
    outputsText: string;
    snapshot: Snapshot;
    /** The snapshot's JSON when it is not stored yet. */
    definitionText: string | null;
    status: "Running" | "Waiting";
    startedAt: number;
  },
): RunRow {
  return {
    id: run.id,
    flowId: args.flow.id,
    flowName: args.flow.name,
    flowVersion: args.flow.version ?? null,
    mode: args.mode,
    triggerName: run.triggerName,
    triggerOutputs: run.outputsText,
    definitionHash: run.snapshot.hash,
    definition: run.definitionText,
    status: run.status,
    startedAt: run.startedAt,
    resubmittedFrom: args.resubmittedFrom ?? null,
  };
}

function startedEvent(
  args: StartRunArgs,
  runId: string,
  triggerName: string,
  startedAt: number,
): EngineEvent {
  return {
    event: "run.started",
    payload: {
      runId,
      flowId: args.flow.id,
      flowName: args.flow.name,
      flowVersion: args.flow.version ?? null,
      mode: args.mode,
      triggerName,
      startedAt: iso(startedAt),
      resubmittedFrom: args.resubmittedFrom ?? null,
    },
  };
}
