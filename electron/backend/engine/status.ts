// Statuses of steps and runs, run-after matching, and how a scope's status follows from its contents.
import { normalizeStatus, type WdlActions } from "../../../shared/flow";

/** Final statuses of a step: the ones run-after can name, plus Cancelled. */
export type FinalStatus = "Succeeded" | "Failed" | "Skipped" | "TimedOut" | "Cancelled";
/** Journal statuses of a step: Running while it executes, Waiting while a wait holds it. */
export type StepStatus = FinalStatus | "Running" | "Waiting";
export type RunStatus = "Running" | "Waiting" | "Succeeded" | "Failed" | "Cancelled";
/** What a scope (and a run's actions) end with. */
export type ScopeStatus = "Succeeded" | "Failed";

/** A status now, or later when something waits (a connector call, a delay, a burst that yields). */
export type Eventually<T extends string> = T | Promise<T>;

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

/** A predecessor in a scope: its position in the scope's names, and the statuses a follower accepts from it. */
export interface Predecessor {
  at: number;
  name: string;
  accepts: ReadonlySet<string>;
}

/**
 * The static shape of one scope: who runs after whom. Actions are known by their position in
 * `names`, so that a scope's run keeps its statuses in an array instead of a map per scope.
 */
export interface ScopeShape {
  names: string[];
  /** By position: that action's predecessors in this scope. */
  predecessors: Predecessor[][];
  /** By position: the positions of the actions that run after it. */
  followers: number[][];
  /** Actions nothing in the scope runs after: they decide the scope's status. */
  terminals: number[];
  /** Actions that run after nothing in the scope: they start it. */
  roots: number[];
}

/** A scope's statuses so far, by position in its shape's names (undefined: not finished). */
export type ScopeStatuses = readonly (FinalStatus | undefined)[];

const shapes = new WeakMap<WdlActions, ScopeShape>();

/** The run-after graph of a scope (cached per actions object: definitions are immutable snapshots). */
export function scopeShape(actions: WdlActions): ScopeShape {
  const cached = shapes.get(actions);
  if (cached) return cached;
  const names = Object.keys(actions);
  const position = new Map(names.map((name, at) => [name, at]));
  const predecessors: Predecessor[][] = [];
  const followers: number[][] = names.map(() => []);
  names.forEach((name, at) => {
    const runAfter = actions[name]?.runAfter ?? {};
    const preds: Predecessor[] = [];
    for (const [pred, statuses] of Object.entries(runAfter)) {
      const predAt = position.get(pred);
      // A predecessor outside the scope cannot be waited for (the checker reports it): ignored.
      if (predAt === undefined || predAt === at) continue;
      preds.push({ at: predAt, name: pred, accepts: acceptedStatuses(statuses) });
      followers[predAt]?.push(at);
    }
    predecessors.push(preds);
  });
  const terminals = names.flatMap((_, at) => ((followers[at] ?? []).length === 0 ? [at] : []));
  const roots = names.flatMap((_, at) => ((predecessors[at] ?? []).length === 0 ? [at] : []));
  const shape = { names, predecessors, followers, terminals, roots };
  shapes.set(actions, shape);
  return shape;
}

/** Why a follower does not run: the first predecessor whose status it does not accept. */
export function unmetRunAfter(
  shape: ScopeShape,
  at: number,
  statuses: ScopeStatuses,
): { predecessor: string; expected: string[]; actual: string } | undefined {
  for (const pred of shape.predecessors[at] ?? []) {
    const actual = statuses[pred.at];
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
export function deriveScopeStatus(shape: ScopeShape, statuses: ScopeStatuses): "Succeeded" | "Failed" {
  let skipped = false;
  for (const at of shape.terminals) {
    const status = statuses[at];
    if (status === "Failed" || status === "TimedOut" || status === "Cancelled") return "Failed";
    if (status === "Skipped") skipped = true;
  }
  return skipped ? statusAfterSkips(shape, statuses) : "Succeeded";
}

/** deriveScopeStatus when a terminal was skipped: the skips are followed upstream to see why. */
function statusAfterSkips(shape: ScopeShape, statuses: ScopeStatuses): "Succeeded" | "Failed" {
  // Only skips walk upstream, and only they need remembering (made at the first one).
  let memo: Map<number, boolean> | undefined;
  const failed = (at: number, depth: number): boolean => {
    const status = statuses[at];
    if (status !== "Skipped") return status === "Failed" || status === "TimedOut" || status === "Cancelled";
    const known = memo?.get(at);
    if (known !== undefined) return known;
    const out = depth < 10_000 && (shape.predecessors[at] ?? []).some((p) => failed(p.at, depth + 1));
    memo ??= new Map();
    memo.set(at, out);
    return out;
  };
  for (const at of shape.terminals) if (failed(at, 0)) return "Failed";
  return "Succeeded";
}
