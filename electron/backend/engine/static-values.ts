// Values of a definition that hold no expression evaluate to themselves. Definition snapshots are
// never changed, so whether a value is static, and its JSON text, are worked out once per value
// object instead of once per run: the inputs of an Initialize variable, a Set variable or an
// Increment are the same in every run, and were rebuilt and stringified again every time.
import { type EvaluationContext, evaluateValue, needsEvaluation } from "../../../shared/expr";
import type { JsonValue } from "../../../shared/json";

/** By value object of a definition: its JSON text when it holds no expression, null when it does. */
const staticTexts = new WeakMap<object, string | null>();

function holdsExpression(value: JsonValue): boolean {
  if (typeof value === "string") return needsEvaluation(value);
  if (Array.isArray(value)) return value.some(holdsExpression);
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsExpression);
  return false;
}

function staticText(value: object): string | null {
  let text = staticTexts.get(value);
  if (text === undefined) {
    text = holdsExpression(value as JsonValue) ? null : JSON.stringify(value);
    staticTexts.set(value, text);
  }
  return text;
}

/**
 * evaluateValue for a value of a definition snapshot (only those: the answer is remembered by
 * object): a value without expressions is given back as it is, not rebuilt.
 */
export function evaluateDefinitionValue(value: JsonValue, context: EvaluationContext): JsonValue {
  if (typeof value === "object" && value !== null && staticText(value) !== null) return value;
  return evaluateValue(value, context);
}

/** A constant value the engine journals often (an If's decision): its text is made once. */
export function constantValue<T extends JsonValue & object>(value: T): Readonly<T> {
  staticText(value);
  return Object.freeze(value);
}

/** JSON.stringify, except for a static value of a definition, whose text is made once. */
export function jsonText(value: JsonValue): string {
  if (typeof value === "object" && value !== null) {
    const text = staticTexts.get(value);
    if (typeof text === "string") return text;
  }
  // A finite number's JSON is its text (a computed amount): no call into JSON.stringify.
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}
