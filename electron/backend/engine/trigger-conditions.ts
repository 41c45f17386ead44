// Trigger conditions (triggers.X.conditions: [{expression}]): the trigger fires only when every
// expression is true. A condition that fails to evaluate, or gives anything but true, holds it back.
import { evaluateValue } from "../../../shared/expr";
import type { WdlDefinition } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";

export type TriggerConditionResult = { ok: true } | { ok: false; condition: string; message: string };

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
  if (conditions.length === 0) return { ok: true };
  const at = new Date(now()).toISOString();
  const record = { name, outputs: triggerOutputs, startTime: at, endTime: at, status: "Succeeded" };
  const context = {
    trigger: () => record,
    parameters: (p: string) => definition.parameters?.[p]?.defaultValue ?? undefined,
    now,
  };
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
  return { ok: true };
}
