// Whether an input counts as filled in, and whether the form shows it at all (visibleWhen): what
// the required-input rule and the value rules agree on.
import type { InputDeclaration, OperationDeclaration } from "../connectors";
import { inputValue } from "../connectors";
import { isJsonObject, type JsonValue } from "../json";
import type { Step } from "./analysis";

export function isMissing(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (isJsonObject(value)) return Object.keys(value).length === 0;
  return false;
}

export type Visibility = "visible" | "hidden" | "unknown";

/** Whether the form shows the input, given the value of the input its visibleWhen names. */
export function visibility(
  step: Step,
  operation: OperationDeclaration,
  inputs: readonly InputDeclaration[],
  input: InputDeclaration,
): Visibility {
  const when = input.visibleWhen;
  if (!when) return "visible";
  const controller =
    inputs.find((i) => i.name === when.input) ?? operation.inputs.find((i) => i.name === when.input);
  const value =
    (controller ? inputValue(step.object, operation, controller) : undefined) ?? controller?.default;
  if (typeof value === "string" && value.startsWith("@")) return "unknown";
  const same = (candidate: JsonValue) =>
    typeof candidate === "string" && typeof value === "string"
      ? candidate.toLowerCase() === value.toLowerCase()
      : candidate === value;
  const listed = ("in" in when ? when.in : when.notIn).some(same);
  return listed === "in" in when ? "visible" : "hidden";
}
