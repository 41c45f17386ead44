// The engine's shared machinery: journal, wait registry, the runs in memory, and the life cycle of a
// step (begin, wait, complete, skip) and of a run (end, cancel, exceed its duration). Step executors
// (steps/) and the scheduler call it; the public Engine class wraps it.
import type { Database, Statement } from "better-sqlite3";
import type { WdlAction, WdlActions } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import { Activity } from "./activity";
import type { ConnectorRuntime } from "./connector-runtime";
import { iso } from "./iso";
import { type CommitPolicy, Journal, PendingVariable, type StepRow, type StepSlot } from "./journal";
import { describeSize, type EngineLimits } from "./limits";
import {
  type Frame,
  type InFlight,
  type ReplayStep,
  type Resolution,
  type RunExecution,
  StepResult,
  stepKey,
  stepPath,
  type Variable,
} from "./run-state";
import type { ValueSealer } from "./sealed-values";
import { isSkipReason, type SkipReason, skipOf } from "./skip-reasons";
import { jsonText } from "./static-values";
import type { Eventually, FinalStatus, RunStatus, ScopeStatus, StepStatus } from "./status";
import type { EngineEvent, EngineEventListener, ErrorInfo, RunMode, WaitKind } from "./types";
import { type ArmedWait, type Due, WaitRegistry } from "./waits";

export interface CoreOptions {
  db: Database;
  clock: Clock;
  runtime: ConnectorRuntime;
  limits: EngineLimits;
  random: () => number;
  policy: CommitPolicy;
  events: EngineEventListener;
  /** Whether anyone listens to events: none are made while nobody does. */
  listened: () => boolean;
  /** Loads a run that is not in memory from the journal and drives it (recovery). */
  load: (runId: string) => RunExecution | undefined;
  /** A run ended (its end is journaled, not yet committed): a queued run of its flow may start. */
  onRunEnded?: (run: RunExecution) => void;
  /** Seals secured inputs and outputs before the journal keeps them. */
  sealer: ValueSealer;
}

/** What a step executor knows about the step it runs. */
export interface StepContext {
  core: EngineCore;
  run: RunExecution;
  frame: Frame;
  name: string;
  action: WdlAction;
  /** The type as written in the definition. */
  type: string;
  key: string;
  /** The step's last journaled attempt when the run was reloaded after a restart. */
  prev: ReplayStep | undefined;
  runScope(actions: WdlActions, frame: Frame): Eventually<ScopeStatus>;
  /** Journals the actions of a branch that does not run as Skipped (at `at`: when it was decided). */
  skipBranch(actions: WdlActions, at?: number): void;
}

/** How a step ended. */
export interface StepOutcome {
  status: FinalStatus;
  inputs?: JsonValue;
  outputs?: JsonValue;
  /** The outputs' JSON (JSON.stringify of outputs), when the step has it already. */
  outputsText?: string;
  error?: ErrorInfo | null;
  code?: string | null;
  state?: JsonValue;
  attempt?: number;
  startedAt?: number;
}

export class EngineCore {
  readonly db: Database;
  readonly clock: Clock;
  readonly runtime: ConnectorRuntime;
  readonly limits: EngineLimits;
  readonly random: () => number;
  readonly journal: Journal;
  readonly sealer: ValueSealer;
  readonly registry: WaitRegistry;
  readonly loaded = new Map<string, RunExecution>();
  stopped = false;
  readonly activity = new Activity(() => this.stopped);
  private readonly load: (runId: string) => RunExecution | undefined;
  /** Whether anyone listens to events (see stepEvent). */
  readonly listened: () => boolean;
  private readonly onRunEnded: ((run: RunExecution) => void) | undefined;
  private readonly signalQuery;
  private readonly runInfo: Statement;

