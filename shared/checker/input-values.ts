// The value of every declared, visible input of every step, with where it sits in the step: the
// material of the type, choice and range rules, gathered once per check.
import { type InputDeclaration, inputValue } from "../connectors";
import type { TemplateAnalysis } from "../expr";
import { isJsonObject, type JsonValue } from "../json";
import type { Analysis, Step } from "./analysis";
import { visibility } from "./input-state";
import type { StepPath } from "./types";

export interface InputValue {
  step: Step;
  input: InputDeclaration;
  value: JsonValue;
  /** Where the value sits in the step, when it can be told. */
  path?: StepPath;
  /** The step analysis of the value, when it is a string with expressions. */
  template?: TemplateAnalysis;
}

const cache = new WeakMap<Analysis, InputValue[]>();

export function inputValues(analysis: Analysis): InputValue[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const out: InputValue[] = [];
  for (const step of analysis.steps) {
    const operation = step.operation;
    if (!operation) continue;
    const inputs = step.inputs;
    for (const input of inputs) {
      const value = inputValue(step.object, operation, input);
      if (value === undefined || value === null) continue;
      if (visibility(step, operation, inputs, input) === "hidden") continue;
      const path = pathOf(step, (input.at ?? operation.inputLocation) === "parameters", input.name);
      const template = path ? step.expressions.find((e) => samePath(e.path, path))?.analysis : undefined;
      out.push({ step, input, value, ...(path ? { path } : {}), ...(template ? { template } : {}) });
    }
  }
  cache.set(analysis, out);
  return out;
}

function pathOf(step: Step, inParameters: boolean, name: string): StepPath | undefined {
  const segments = name.split("/");
  if (!inParameters) return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const inputs = step.object.inputs;
  const parameters = isJsonObject(inputs) ? inputs.parameters : undefined;
  if (!isJsonObject(parameters)) return undefined;
  if (Object.hasOwn(parameters, name)) return ["inputs", "parameters", name];
  // Written nested under a prefix: {"item": {"displayName": …}} for "item/displayName".
  for (let i = segments.length - 1; i > 0; i--) {
    const prefix = segments.slice(0, i).join("/");
    if (Object.hasOwn(parameters, prefix) && isJsonObject(parameters[prefix]))
      return ["inputs", "parameters", prefix, ...segments.slice(i)];
  }
  return undefined;
}

function samePath(a: StepPath, b: StepPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}
