import { type InputDeclaration, inputValue, type OperationDeclaration } from "../../../shared/connectors";
import type { JsonObject } from "../../../shared/json";

/** Whether an input shows, given the step's other values (response options only for custom approvals…). */
export function isVisible(
  input: InputDeclaration,
  operation: OperationDeclaration,
  step: JsonObject,
): boolean {
  const rule = input.visibleWhen;
  if (!rule) return true;
  const other = operation.inputs.find((candidate) => candidate.name === rule.input);
  const value = other ? (inputValue(step, operation, other) ?? other.default) : undefined;
  if ("in" in rule) return rule.in.some((v) => v === value);
  return !rule.notIn.some((v) => v === value);
}
