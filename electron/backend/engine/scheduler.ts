// Runs the actions of one scope in run-after order: every action whose predecessors have all finished
// with a status it accepts starts (parallel branches run interleaved); one whose run-after does not
// hold is Skipped, and that skip feeds its own followers. The scope's status follows from its
// terminal actions (status.ts). The same code replays a run after a restart: an action the journal
// already holds as finished returns its journaled status without executing again.
import {
  type ActionBranch,
  branchesOf,
  canonicalActionType,
  type WdlAction,
  type WdlActions,
} from "../../../shared/flow";
import type { EngineCore, StepContext } from "./core";
import { stepErrorInfo } from "./errors";
import { type Frame, type ReplayStep, type RunExecution, rootFrame, stepKey } from "./run-state";
import type { SkipReason } from "./skip-reasons";
import {
  deriveScopeStatus,
  type Eventually,
  type FinalStatus,
  isFinalStatus,
  type Predecessor,
  type ScopeShape,
  type ScopeStatus,
  type ScopeStatuses,
  scopeShape,
  unmetRunAfter,
} from "./status";
import { runConnector } from "./steps/connector";
import { runForeach, runIf, runScopeAction, runSwitch, runTerminate, runUntil } from "./steps/control";
import { runCompose, runJoin, runParseJson, runQuery, runResponse, runSelect, runTable } from "./steps/data";
import { runStaticResult, staticResultFor } from "./steps/static-result";
import { runVariableAction } from "./steps/variables";
import { runWait } from "./steps/wait";
import type { ErrorInfo } from "./types";

/** Steps run back to back before the engine lets the event loop turn (I/O, timers, other runs' commits). */
const BURST = 2_000;

const RUN_FAILED: ErrorInfo = {
  code: "ActionFailed",
  message: "An action failed. No dependent actions succeeded.",
};

/** Runs (or, after a restart, continues) a whole run, then journals its end. */
export function driveRun(core: EngineCore, run: RunExecution): void {
  let status: Eventually<ScopeStatus>;
  try {
    status = runScope(core, run, run.definition.actions ?? {}, rootFrame());
  } catch (error) {
    runFailed(core, run, error);
    return;
  }
  if (typeof status === "string") runEnded(core, run, status);
  else
    status.then(
      (s) => runEnded(core, run, s),
      (error: unknown) => runFailed(core, run, error),
    );
}

function runEnded(core: EngineCore, run: RunExecution, status: ScopeStatus): void {
  if (run.stopped) return;
  core.endRun(run, status, status === "Failed" ? RUN_FAILED : null);
}

function runFailed(core: EngineCore, run: RunExecution, error: unknown): void {
  if (run.stopped) return;
  core.endRun(run, "Failed", stepErrorInfo("(run)", error));
}

/**
 * Runs the actions of a scope. The status comes back at once when every action in it finished
 * synchronously (Compose, variables, conditions…): no promise, no microtask per scope; a promise
 * when something in it waits (a connector call, a delay, a burst that yields the event loop).
 */
export function runScope(
  core: EngineCore,
  run: RunExecution,
  actions: WdlActions,
  frame: Frame,
): Eventually<ScopeStatus> {
  return new ScopeRun(core, run, actions, frame).start();
}

/** One scope being run: a class rather than closures, as there is one per scope of every run. */
class ScopeRun {
  private readonly shape: ScopeShape;
  /** By position in the shape's names. */
  private readonly statuses: (FinalStatus | undefined)[] = [];
  /** Made at the first skip: most scopes have none. */
  private skipReasons: (SkipReason | undefined)[] | undefined;
  /** Positions of the actions ready to start, in order; `head` is the next one. */
  private readonly queue: number[];
  private head = 0;
  private remaining: number;
  private inFlight = 0;
  private pumping = false;
  private status: ScopeStatus | undefined;
  private resolve: ((status: ScopeStatus) => void) | undefined;

