// From a JSON path inside a step to the field of its form: the catalog input that holds the value
// (so the designer can focus it, and messages can say "To" rather than a path).
import type { InputDeclaration } from "../connectors";
import type { Step } from "./analysis";
import type { StepPath } from "./types";

export interface FieldRef {
  /** The input's name, or a slash path when the catalog does not declare the value. */
  field: string;
  /** What people call it: the input's title, else the last key of the path. */
  title: string;
  input?: InputDeclaration;
}

export function fieldAt(step: Step, path: StepPath): FieldRef {
  const full = path.join("/");
  const underParameters = path[0] === "inputs" && path[1] === "parameters" && path.length > 2;
  const relative = underParameters ? path.slice(2).join("/") : undefined;
  const operation = step.operation;
  let best: InputDeclaration | undefined;
  if (operation) {
    for (const input of step.inputs) {
      const key = (input.at ?? operation.inputLocation) === "parameters" ? relative : full;
      if (key === undefined || (key !== input.name && !key.startsWith(`${input.name}/`))) continue;
      if (!best || input.name.length > best.name.length) best = input;
    }
  }
  if (best) return { field: best.name, title: best.title, input: best };
  const field = relative !== undefined && step.connectorRef ? relative : full;
  const last = [...path].reverse().find((segment) => typeof segment === "string");
  return { field, title: typeof last === "string" ? last : field };
}

/** The field of a declared input, by name. */
export function inputField(input: InputDeclaration): FieldRef {
  return { field: input.name, title: input.title, input };
}
