// Statuses of steps and runs, run-after matching, and how a scope's status follows from its contents.
import { normalizeStatus, type WdlActions } from "../../../shared/flow";

/** Final statuses of a step: the ones run-after can name, plus Cancelled. */
export type FinalStatus = "Succeeded" | "Failed" | "Skipped" | "TimedOut" | "Cancelled";
/** Journal statuses of a step: Running while it executes, Waiting while a wait holds it. */
export type StepStatus = FinalStatus | "Running" | "Waiting";
export type RunStatus = "Running" | "Waiting" | "Succeeded" | "Failed" | "Cancelled";

const FINAL = new Set<string>(["Succeeded", "Failed", "Skipped", "TimedOut", "Cancelled"]);

export function isFinalStatus(status: string): status is FinalStatus {
  return FINAL.has(status);
}

export function isFinalRunStatus(status: string): boolean {
  return status === "Succeeded" || status === "Failed" || status === "Cancelled";
}

/** The statuses a follower accepts from one predecessor: `[]` (or nothing) means Succeeded. */
export function acceptedStatuses(written: readonly string[] | undefined): Set<string> {
  const out = new Set<string>();
  for (const s of written ?? []) {
    const n = normalizeStatus(s);
    if (n) out.add(n);
  }
  if (out.size === 0) out.add("Succeeded");
  return out;
}

/** The static shape of one scope: who runs after whom. */
export interface ScopeShape {
  names: string[];
  /** action → predecessors in this scope, with the statuses each accepts. */
  predecessors: Map<string, { name: string; accepts: Set<string> }[]>;
  followers: Map<string, string[]>;
  /** Actions nothing in the scope runs after: they decide the scope's status. */
  terminals: string[];
}

const shapes = new WeakMap<WdlActions, ScopeShape>();

/** The run-after graph of a scope (cached per actions object: definitions are immutable snapshots). */
export function scopeShape(actions: WdlActions): ScopeShape {
  const cached = shapes.get(actions);
  if (cached) return cached;
  const names = Object.keys(actions);
  const inScope = new Set(names);
  const predecessors = new Map<string, { name: string; accepts: Set<string> }[]>();
  const followers = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const name of names) {
    const runAfter = actions[name]?.runAfter ?? {};
    const preds: { name: string; accepts: Set<string> }[] = [];
    for (const [pred, statuses] of Object.entries(runAfter)) {
      // A predecessor outside the scope cannot be waited for (the checker reports it): ignored.
      if (!inScope.has(pred) || pred === name) continue;
      preds.push({ name: pred, accepts: acceptedStatuses(statuses) });
      followers.get(pred)?.push(name);
    }
    predecessors.set(name, preds);
  }
  const terminals = names.filter((n) => (followers.get(n) ?? []).length === 0);
  const shape = { names, predecessors, followers, terminals };
  shapes.set(actions, shape);
  return shape;
}

/** Why a follower does not run: the first predecessor whose status it does not accept. */
export function unmetRunAfter(
  shape: ScopeShape,
  name: string,
  statusOf: (name: string) => FinalStatus | undefined,
): { predecessor: string; expected: string[]; actual: string } | undefined {
  for (const pred of shape.predecessors.get(name) ?? []) {
    const actual = statusOf(pred.name);
    if (actual === undefined) continue;
    if (!pred.accepts.has(actual)) return { predecessor: pred.name, expected: [...pred.accepts], actual };
  }
  return undefined;
}

/**
 * A scope's status, as Logic Apps derives it from the terminal actions of its contents: a terminal
 * that failed, timed out or was cancelled makes the scope Failed; a terminal that was skipped counts
 * as failed when the skip came from a failure upstream (A fails, B after A is skipped: failed), and
 * as succeeded otherwise (a Catch skipped because Try succeeded). A failure that a follower handled
 * (runs after Failed, and that follower is the terminal) does not fail the scope.
 */
export function deriveScopeStatus(
  shape: ScopeShape,
  statusOf: (name: string) => FinalStatus | undefined,
): "Succeeded" | "Failed" {
  // Only skips walk upstream, and only they need remembering (made at the first one).
  let memo: Map<string, boolean> | undefined;
  const failed = (name: string, depth: number): boolean => {
    const status = statusOf(name);
    if (status !== "Skipped") return status === "Failed" || status === "TimedOut" || status === "Cancelled";
    const known = memo?.get(name);
    if (known !== undefined) return known;
    const out = depth < 10_000 && (shape.predecessors.get(name) ?? []).some((p) => failed(p.name, depth + 1));
    memo ??= new Map();
    memo.set(name, out);
    return out;
  };
  return shape.terminals.some((t) => failed(t, 0)) ? "Failed" : "Succeeded";
}
