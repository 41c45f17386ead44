// Runs the actions of one scope in run-after order: every action whose predecessors have all finished
// with a status it accepts starts (parallel branches run interleaved); one whose run-after does not
// hold is Skipped, and that skip feeds its own followers. The scope's status follows from its
// terminal actions (status.ts). The same code replays a run after a restart: an action the journal
// already holds as finished returns its journaled status without executing again.
import { branchesOf, canonicalActionType, type WdlAction, type WdlActions } from "../../../shared/flow";
import type { EngineCore, StepContext } from "./core";
import { stepErrorInfo } from "./errors";
import { type Frame, type ReplayStep, type RunExecution, rootFrame, stepKey } from "./run-state";
import type { SkipReason } from "./skip-reasons";
import { deriveScopeStatus, type FinalStatus, isFinalStatus, scopeShape, unmetRunAfter } from "./status";
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
  runScope(core, run, run.definition.actions ?? {}, rootFrame()).then(
    (status) => {
      if (run.stopped) return;
      core.endRun(run, status, status === "Failed" ? RUN_FAILED : null);
    },
    (error: unknown) => {
      if (run.stopped) return;
      core.endRun(run, "Failed", stepErrorInfo("(run)", error));
    },
  );
}

export function runScope(
  core: EngineCore,
  run: RunExecution,
  actions: WdlActions,
  frame: Frame,
): Promise<"Succeeded" | "Failed"> {
  const shape = scopeShape(actions);
  return new Promise((resolve) => {
    const statuses = new Map<string, FinalStatus>();
    const statusOf = (name: string) => statuses.get(name);
    // Made at the first skip: most scopes have none.
    let skipReasons: Map<string, SkipReason> | undefined;
    const queue: string[] = [];
    let head = 0;
    let remaining = shape.names.length;
    let inFlight = 0;
    let pumping = false;
    let done = false;

    const finish = (status?: "Failed") => {
      if (done) return;
      done = true;
      resolve(status ?? deriveScopeStatus(shape, statusOf));
    };

    const complete = (name: string, status: FinalStatus) => {
      statuses.set(name, status);
      remaining--;
      for (const follower of shape.followers.get(name) ?? []) {
        const preds = shape.predecessors.get(follower) ?? [];
        if (!preds.every((p) => statuses.has(p.name))) continue;
        const unmet = unmetRunAfter(shape, follower, statusOf);
        if (unmet) {
          skipReasons ??= new Map();
          skipReasons.set(follower, { kind: "runAfter", ...unmet });
        }
        queue.push(follower);
      }
    };

    const pump = (): void => {
      if (pumping || done) return;
      pumping = true;
      try {
        while (head < queue.length) {
          if (run.stopped) return;
          if (core.activity.burst > BURST) {
            core.soon(pump);
            return;
          }
          const name = queue[head++] as string;
          const action = actions[name] as WdlAction;
          const skip = skipReasons?.get(name);
          if (skip) {
            skipAction(core, run, frame, name, action, skip);
            complete(name, "Skipped");
            continue;
          }
          core.activity.burst++;
          const result = runAction(core, run, name, action, frame);
          if (typeof result === "string") {
            complete(name, result);
          } else {
            inFlight++;
            result.then((status) => {
              inFlight--;
              if (run.stopped) return;
              complete(name, status);
              pump();
            });
          }
        }
      } finally {
        pumping = false;
      }
      if (remaining === 0) finish();
      else if (inFlight === 0 && !run.stopped) {
        // Nothing runs and nothing can start: the rest wait for each other (a run-after cycle).
        for (const name of shape.names) {
          if (statuses.has(name)) continue;
          skipAction(core, run, frame, name, actions[name] as WdlAction, {
            code: "RunAfterCycle",
            message: `The action '${name}' never ran: its run-after conditions wait, directly or not, for itself.`,
          });
        }
        finish("Failed");
      }
    };

    for (const name of shape.names) {
      if ((shape.predecessors.get(name) ?? []).length === 0) queue.push(name);
    }
    if (remaining === 0) finish();
    else pump();
  });
}

/** Journals an action as Skipped, and every action nested in it (they do not run either). */
export function skipAction(
  core: EngineCore,
  run: RunExecution,
  frame: Frame,
  name: string,
  action: WdlAction,
  reason: SkipReason | ErrorInfo,
): void {
  core.skipStep(run, frame, name, action.type, reason);
  for (const branch of branchesOf(action)) skipNested(core, run, frame, branch.actions, name);
}

/** Journals every action of a branch that does not run (If branch not taken, Switch case not chosen). */
export function skipNested(
  core: EngineCore,
  run: RunExecution,
  frame: Frame,
  actions: WdlActions,
  scope: string,
): void {
  for (const [child, action] of Object.entries(actions)) {
    skipAction(core, run, frame, child, action, { kind: "branch", scope });
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

  runScope(actions: WdlActions, frame: Frame): Promise<"Succeeded" | "Failed"> {
    return runScope(this.core, this.run, actions, frame);
  }

  skipBranch(actions: WdlActions): void {
    skipNested(this.core, this.run, this.frame, actions, this.name);
  }
}

export function runAction(
  core: EngineCore,
  run: RunExecution,
  name: string,
  action: WdlAction,
  frame: Frame,
): FinalStatus | Promise<FinalStatus> {
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

function execute(sc: StepContext): FinalStatus | Promise<FinalStatus> {
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
