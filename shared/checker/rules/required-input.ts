// A required input left empty: unset, null, only whitespace, an empty list or object. An input
// hidden by visibleWhen is never required; while the input that decides cannot be known (an
// expression), neither is the one it decides about.
import { type InputDeclaration, inputValue } from "../../connectors";
import { isJsonObject, type JsonValue } from "../../json";
import type { Step } from "../analysis";
import { isMissing, visibility } from "../input-state";
import type { Report } from "../report";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const requiredInput: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    const operation = step.operation;
    if (!operation) continue;
    const inputs = step.inputs;
    for (const input of inputs) {
      // A trigger's table has its own rule, with a message about what starts the flow.
      if (step.kind === "trigger" && input.name === "table" && step.connector) continue;
      if (visibility(step, operation, inputs, input) !== "visible") continue;
      const value = inputValue(step.object, operation, input);
      // Left out entirely, an input with a default has that default (imports omit them).
      const defaulted = value === undefined && input.default !== undefined;
      if (input.required && !defaulted && isMissing(value)) {
        report({
          rule: "required-input",
          step,
          field: input.name,
          message: `${stepLabel(step)} needs a value for ${input.title}.`,
        });
        continue;
      }
      if (input.fields && Array.isArray(value)) missingItemFields(step, input, value, report);
    }
    if (step.type === "If") emptyConditionRows(step, report);
  }
};

function missingItemFields(
  step: Step,
  input: InputDeclaration,
  items: readonly JsonValue[],
  report: Report,
): void {
  items.forEach((item, i) => {
    if (!isJsonObject(item)) return;
    for (const field of input.fields ?? []) {
      if (!field.required || !isMissing(Object.hasOwn(item, field.name) ? item[field.name] : undefined))
        continue;
      report({
        rule: "required-input",
        step,
        field: `${input.name}/${i}/${field.name}`,
        message: `${stepLabel(step)} needs a value for ${field.title} in ${input.title} ${i + 1}.`,
      });
    }
  });
}

/** A fresh Condition compares "" with "": a row where both sides are empty was never filled in. */
function emptyConditionRows(step: Step, report: Report): void {
  let empty = false;
  const visit = (node: JsonValue | undefined): void => {
    if (empty || node === undefined) return;
    if (Array.isArray(node)) {
      if (node.length === 2 && node.every((side) => typeof side === "string" && side.trim() === ""))
        empty = true;
      else for (const item of node) visit(item);
    } else if (isJsonObject(node)) {
      for (const key of Object.keys(node)) visit(node[key]);
    }
  };
  const expression = step.object.expression;
  if (isJsonObject(expression)) visit(expression);
  if (!empty) return;
  report({
    rule: "required-input",
    step,
    field: "expression",
    detail: "row",
    message: `${stepLabel(step)} has a row with nothing to compare: choose the values, or remove the row.`,
  });
}