  constructor(
    private readonly core: EngineCore,
    private readonly run: RunExecution,
    private readonly actions: WdlActions,
    private readonly frame: Frame,
  ) {
    this.shape = scopeShape(actions);
    this.queue = this.shape.roots.slice();
    this.remaining = this.shape.names.length;
  }

  start(): Eventually<ScopeStatus> {
    if (this.remaining === 0) this.finish();
    else this.pump();
    if (this.status !== undefined) return this.status;
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  private finish(status?: "Failed"): void {
    if (this.status !== undefined) return;
    this.status = status ?? deriveScopeStatus(this.shape, this.statuses);
    this.resolve?.(this.status);
  }

  private complete(at: number, status: FinalStatus): void {
    const { shape, statuses } = this;
    statuses[at] = status;
    this.remaining--;
    for (const follower of shape.followers[at] ?? []) {
      if (!allFinished(shape.predecessors[follower], statuses)) continue;
      const unmet = unmetRunAfter(shape, follower, statuses);
      if (unmet) {
        this.skipReasons ??= [];
        this.skipReasons[follower] = { kind: "runAfter", ...unmet };
      }
      this.queue.push(follower);
    }
  }

  /** An action that did not finish at once has finished: its followers may start. */
  private resumed(at: number, status: FinalStatus): void {
    this.inFlight--;
    if (this.run.stopped) return;
    this.complete(at, status);
    this.pump();
  }

  private pump(): void {
    const { core, run, frame, queue } = this;
    if (this.pumping || this.status !== undefined) return;
    this.pumping = true;
    try {
      while (this.head < queue.length) {
        if (run.stopped) return;
        if (core.activity.burst > BURST) {
          core.soon(() => this.pump());
          return;
        }
        const at = queue[this.head++] as number;
        const name = this.shape.names[at] as string;
        const action = this.actions[name] as WdlAction;
        const skip = this.skipReasons?.[at];
        if (skip) {
          skipAction(core, run, frame, name, action, skip);
          this.complete(at, "Skipped");
          continue;
        }
        core.activity.burst++;
        const result = runAction(core, run, name, action, frame);
        if (typeof result === "string") {
          this.complete(at, result);
        } else {
          this.inFlight++;
          result.then((status) => this.resumed(at, status));
        }
      }
    } finally {
      this.pumping = false;
    }
    if (this.remaining === 0) this.finish();
    else if (this.inFlight === 0 && !run.stopped) this.skipCycle();
  }

  /** Nothing runs and nothing can start: the rest wait for each other (a run-after cycle). */
  private skipCycle(): void {
    this.shape.names.forEach((name, at) => {
      if (this.statuses[at] !== undefined) return;
      skipAction(this.core, this.run, this.frame, name, this.actions[name] as WdlAction, {
        code: "RunAfterCycle",
        message: `The action '${name}' never ran: its run-after conditions wait, directly or not, for itself.`,
      });
    });
    this.finish("Failed");
  }
}

function allFinished(preds: readonly Predecessor[] | undefined, statuses: ScopeStatuses): boolean {
  for (const p of preds ?? []) if (statuses[p.at] === undefined) return false;
  return true;
}

/** Journals an action as Skipped, and every action nested in it (they do not run either). */
export function skipAction(
  core: EngineCore,
  run: RunExecution,
  frame: Frame,
  name: string,
  action: WdlAction,
  reason: SkipReason | ErrorInfo,
  at?: number,
): void {
  core.skipStep(run, frame, name, action.type, reason, at);
  for (const branch of nestedBranches(action)) skipNested(core, run, frame, branch.actions, name, at);
}

/** branchesOf, made once per action of a definition snapshot (most have none: a skip asks for every one). */
const branchesByAction = new WeakMap<WdlAction, ActionBranch[]>();
function nestedBranches(action: WdlAction): ActionBranch[] {
  let branches = branchesByAction.get(action);
  if (!branches) {
    branches = branchesOf(action);
    branchesByAction.set(action, branches);
  }
  return branches;
}

/** Journals every action of a branch that does not run (If branch not taken, Switch case not chosen). */
export function skipNested(
  core: EngineCore,
  run: RunExecution,
  frame: Frame,
  actions: WdlActions,
  scope: string,
  at?: number,
): void {
  const reason: SkipReason = { kind: "branch", scope };
  for (const child of scopeShape(actions).names) {
    skipAction(core, run, frame, child, actions[child] as WdlAction, reason, at);
  }
}

function hasPendingRetry(core: EngineCore, run: RunExecution, frame: Frame, name: string): boolean {
  return core.registry
    .ofRun(run.id)
    .some((w) => w.kind === "retry" && w.iteration === frame.iteration && w.action === name);
}

/** A step's context: a class, so that a step costs one object rather than one plus two closures. */
class Step implements StepContext {
  readonly type: string;

