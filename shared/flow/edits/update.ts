// Updates of one step: anything (updateAction), its inputs, its runAfter, its settings.
import type { JsonObject, JsonValue } from "../../json";
import { isActionType } from "../action-types";
import { getOwn } from "../own";
import { normalizeStatus } from "../status";
import type { WdlAction, WdlDefinition, WdlRetryPolicy, WdlRunAfter } from "../types";
import { actionIndex } from "../walk";
import { EditError } from "./errors";
import { setIn } from "./json-in";
import { replaceAction, requireAction, requireContainer, updateActionByName } from "./tree";
import { requireDuration, requireInteger } from "./validators";

/** Replaces a step by what `update` makes of it (same name, same place). */
export function updateAction(
  definition: WdlDefinition,
  args: { name: string; update: (action: WdlAction) => WdlAction },
): WdlDefinition {
  return updateActionByName(definition, args.name, (action) => args.update(action));
}

export function setActionInputs(
  definition: WdlDefinition,
  args: { name: string; inputs: JsonValue },
): WdlDefinition {
  return updateActionByName(definition, args.name, (action) => ({ ...action, inputs: args.inputs }));
}

/**
 * Sets which steps, with which statuses, a step runs after. Each must be in the same branch, not the
 * step itself, with at least one status, and no cycle may result.
 */
export function setRunAfter(
  definition: WdlDefinition,
  args: { name: string; runAfter: WdlRunAfter },
): WdlDefinition {
  const index = actionIndex(definition);
  const entry = requireAction(index, args.name);
  const siblings = requireContainer(definition, entry.container, index);
  for (const [predecessor, statuses] of Object.entries(args.runAfter)) {
    if (predecessor === args.name)
      throw new EditError("invalidRunAfter", `"${args.name}" cannot run after itself.`);
    if (!Object.hasOwn(siblings, predecessor)) {
      throw new EditError(
        "invalidRunAfter",
        index.has(predecessor)
          ? `"${args.name}" can only run after steps of its own branch, and "${predecessor}" is elsewhere.`
          : `There is no step called "${predecessor}".`,
      );
    }
    if (statuses.length === 0) {
      throw new EditError("invalidRunAfter", `Choose at least one status of "${predecessor}" to run after.`);
    }
    const bad = statuses.find((s) => normalizeStatus(s) === undefined);
    if (bad !== undefined) {
      throw new EditError(
        "invalidRunAfter",
        `"${bad}" is not a status; use Succeeded, Failed, Skipped or TimedOut.`,
      );
    }
  }
  // A cycle: following runAfter from the new predecessors comes back to the step.
  const seen = new Set<string>();
  const stack = Object.keys(args.runAfter);
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (name === args.name) {
      throw new EditError(
        "invalidRunAfter",
        `That would make "${args.name}" run after itself through other steps.`,
      );
    }
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...Object.keys(getOwn(siblings, name)?.runAfter ?? {}));
  }
  return replaceAction(definition, entry, { ...entry.action, runAfter: args.runAfter }, index);
}

/** Settings of a step. undefined leaves a setting as it is; null removes it (back to the default). */
export type ActionSettings = {
  /** inputs.retryPolicy of an HTTP or connector call. */
  retryPolicy?: WdlRetryPolicy | null;
  /** limit.timeout, an ISO 8601 duration ("PT1H"). */
  timeout?: string | null;
  /** Apply to each: how many iterations run at once (1–50); runtimeConfiguration.concurrency.repetitions. */
  concurrency?: number | null;
  /** runtimeConfiguration.secureData.properties "inputs" / "outputs": hidden in run history. */
  secureInputs?: boolean;
  secureOutputs?: boolean;
  description?: string | null;
  trackedProperties?: JsonObject | null;
  operationOptions?: string | null;
};

const RETRY_TYPES = new Set(["none", "fixed", "exponential", "default"]);

export function updateActionSettings(
  definition: WdlDefinition,
  args: { name: string; settings: ActionSettings },
): WdlDefinition {
  const s = args.settings;
  return updateActionByName(definition, args.name, (action) => {
    let out: JsonObject = action;
    if (s.retryPolicy !== undefined) {
      if (s.retryPolicy !== null) checkRetryPolicy(s.retryPolicy);
      if (
        action.inputs !== undefined &&
        (typeof action.inputs !== "object" || action.inputs === null || Array.isArray(action.inputs))
      ) {
        throw new EditError("wrongType", `"${args.name}" has no inputs object to hold a retry policy.`);
      }
      out = setIn(out, ["inputs", "retryPolicy"], s.retryPolicy ?? undefined);
    }
    if (s.timeout !== undefined) {
      if (s.timeout !== null) requireDuration("The timeout", s.timeout);
      out = setIn(out, ["limit", "timeout"], s.timeout ?? undefined);
    }
    if (s.concurrency !== undefined) {
      if (!isActionType(action, "Foreach")) {
        throw new EditError(
          "wrongType",
          `Concurrency applies to an Apply to each loop; "${args.name}" is not one.`,
        );
      }
      if (s.concurrency !== null) requireInteger("The degree of parallelism", s.concurrency, 1, 50);
      out = setIn(out, ["runtimeConfiguration", "concurrency", "repetitions"], s.concurrency ?? undefined);
    }
    out = setSecureData(out, s.secureInputs, s.secureOutputs);
    if (s.description !== undefined) out = setIn(out, ["description"], s.description ?? undefined);
    if (s.trackedProperties !== undefined)
      out = setIn(out, ["trackedProperties"], s.trackedProperties ?? undefined);
    if (s.operationOptions !== undefined)
      out = setIn(out, ["operationOptions"], s.operationOptions ?? undefined);
    return out as WdlAction;
  });
}

function checkRetryPolicy(policy: WdlRetryPolicy): void {
  if (!RETRY_TYPES.has(policy.type.toLowerCase())) {
    throw new EditError(
      "invalidArgument",
      `A retry policy's type is none, fixed, exponential or default, not "${policy.type}".`,
    );
  }
  if (policy.count !== undefined) requireInteger("The retry count", policy.count, 1, 90);
  for (const key of ["interval", "minimumInterval", "maximumInterval"] as const) {
    const value = policy[key];
    if (value !== undefined) requireDuration(`The retry ${key}`, value);
  }
}

/** Sets runtimeConfiguration.secureData.properties for a step or a trigger. */
export function setSecureData(
  target: JsonObject,
  inputs: boolean | undefined,
  outputs: boolean | undefined,
): JsonObject {
  if (inputs === undefined && outputs === undefined) return target;
  const path = ["runtimeConfiguration", "secureData", "properties"];
  const rc = target.runtimeConfiguration;
  const sd = rc && typeof rc === "object" && !Array.isArray(rc) ? rc.secureData : undefined;
  const current = sd && typeof sd === "object" && !Array.isArray(sd) ? sd.properties : undefined;
  const props = new Set(
    Array.isArray(current) ? current.filter((p): p is string => typeof p === "string") : [],
  );
  if (inputs !== undefined) inputs ? props.add("inputs") : props.delete("inputs");
  if (outputs !== undefined) outputs ? props.add("outputs") : props.delete("outputs");
  const list = ["inputs", "outputs"].filter((p) => props.has(p));
  return setIn(target, path, list.length > 0 ? list : undefined);
}
