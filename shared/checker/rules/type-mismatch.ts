// A value that cannot fit its input: text where a number or yes/no is needed, a single value where
// a list is needed, an expression whose result type is known and wrong. Expressions whose type
// cannot be known are given the benefit of the doubt. Condition builders are not typed inputs.
import { inputValues } from "../input-values";
import type { Fix } from "../types";
import { expectedText, fitsInput, givenText, valueKind } from "../value-types";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const typeMismatch: Rule = (analysis, report) => {
  for (const { step, input, value, path, template } of inputValues(analysis)) {
    if (input.type === "any" || input.format === "condition") continue;
    const known = valueKind(value, analysis, template);
    if (!fitsInput(input.type, known)) {
      report({
        rule: "type-mismatch",
        step,
        field: input.name,
        ...(path ? { path } : {}),
        message: `${stepLabel(step)} needs ${expectedText(input.type)} for ${input.title}, but ${givenText(known, value)}.`,
        ...conversionFix(input.type, known.expression),
      });
      continue;
    }
    // A list of plain values: each item has the declared item type.
    if (Array.isArray(value) && input.items && input.items !== "any") {
      const itemType = input.items;
      value.forEach((item, i) => {
        const itemKind = valueKind(item, analysis);
        if (fitsInput(itemType, itemKind)) return;
        report({
          rule: "type-mismatch",
          step,
          field: input.name,
          ...(path ? { path: [...path, i] } : {}),
          detail: String(i),
          message: `${stepLabel(step)} needs ${expectedText(itemType)} for each item of ${input.title}, but ${givenText(itemKind, item)}.`,
        });
      });
    }
  }
};

function conversionFix(type: string, expression: boolean): { fix?: Fix } {
  if (!expression) return {};
  switch (type) {
    case "integer":
      return { fix: { label: "Convert the value with int()" } };
    case "number":
      return { fix: { label: "Convert the value with float()" } };
    case "boolean":
      return { fix: { label: "Convert the value with bool()" } };
    case "array":
      return { fix: { label: "Make a list with createArray() or split()" } };
    default:
      return {};
  }
}