  constructor(
    readonly core: EngineCore,
    readonly run: RunExecution,
    readonly frame: Frame,
    readonly name: string,
    readonly action: WdlAction,
    readonly key: string,
    readonly prev: ReplayStep | undefined,
  ) {
    this.type = action.type;
  }

  runScope(actions: WdlActions, frame: Frame): Eventually<ScopeStatus> {
    return runScope(this.core, this.run, actions, frame);
  }

  skipBranch(actions: WdlActions, at?: number): void {
    skipNested(this.core, this.run, this.frame, actions, this.name, at);
  }
}

export function runAction(
  core: EngineCore,
  run: RunExecution,
  name: string,
  action: WdlAction,
  frame: Frame,
): Eventually<FinalStatus> {
  const key = stepKey(frame.iteration, name);
  const prev = run.replay.get(key);
  if (prev && isFinalStatus(prev.status) && !hasPendingRetry(core, run, frame, name)) return prev.status;
  const sc = new Step(core, run, frame, name, action, key, prev);
  if (!prev && !core.countStep(sc)) return "Failed";
  try {
    const staticResult = staticResultFor(sc);
    if (staticResult) return runStaticResult(sc, staticResult);
    const result = execute(sc);
    if (typeof result === "string") return result;
    return result.catch((error: unknown) =>
      core.completeStep(sc, { status: "Failed", error: stepErrorInfo(name, error) }),
    );
  } catch (error) {
    return core.completeStep(sc, { status: "Failed", error: stepErrorInfo(name, error) });
  }
}

function execute(sc: StepContext): Eventually<FinalStatus> {
  const type = canonicalActionType(sc.action.type);
  switch (type) {
    case "Compose":
      return runCompose(sc);
    case "ParseJson":
      return runParseJson(sc);
    case "Query":
      return runQuery(sc);
    case "Select":
      return runSelect(sc);
    case "Join":
      return runJoin(sc);
    case "Table":
      return runTable(sc);
    case "Response":
      return runResponse(sc);
    case "InitializeVariable":
    case "SetVariable":
    case "IncrementVariable":
    case "DecrementVariable":
    case "AppendToStringVariable":
    case "AppendToArrayVariable":
      return runVariableAction(sc, type);
    case "If":
      return runIf(sc);
    case "Switch":
      return runSwitch(sc);
    case "Scope":
      return runScopeAction(sc);
    case "Foreach":
      return runForeach(sc);
    case "Until":
      return runUntil(sc);
    case "Terminate":
      return runTerminate(sc);
    case "Wait":
      return runWait(sc);
    case "OpenApiConnection":
    case "OpenApiConnectionWebhook":
    case "ApiConnection":
    case "ApiConnectionWebhook":
      return runConnector(sc, type);
    default:
      return sc.core.completeStep(sc, {
        status: "Failed",
        error: {
          code: "ActionTypeNotSupported",
          message: `The step '${sc.name}' is of type '${sc.action.type}', which Flowsmith does not run.`,
        },
      });
  }
}
