// What one step (trigger or action) says on its own: every expression string in its own fields
// with its static analysis, and which catalog operation it is. Nested steps of a scope are not its
// own fields: they are steps of their own. The result depends only on the step object, and edits
// share every object they do not change, so it is cached per object: after an edit in the
// designer only the changed steps (and the scopes around them) are analysed again.
import {
  type ConnectorDeclaration,
  connectorOfAction,
  type InputDeclaration,
  inputsOf,
  type OperationDeclaration,
  operationOfAction,
} from "../connectors";
import { analyzeTemplate, needsEvaluation, type TemplateAnalysis } from "../expr";
import { type ConnectorRef, connectorRefOf } from "../flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import type { StepPath } from "./types";

export interface StepExpression {
  path: StepPath;
  text: string;
  analysis: TemplateAnalysis;
}

export interface StepValues {
  expressions: StepExpression[];
  operation: OperationDeclaration | undefined;
  /** The catalog connector of a connector call (never a built-in). */
  connector: ConnectorDeclaration | undefined;
  /** How a connector call names its connector, also when the catalog does not know it. */
  connectorRef: ConnectorRef | undefined;
  /** The inputs of the step's form (record fields expanded), empty when the operation is unknown. */
  inputs: InputDeclaration[];
}

// Fields that hold no expression the run evaluates: structure, designer data, documentation.
const NOT_VALUES = new Set(["type", "kind", "runAfter", "metadata", "description"]);
// Where scope actions keep their nested steps.
const NESTED = new Set(["actions", "else", "default"]);

const cache = new WeakMap<object, StepValues>();

export function stepValues(step: JsonObject, scope: boolean): StepValues {
  const cached = cache.get(step);
  if (cached) return cached;
  const expressions: StepExpression[] = [];
  for (const key of Object.keys(step)) {
    if (NOT_VALUES.has(key) || (scope && NESTED.has(key))) continue;
    const value = step[key] as JsonValue;
    if (scope && key === "cases" && isJsonObject(value)) {
      // A Switch case's own value is a field of the Switch; its actions are not.
      for (const caseName of Object.keys(value)) {
        const c = value[caseName];
        if (isJsonObject(c) && c.case !== undefined)
          collect(c.case, ["cases", caseName, "case"], expressions);
      }
      continue;
    }
    collect(value, [key], expressions);
  }
  const operation = operationOfAction(step);
  const connector = connectorOfAction(step);
  const values: StepValues = {
    expressions,
    operation,
    connector: connector?.builtIn ? undefined : connector,
    connectorRef: connectorRefOf({
      type: typeof step.type === "string" ? step.type : "",
      inputs: step.inputs,
    }),
    inputs: operation ? inputsOf(operation, step) : [],
  };
  cache.set(step, values);
  return values;
}

function collect(value: JsonValue, path: (string | number)[], out: StepExpression[]): void {
  if (typeof value === "string") {
    if (needsEvaluation(value)) {
      const analysis = analyzeTemplate(value);
      if (analysis.kind !== "literal" || analysis.errors.length > 0)
        out.push({ path, text: value, analysis });
    }
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) collect(value[i] as JsonValue, [...path, i], out);
    return;
  }
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) collect(value[key] as JsonValue, [...path, key], out);
  }
}
