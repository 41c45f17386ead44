// Why a step did not run, in the two forms the engine needs: the error WDL shows (code and message,
// for result() and the run page), and a short record the journal writes instead of that text. In a
// flow with a condition, a third of the steps or more are skipped, and their messages were most of
// the journal's bytes; the message is made again from the record when the run is read.
import { isJsonObject, type JsonValue } from "../../../shared/json";
import type { ErrorInfo } from "./types";

export type SkipReason =
  /** In a branch of `scope` (a Condition's other side, a Switch case not chosen) that did not run. */
  | { kind: "branch"; scope: string }
  /** The runAfter condition on `predecessor` wanted one of `expected` and it ended `actual`. */
  | { kind: "runAfter"; predecessor: string; expected: readonly string[]; actual: string };

export function isSkipReason(reason: SkipReason | ErrorInfo): reason is SkipReason {
  return "kind" in reason;
}

/** The error WDL reports for a step skipped for this reason. */
export function skipError(action: string, reason: SkipReason): ErrorInfo {
  return reason.kind === "branch"
    ? {
        code: "ActionBranchingConditionNotSatisfied",
        message: `The execution of template action '${action}' is skipped: it is in a branch of '${reason.scope}' that did not run.`,
      }
    : {
        code: "ActionConditionFailed",
        message: `The execution of template action '${action}' is skipped: the 'runAfter' condition for action '${reason.predecessor}' is not satisfied. Expected status values '${reason.expected.join(", ")}' and actual value '${reason.actual}'.`,
      };
}

/** The journal's JSON text of a reason: ["b", scope] or ["r", predecessor, [expected], actual]. */
export function skipRecord(reason: SkipReason): string {
  return JSON.stringify(
    reason.kind === "branch"
      ? ["b", reason.scope]
      : ["r", reason.predecessor, reason.expected, reason.actual],
  );
}

/** A skip's error (for results and events) and its journal record. */
export interface Skip {
  error: Readonly<ErrorInfo>;
  record: string;
}

/**
 * Branch skips by scope, then action: every run of a flow skips the same actions of the branch it
 * does not take, so their error and record are made once (frozen: runs and events share them).
 * Bounded, as the run log's quoted names are.
 */
const branchSkips = new Map<string, Map<string, Skip>>();
let branchSkipCount = 0;
const BRANCH_SKIPS_MAX = 10_000;

/** The error and record of a step skipped for this reason. */
export function skipOf(action: string, reason: SkipReason): Skip {
  if (reason.kind !== "branch") return { error: skipError(action, reason), record: skipRecord(reason) };
  let byAction = branchSkips.get(reason.scope);
  const known = byAction?.get(action);
  if (known) return known;
  if (branchSkipCount >= BRANCH_SKIPS_MAX) {
    branchSkips.clear();
    branchSkipCount = 0;
    byAction = undefined;
  }
  if (!byAction) {
    byAction = new Map();
    branchSkips.set(reason.scope, byAction);
  }
  const skip = { error: Object.freeze(skipError(action, reason)), record: skipRecord(reason) };
  byAction.set(action, skip);
  branchSkipCount++;
  return skip;
}

/** The error of a journaled step: its object as written, or the message made again from a skip record. */
export function errorOfRecord(action: string, value: JsonValue | undefined): JsonValue | null {
  if (value === undefined || value === null || isJsonObject(value) || !Array.isArray(value))
    return value ?? null;
  const [kind, a, b, c] = value;
  if (kind === "b" && typeof a === "string") return { ...skipError(action, { kind: "branch", scope: a }) };
  if (kind === "r" && typeof a === "string" && Array.isArray(b) && typeof c === "string") {
    const expected = b.filter((s): s is string => typeof s === "string");
    return { ...skipError(action, { kind: "runAfter", predecessor: a, expected, actual: c }) };
  }
  return value;
}
