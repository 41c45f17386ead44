// What a trigger's outputs become. splitOn (triggers.X.splitOn): the outputs carry a batch (the
// emails that arrived) and each item of the array the expression gives starts its own run, with
// the item as its body. Trigger conditions (triggers.X.conditions: [{expression}]), then, per run:
// the trigger fires only when every expression is true. A condition that fails to evaluate, or
// gives anything but true, holds it back.
import { type EvaluationContext, evaluateValue } from "../../../shared/expr";
import type { WdlDefinition } from "../../../shared/flow";
import { isJsonObject, type JsonValue } from "../../../shared/json";

export type TriggerConditionResult = { ok: true } | { ok: false; condition: string; message: string };

const HOLDS: TriggerConditionResult = { ok: true };

/** The trigger a run starts from: the one named, or the definition's first. */
export function triggerNameOf(definition: WdlDefinition, requested?: string): string {
  if (requested !== undefined && requested !== "") return requested;
  return Object.keys(definition.triggers ?? {})[0] ?? "manual";
}

export function evaluateTriggerConditions(
  definition: WdlDefinition,
  triggerOutputs: JsonValue,
  triggerName?: string,
  now: () => number = Date.now,
): TriggerConditionResult {
  const name = triggerNameOf(definition, triggerName);
  const trigger = definition.triggers?.[name];
  const conditions = trigger?.conditions ?? [];
  if (conditions.length === 0) return HOLDS;
  const context = triggerContext(definition, name, triggerOutputs, now);
  for (const condition of conditions) {
    const expression = condition.expression;
    let value: JsonValue;
    try {
      value = evaluateValue(expression, context);
    } catch (error) {
      return {
        ok: false,
        condition: expression,
        message: `The trigger condition '${expression}' could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (value !== true) {
      return {
        ok: false,
        condition: expression,
        message: `The trigger condition '${expression}' is ${JSON.stringify(value)}, so no run was started.`,
      };
    }
  }
  return HOLDS;
}

export type SplitResult = { ok: true; outputs: JsonValue[] } | { ok: false; message: string };

/**
 * The trigger outputs of the runs one firing starts: the outputs as they are without splitOn; with
 * it, one per item of the array it evaluates to (an empty array starts nothing), each item as the
 * body beside the firing's headers.
 */
export function splitTriggerOutputs(
  definition: WdlDefinition,
  triggerOutputs: JsonValue,
  triggerName?: string,
  now: () => number = Date.now,
): SplitResult {
  const name = triggerNameOf(definition, triggerName);
  const splitOn = definition.triggers?.[name]?.splitOn;
  if (splitOn === undefined || splitOn.trim() === "") return { ok: true, outputs: [triggerOutputs] };
  let items: JsonValue;
  try {
    items = evaluateValue(splitOn, triggerContext(definition, name, triggerOutputs, now));
  } catch (error) {
    return {
      ok: false,
      message: `The trigger's splitOn '${splitOn}' could not be evaluated: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!Array.isArray(items)) {
    return {
      ok: false,
      message: `The trigger's splitOn '${splitOn}' must give an array, but gave ${items === null ? "null" : typeof items}.`,
    };
  }
  const headers = isJsonObject(triggerOutputs) ? triggerOutputs.headers : undefined;
  return {
    ok: true,
    outputs: items.map(
      (item): JsonValue => (headers === undefined ? { body: item } : { headers, body: item }),
    ),
  };
}

/** What a trigger's own expressions see: trigger() is the firing with these outputs. */
function triggerContext(
  definition: WdlDefinition,
  name: string,
  triggerOutputs: JsonValue,
  now: () => number,
): EvaluationContext {
  const at = new Date(now()).toISOString();
  const record = { name, outputs: triggerOutputs, startTime: at, endTime: at, status: "Succeeded" };
  return {
    trigger: () => record,
    parameters: (p: string) => definition.parameters?.[p]?.defaultValue ?? undefined,
    now,
  };
}

export type FiringResult =
  | {
      ok: true;
      /** One per item of the splitOn whose trigger conditions hold: the runs to start. */
      outputs: JsonValue[];
      /** Why items were left out: the first false (or failing) condition's message. */
      refusal?: string;
    }
  | { ok: false; message: string };

/** The runs one firing starts: split by the trigger's splitOn, then kept when its conditions hold. */
export function firingOutputs(
  definition: WdlDefinition,
  triggerOutputs: JsonValue,
  triggerName?: string,
  now: () => number = Date.now,
): FiringResult {
  const split = splitTriggerOutputs(definition, triggerOutputs, triggerName, now);
  if (!split.ok) return split;
  const outputs: JsonValue[] = [];
  let refusal: string | undefined;
  for (const item of split.outputs) {
    const conditions = evaluateTriggerConditions(definition, item, triggerName, now);
    if (conditions.ok) outputs.push(item);
    else refusal ??= conditions.message;
  }
  return refusal === undefined ? { ok: true, outputs } : { ok: true, outputs, refusal };
}
