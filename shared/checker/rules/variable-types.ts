// Variables keep the type they were initialized with and do not convert: a first value or a new
// value of another type, counting on a variable that is not a number, appending to one that is
// not text or a list, all fail the run.
import { isJsonObject, type JsonValue } from "../../json";
import type { Analysis, Step } from "../analysis";
import type { Report } from "../report";
import {
  expectedText,
  fitsVariable,
  givenText,
  type ValueKind,
  valueKind,
  variableKind,
} from "../value-types";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

/** What each change step needs of the variable it changes. */
const NEEDS: Readonly<Record<string, { kinds: ValueKind[]; what: string } | undefined>> = {
  IncrementVariable: { kinds: ["integer", "number"], what: "a number variable" },
  DecrementVariable: { kinds: ["integer", "number"], what: "a number variable" },
  AppendToStringVariable: { kinds: ["string"], what: "a string variable" },
  AppendToArrayVariable: { kinds: ["array"], what: "an array variable" },
};

const CHANGE_STEPS = new Set(["SetVariable", ...Object.keys(NEEDS)]);

export const variableTypes: Rule = (analysis, report) => {
  for (const declarations of analysis.variables.values()) {
    for (const { name, type, step, position } of declarations) {
      const value = declarationValue(step, position);
      if (value === undefined) continue;
      checkValue(
        analysis,
        step,
        name,
        variableKind(type),
        value,
        `inputs/variables/${position}/value`,
        report,
      );
    }
  }
  for (const step of analysis.actions) {
    if (!CHANGE_STEPS.has(step.type)) continue;
    const inputs = step.object.inputs;
    if (!isJsonObject(inputs) || typeof inputs.name !== "string") continue;
    const declaration = analysis.variables.get(inputs.name.toLowerCase())?.[0];
    if (!declaration) continue;
    const kind = variableKind(declaration.type);
    const needs = NEEDS[step.type];
    if (needs && kind !== "any" && !needs.kinds.includes(kind)) {
      report({
        rule: "type-mismatch",
        step,
        field: "inputs/name",
        related: [declaration.step.nodeId],
        message: `${stepLabel(step)} works only on ${needs.what}, and “${declaration.name}” is initialized as ${declaration.type ?? "another type"}.`,
      });
      continue;
    }
    const value = inputs.value;
    if (value === undefined) continue;
    if (step.type === "SetVariable") {
      checkValue(analysis, step, declaration.name, kind, value, "inputs/value", report);
    } else if (step.type === "IncrementVariable" || step.type === "DecrementVariable") {
      checkValue(analysis, step, declaration.name, "number", value, "inputs/value", report);
    }
  }
};

function checkValue(
  analysis: Analysis,
  step: Step,
  name: string,
  kind: ValueKind,
  value: JsonValue,
  field: string,
  report: Report,
): void {
  const path = field.split("/").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const template = step.expressions.find((e) => e.path.join("/") === field)?.analysis;
  // An empty first value is how the designer leaves a variable without one.
  if (value === "" && kind !== "string") return;
  const known = valueKind(value, analysis, template);
  if (fitsVariable(kind, known)) return;
  report({
    rule: "type-mismatch",
    step,
    field,
    path,
    detail: name,
    message: `The variable “${name}” holds ${expectedText(kind)}, but ${givenText(known, value)}.`,
  });
}

function declarationValue(step: Step, position: number): JsonValue | undefined {
  const inputs = step.object.inputs;
  const list = isJsonObject(inputs) ? inputs.variables : undefined;
  const declaration = Array.isArray(list) ? list[position] : undefined;
  return isJsonObject(declaration) ? declaration.value : undefined;
}