  constructor(options: CoreOptions) {
    this.db = options.db;
    this.clock = options.clock;
    this.runtime = options.runtime;
    this.limits = options.limits;
    this.random = options.random;
    this.load = options.load;
    this.listened = options.listened;
    this.onRunEnded = options.onRunEnded;
    this.sealer = options.sealer;
    this.journal = new Journal(options.db, {
      policy: options.policy,
      emit: (event: EngineEvent) => options.events(event),
      beforeTurnCommit: () => this.activity.settleRunStatuses(),
      onCommitError: (error) => this.commitFailed(error),
      afterCommit: () => this.activity.notifyProgress(),
    });
    this.activity.attach(this.journal);
    this.registry = new WaitRegistry(
      options.clock,
      (due) => this.onDue(due),
      (fn) => this.soon(fn),
    );
    this.signalQuery = options.db
      .prepare("SELECT outcome FROM run_signals WHERE token = ? AND consumed_at IS NULL")
      .pluck();
    this.runInfo = options.db.prepare("SELECT flow_id, flow_name, mode, started_at FROM runs WHERE id = ?");
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Every step row goes to the journal through here: the inputs and outputs a step secures are
   * sealed first, whichever way the row was made (begin, end, a failed attempt, a run ended under it).
   */
  private journalStep(
    run: RunExecution,
    row: StepRow,
    earlier?: StepSlot,
    keepSlot = true,
  ): StepSlot | undefined {
    const secured = run.index.anySecured ? run.index.actions.get(row.action)?.secured : undefined;
    if (secured?.inputs && row.inputs !== null) row.inputs = this.sealer.seal(row.inputs);
    if (secured?.outputs && row.outputs !== null) row.outputs = this.sealer.seal(row.outputs);
    return this.journal.upsertStep(row, earlier, keepSlot);
  }

  /**
   * Announces a step's state, emitted once the journal holds it. Made only while someone listens
   * (the app always does): nine events a run, each two objects kept until the commit, were a tenth
   * of a run's cost when nothing heard them.
   */
  private stepEvent(
    run: RunExecution,
    action: string,
    iteration: string,
    attempt: number,
    status: StepStatus,
    startedAt: number,
    endedAt: number | null,
    error: ErrorInfo | null,
  ): void {
    if (!this.listened()) return;
    this.journal.event({
      event: "run.step",
      payload: {
        runId: run.id,
        flowId: run.flow.id,
        action,
        iteration,
        path: stepPath(iteration, action),
        attempt,
        status,
        startedAt: iso(startedAt),
        endedAt: endedAt === null ? null : iso(endedAt),
        durationMs: endedAt === null ? null : endedAt - startedAt,
        error,
      },
    });
  }

  soon(fn: () => void): void {
    this.activity.soon(fn);
  }

  leafStarted(run: RunExecution): void {
    this.activity.leafStarted(run);
  }

  leafEnded(run: RunExecution): void {
    this.activity.leafEnded(run);
  }

  idle(): Promise<void> {
    return this.activity.idle();
  }

  private commitFailed(error: unknown): void {
    console.error("[engine] the run journal could not be written; the engine stops:", error);
    this.halt();
  }

  /** Stops everything in memory without writing (what is committed stays consistent). */
  halt(): void {
    this.stopped = true;
    this.registry.stop();
    for (const run of this.loaded.values()) run.halted = true;
    this.loaded.clear();
    this.activity.reset();
  }

  // ---- steps ----------------------------------------------------------------------------------

  /** Counts a step start against the run's limit; false (and the run failed) when it is exceeded. */
  countStep(sc: StepContext): boolean {
    const { run } = sc;
    run.stepCount++;
    if (run.stepCount <= this.limits.maxStepsPerRun) return true;
    this.endRun(run, "Failed", {
      code: "StepLimitExceeded",
      message: `The run was stopped at step '${sc.name}': it had started ${this.limits.maxStepsPerRun.toLocaleString("en-US")} steps, the most one run may execute.`,
    });
    return false;
  }

  /** Journals a step as Running (or Waiting) and remembers it as in flight. */
  beginStep(
    sc: StepContext,
    options: {
      attempt?: number;
      status?: "Running" | "Waiting";
      leaf: boolean;
      inputs?: JsonValue;
      state?: JsonValue;
      restarts?: number;
      startedAt?: number;
      outputs?: JsonValue;
    },
  ): InFlight {
    const { run } = sc;
    const attempt = options.attempt ?? 1;
    const existing = run.inFlightOf(sc.key);
    const reuse = existing && existing.attempt === attempt ? existing : undefined;
    const startedAt = options.startedAt ?? reuse?.startedAt ?? this.now();
    const flight: InFlight = {
      action: sc.name,
      iteration: sc.frame.iteration,
      attempt,
      seq: reuse?.seq ?? (sc.prev && sc.prev.attempt === attempt ? sc.prev.seq : run.nextSeq()),
      type: sc.type,
      startedAt,
      restarts: options.restarts ?? reuse?.restarts ?? 0,
      inputs: options.inputs === undefined ? (reuse?.inputs ?? null) : jsonText(options.inputs),
      state: options.state === undefined ? (reuse?.state ?? null) : jsonText(options.state),
      leaf: options.leaf,
    };
    run.inFlight.set(sc.key, flight);
    if (run.stopped) return flight;
    const status = options.status ?? "Running";
    flight.slot = this.journalStep(
      run,
      {
        runId: run.id,
        iteration: flight.iteration,
        action: flight.action,
        attempt,
        seq: flight.seq,
        type: flight.type,
        status,
        code: null,
        inputs: flight.inputs,
        outputs: options.outputs === undefined ? null : jsonText(options.outputs),
        error: null,
        state: flight.state,
        startedAt,
        endedAt: null,
        durationMs: null,
        restarts: flight.restarts,
      },
      reuse?.slot,
    );
    this.stepEvent(run, sc.name, flight.iteration, attempt, status, startedAt, null, null);
    return flight;
  }

  /** After a restart: the step the journal holds as Running or Waiting is in flight again (nothing written). */
  resumeInFlight(sc: StepContext, prev: ReplayStep, leaf: boolean): InFlight {
    const flight: InFlight = {
      action: sc.name,
      iteration: sc.frame.iteration,
      attempt: prev.attempt,
      seq: prev.seq,
      type: sc.type,
      startedAt: prev.startedAt,
      restarts: prev.restarts,
      inputs: prev.inputs,
      state: prev.stateText,
      leaf,
    };
    sc.run.inFlight.set(sc.key, flight);
    return flight;
  }

  /** Journals a step's end, files its result for expressions, and returns its status. */
  completeStep(sc: StepContext, outcome: StepOutcome): FinalStatus {
    const { run } = sc;
    const flight = run.takeInFlight(sc.key);
    if (run.stopped) return outcome.status;
    const endedAt = this.now();
    const startedAt = outcome.startedAt ?? flight?.startedAt ?? endedAt;
    let status = outcome.status;
    let error = outcome.error ?? null;
    let inputsText = outcome.inputs === undefined ? (flight?.inputs ?? null) : jsonText(outcome.inputs);
    let outputsText =
      outcome.outputs === undefined
        ? null
        : outcome.outputs === outcome.inputs
          ? inputsText
          : (outcome.outputsText ?? jsonText(outcome.outputs));
    let inputs = outcome.inputs;
    let outputs = outcome.outputs;
    // Checked without building a list per step: this runs for every step of every run.
    const max = this.limits.maxPayloadChars;
    const tooLarge =
      inputsText !== null && inputsText.length > max
        ? ("inputs" as const)
        : outputsText !== null && outputsText.length > max
          ? ("outputs" as const)
          : undefined;
    if (tooLarge) {
      const size = (tooLarge === "inputs" ? inputsText : outputsText)?.length ?? 0;
      status = "Failed";
      error = {
        code: "PayloadTooLarge",
        message: `The ${tooLarge} of step '${sc.name}' are ${describeSize(size)}, more than the ${describeSize(max)} a value may hold.`,
      };
      if (tooLarge === "inputs") {
        inputsText = null;
        inputs = undefined;
      }
      outputsText = null;
      outputs = undefined;
    }
    const attempt = outcome.attempt ?? flight?.attempt ?? 1;
    const seq = flight?.seq ?? (sc.prev && sc.prev.attempt === attempt ? sc.prev.seq : run.nextSeq());
    const stateText = outcome.state === undefined ? (flight?.state ?? null) : jsonText(outcome.state);
    const code = outcome.code === undefined ? defaultCode(status) : outcome.code;
    this.journalStep(
      run,
      {
        runId: run.id,
        iteration: sc.frame.iteration,
        action: sc.name,
        attempt,
        seq,
        type: sc.type,
        status,
        code,
        inputs: inputsText,
        outputs: outputsText,
        error: error === null ? null : JSON.stringify(error),
        state: stateText,
        startedAt,
        endedAt,
        durationMs: endedAt - startedAt,
        restarts: flight?.restarts ?? 0,
      },
      flight && flight.attempt === attempt ? flight.slot : undefined,
      false,
    );
    if (run.keepsResult(sc.name))
      run.setResult(
        new StepResult(
          sc.name,
          sc.frame.iteration,
          sc.type,
          status,
          attempt,
          code,
          startedAt,
          endedAt,
          inputs === undefined ? inputsText : null,
          outputs === undefined ? outputsText : null,
          error,
          inputs,
          outputs,
        ),
      );
    this.stepEvent(run, sc.name, sc.frame.iteration, attempt, status, startedAt, endedAt, error);
    this.journal.stepCompleted();
    return status;
  }

  /**
   * Journals an attempt that failed and will be retried (its row stays as the attempt's record), and
   * keeps the step in flight.
   */
  recordFailedAttempt(sc: StepContext, attempt: number, outputs: JsonValue, error: ErrorInfo): void {
    const { run } = sc;
    const flight = run.inFlightOf(sc.key);
    if (!flight || run.stopped) return;
    const endedAt = this.now();
    flight.slot = this.journalStep(
      run,
      {
        runId: run.id,
        iteration: flight.iteration,
        action: sc.name,
        attempt,
        seq: flight.seq,
        type: sc.type,
        status: "Failed",
        code: null,
        inputs: flight.inputs,
        outputs: JSON.stringify(outputs),
        error: JSON.stringify(error),
        state: flight.state,
        startedAt: flight.startedAt,
        endedAt,
        durationMs: endedAt - flight.startedAt,
        restarts: flight.restarts,
      },
      flight.attempt === attempt ? flight.slot : undefined,
    );
  }

  /** Journals a step that does not run (run-after not met, branch not taken, container skipped). */
  skipStep(
    run: RunExecution,
    frame: Frame,
    name: string,
    type: string,
    reason: SkipReason | ErrorInfo,
    skippedAt?: number,
  ): void {
    const key = stepKey(frame.iteration, name);
    const skip = isSkipReason(reason) ? skipOf(name, reason) : undefined;
    const error = skip ? skip.error : (reason as ErrorInfo);
    const known = run.replay.get(key);
    if (known && known.status === "Skipped") {
      if (run.keepsResult(name) && !run.results.has(key)) {
        const at = known.startedAt;
        run.setResult(
          new StepResult(
            name,
            frame.iteration,
            type,
            "Skipped",
            1,
            "ActionSkipped",
            at,
            at,
            null,
            null,
            error,
          ),
        );
      }
      return;
    }
    if (run.stopped) return;
    const at = skippedAt ?? this.now();
    const seq = run.nextSeq();
    this.journalStep(
      run,
      {
        runId: run.id,
        iteration: frame.iteration,
        action: name,
        attempt: 1,
        seq,
        type,
        status: "Skipped",
        code: "ActionSkipped",
        inputs: null,
        outputs: null,
        error: skip ? skip.record : JSON.stringify(error),
        state: null,
        startedAt: at,
        endedAt: at,
        durationMs: 0,
        restarts: 0,
      },
      undefined,
      false,
    );
    if (run.keepsResult(name))
      run.setResult(
        new StepResult(name, frame.iteration, type, "Skipped", 1, "ActionSkipped", at, at, null, null, error),
      );
    this.stepEvent(run, name, frame.iteration, 1, "Skipped", at, at, error);
  }

  // ---- waits ----------------------------------------------------------------------------------

  /** Journals and arms a wait of a step. Token waits look for a signal that arrived first. */
  addWait(
    sc: StepContext,
    attempt: number,
    kind: WaitKind,
    options: { token?: string; resumeAt?: number; description?: string },
  ): ArmedWait {
    const { run } = sc;
    const id = `${run.id}|${sc.frame.iteration}|${sc.name}|${attempt}|${kind}`;
    const wait: ArmedWait = {
      id,
      runId: run.id,
      iteration: sc.frame.iteration,
      action: sc.name,
      attempt,
      kind,
      token: options.token ?? null,
      resumeAt: options.token === undefined ? (options.resumeAt ?? this.now()) : null,
      active: true,
    };
    if (run.stopped) return wait;
    run.waitsJournaled = true;
    this.journal.insertWait({
      id,
      runId: run.id,
      iteration: wait.iteration,
      action: wait.action,
      attempt,
      kind,
      token: wait.token,
      resumeAt: wait.resumeAt,
      description: options.description ?? null,
      createdAt: this.now(),
    });
    if (kind !== "timeout" && this.listened()) {
      this.activity.afterSettle({
        event: "run.waiting",
        payload: {
          runId: run.id,
          flowId: run.flow.id,
          action: sc.name,
          iteration: wait.iteration,
          path: stepPath(wait.iteration, sc.name),
          kind,
          token: wait.token,
          resumeAt: wait.resumeAt === null ? null : iso(wait.resumeAt),
          description: options.description ?? null,
        },
      });
    }
    this.registry.add(wait);
    this.registry.addDeadline(run.id, run.startedAt + this.limits.maxRunDurationMs);
    if (wait.token !== null) {
      const token = wait.token;
      // The answer may have come before the wait existed (it is kept in run_signals).
      if (this.signalQuery.get(token) !== undefined) this.soon(() => this.consumeSignal(token));
    }
    return wait;
  }

  /** Removes a step's waits of the given kinds (all when omitted), in memory and in the journal. */
  removeWaits(sc: StepContext, kinds?: readonly WaitKind[]): void {
    for (const wait of this.registry.ofRun(sc.run.id)) {
      if (wait.iteration !== sc.frame.iteration || wait.action !== sc.name) continue;
      if (kinds && !kinds.includes(wait.kind)) continue;
      this.registry.remove(wait.id);
      if (!sc.run.stopped) this.journal.deleteWait(wait.id);
    }
  }

  /** The step's existing (re-armed) wait of a kind, if any. */
  existingWait(sc: StepContext, kind: WaitKind): ArmedWait | undefined {
    return this.registry
      .ofRun(sc.run.id)
      .find((w) => w.iteration === sc.frame.iteration && w.action === sc.name && w.kind === kind);
  }

  /**
   * Resolves when one of the step's waits ends. `waiting` false: the step is also doing something
   * else meanwhile (a connector call racing its timeout), so the run is not counted as waiting.
   */
  awaitStep(sc: StepContext, waiting = true): Promise<Resolution> {
    const { run, key } = sc;
    const early = run.resolutions.get(key);
    if (early) {
      run.resolutions.delete(key);
      return Promise.resolve(early);
    }
    return new Promise<Resolution>((resolve) => {
      if (waiting) this.activity.leafWaiting(run);
      run.waiters.set(key, (resolution) => {
        run.waiters.delete(key);
        if (waiting) this.activity.leafResumed(run);
        resolve(resolution);
      });
    });
  }

  /** Drops a waiter registered with waiting = false once the race it was part of is over. */
  dropWaiter(sc: StepContext): void {
    sc.run.waiters.delete(sc.key);
  }

  private resolve(run: RunExecution, wait: ArmedWait, resolution: Resolution): void {
    const key = stepKey(wait.iteration, wait.action);
    const waiter = run.waiters.get(key);
    if (waiter) waiter(resolution);
    else run.resolutions.set(key, resolution);
  }

  /**
   * A run whose journal cannot be read back (a damaged row, values sealed with another key): it
   * ends Failed, saying why, instead of stopping the engine; its journal stays as it was.
   */
  failUnreadable(runId: string, cause: unknown): void {
    const row = this.runInfo.get(runId) as
      | { flow_id: string; flow_name: string; mode: RunMode; started_at: number }
      | undefined;
    if (!row || this.stopped) return;
    const at = this.now();
    const error: ErrorInfo = {
      code: "RunCannotContinue",
      message: cause instanceof Error ? cause.message : String(cause),
    };
    this.registry.removeRun(runId);
    this.journal.deleteRunWaits(runId);
    this.journalRunEnd(
      { id: runId, flowId: row.flow_id, flowName: row.flow_name, mode: row.mode, startedAt: row.started_at },
      "Failed",
      at,
      error,
    );
    this.journal.stepCompleted();
  }

  private runFor(runId: string): RunExecution | undefined {
    return this.loaded.get(runId) ?? this.load(runId);
  }

  private onDue(due: Due): void {
    if ("deadline" in due) {
      this.runDurationExceeded(due.deadline.runId);
      return;
    }
    const wait = due.wait;
    if (!wait.active) return;
    const run = this.runFor(wait.runId);
    if (!run || run.stopped || !wait.active) return;
    this.resolve(run, wait, { kind: "time", waitKind: wait.kind, waitId: wait.id });
  }

  /** A signal was stored: hand it to the wait with its token, if that wait exists. */
  consumeSignal(token: string): void {
    const text = this.signalQuery.get(token);
    if (typeof text !== "string") return;
    const wait = this.registry.byTokenValue(token);
    if (!wait?.active) return;
    const run = this.runFor(wait.runId);
    if (!run || run.stopped || !wait.active) return;
    this.resolve(run, wait, { kind: "signal", token, outcome: JSON.parse(text) });
  }

  // ---- runs -----------------------------------------------------------------------------------

  /**
   * Ends a run: steps still in flight become Cancelled (or `inFlightStatus`), its waits are dropped,
   * and the run gets its final status. Nothing of the run executes after this.
   */
  endRun(
    run: RunExecution,
    status: Exclude<RunStatus, "Running" | "Waiting">,
    error: ErrorInfo | null,
    inFlightStatus: "Cancelled" | "TimedOut" = "Cancelled",
    inFlightError: ErrorInfo | null = null,
  ): void {
    if (run.stopped) return;
    const at = this.now();
    for (const flight of run.inFlightSteps()) {
      this.journalStep(
        run,
        {
          runId: run.id,
          iteration: flight.iteration,
          action: flight.action,
          attempt: flight.attempt,
          seq: flight.seq,
          type: flight.type,
          status: inFlightStatus,
          code: inFlightStatus,
          inputs: flight.inputs,
          outputs: null,
          error: inFlightError === null ? null : JSON.stringify(inFlightError),
          state: flight.state,
          startedAt: flight.startedAt,
          endedAt: at,
          durationMs: at - flight.startedAt,
          restarts: flight.restarts,
        },
        flight.slot,
        false,
      );
      this.stepEvent(
        run,
        flight.action,
        flight.iteration,
        flight.attempt,
        inFlightStatus,
        flight.startedAt,
        at,
        inFlightError,
      );
    }
    run.clearInFlight();
    let abandoned: string[] = [];
    if (this.registry.holds(run.id)) {
      abandoned = this.registry.ofRun(run.id).flatMap((wait) => (wait.token === null ? [] : [wait.token]));
      this.registry.removeRun(run.id);
    }
    if (run.waitsJournaled) this.journal.deleteRunWaits(run.id);
    run.clearWaiters();
    this.activity.runEnded(run);
    this.journalRunEnd(
      { id: run.id, flowId: run.flow.id, flowName: run.flow.name, mode: run.mode, startedAt: run.startedAt },
      status,
      at,
      error,
    );
    run.ended = true;
    this.loaded.delete(run.id);
    this.onRunEnded?.(run);
    this.journal.stepCompleted();
    if (abandoned.length > 0 && this.runtime.abandon) {
      // After the run's end is committed: the service's own transaction withdraws the requests.
      this.soon(() => {
        this.journal.commit();
        try {
          this.runtime.abandon?.(abandoned);
        } catch (error) {
          console.error(`[engine] withdrawing the waits of run ${run.id} failed:`, error);
        }
      });
    }
  }

  /** A run's end: its row's status and the event that says so once committed. */
  private journalRunEnd(
    run: { id: string; flowId: string; flowName: string; mode: RunMode; startedAt: number },
    status: Exclude<RunStatus, "Running" | "Waiting">,
    at: number,
    error: ErrorInfo | null,
  ): void {
    this.journal.finishRun(run.id, status, at, error === null ? null : JSON.stringify(error));
    if (!this.listened()) return;
    this.journal.event({
      event: "run.finished",
      payload: {
        runId: run.id,
        flowId: run.flowId,
        flowName: run.flowName,
        mode: run.mode,
        status,
        startedAt: iso(run.startedAt),
        endedAt: iso(at),
        durationMs: at - run.startedAt,
        error,
      },
    });
  }

  private runDurationExceeded(runId: string): void {
    const run = this.runFor(runId);
    if (!run || run.stopped) return;
    const days = Math.round(this.limits.maxRunDurationMs / (24 * 3600 * 1000));
    const error = {
      code: "RunDurationLimitExceeded",
      message: `The run did not finish within ${days} days of its start, the longest a run may last.`,
    };
    this.endRun(run, "Failed", error, "TimedOut", error);
  }

  /** Marks variables changed by the step that just completed, to be written in its commit. */
  touchVariable(run: RunExecution, lowerName: string, fromSecuredInputs = false): void {
    if (fromSecuredInputs) run.sealVariable(lowerName);
    if (run.stopped) return;
    const variable = run.variables.get(lowerName);
    if (!variable || variable.changed) return;
    variable.changed = true;
    this.journal.setVariable(run.id, new VariableChange(run, lowerName, variable, this.sealer));
  }
}

/** A variable changed by a step: its record is made from its value when the journal encodes it. */
class VariableChange extends PendingVariable {
  readonly name: string;
  readonly type: string;

  constructor(
    private readonly run: RunExecution,
    private readonly lowerName: string,
    variable: Variable,
    private readonly sealer: ValueSealer,
  ) {
    super();
    this.name = variable.name;
    this.type = variable.type;
  }

  valueText(): string {
    const { run, lowerName } = this;
    const variable = run.variables.get(lowerName);
    if (variable) variable.changed = false;
    const text = jsonText(variable?.value ?? null);
    return run.sealedVariables?.has(lowerName) ? this.sealer.seal(text) : text;
  }
}

function defaultCode(status: FinalStatus): string | null {
  switch (status) {
    case "Succeeded":
      return "OK";
    case "Skipped":
      return "ActionSkipped";
    case "TimedOut":
      return "ActionTimedOut";
    case "Cancelled":
      return "Cancelled";
    default:
      return null;
  }
}
