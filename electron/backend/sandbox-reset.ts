// Resetting the sandbox, or restoring a snapshot, takes away the approvals and Teams cards that runs
// may be waiting on: nobody could answer them any more. The engine and the sandbox together: say
// which runs that would be before, and cancel them, with the reason, when it is done. Runs waiting
// on a delay or a retry do not depend on the world and wait on.
import type { LostWaitRun } from "../../shared/api";
import type { Engine } from "./engine";
import type { LostWait, Sandbox } from "./sandbox";

interface Deps {
  sandbox: Sandbox;
  engine: Engine;
}

/** The runs a reset (no snapshot) or the restore of `snapshot` would cancel. Changes nothing. */
export function previewSandboxReset({ sandbox, engine }: Deps, snapshot?: string): LostWaitRun[] {
  return runsWaitingOn(engine, sandbox.lostWaits(snapshot));
}

/** Back to the demo company; cancels the runs waiting on what it removed. Returns them. */
export function resetSandbox(deps: Deps): LostWaitRun[] {
  return cancelLost(
    deps,
    () => deps.sandbox.reset(),
    (what) => `Cancelled: the sandbox was reset, and the ${what} it waited on is gone.`,
  );
}

/** Restores a snapshot; cancels the runs whose request is not waiting for an answer in it. Returns them. */
export function restoreSandboxSnapshot(deps: Deps, name: string): LostWaitRun[] {
  return cancelLost(
    deps,
    () => deps.sandbox.restoreSnapshot(name),
    (what) =>
      `Cancelled: the sandbox snapshot “${name}” was restored, and the ${what} it waited on is not waiting for an answer in it.`,
  );
}

/**
 * The world changes first, in its own transaction (its lost waiter rows go with it); then the runs
 * are cancelled through the engine's cancel path (journal, events, in-memory waits). It cannot be one
 * SQLite transaction: the engine's cancel changes memory and emits events a rollback would not take
 * back. In this order a failed reset cancels nothing, and a failure while cancelling leaves the
 * remaining runs waiting as they did before (until their 30-day limit), nothing worse.
 */
function cancelLost(
  { engine }: Deps,
  change: () => LostWait[],
  reason: (what: string) => string,
): LostWaitRun[] {
  const runs = runsWaitingOn(engine, change());
  for (const run of runs)
    engine.cancelRun(run.runId, reason(run.waitsOn === "card" ? "Teams card" : "approval"));
  return runs;
}

/** The runs with a pending wait on one of these tokens; a run waiting on both is said to wait on an approval. */
function runsWaitingOn(engine: Engine, lost: readonly LostWait[]): LostWaitRun[] {
  if (lost.length === 0) return [];
  const kindOf = new Map(lost.map((wait) => [wait.token, wait.kind]));
  const runs = new Map<string, LostWaitRun>();
  for (const wait of engine.pendingWaits()) {
    const kind = wait.token === null ? undefined : kindOf.get(wait.token);
    if (kind === undefined) continue;
    const known = runs.get(wait.runId);
    if (known) {
      if (kind === "approval") known.waitsOn = "approval";
      continue;
    }
    const flowName = engine.getRunSummary(wait.runId)?.flowName ?? wait.flowId;
    runs.set(wait.runId, { runId: wait.runId, flowId: wait.flowId, flowName, waitsOn: kind });
  }
  return [...runs.values()];
}
