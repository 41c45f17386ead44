// parameters('x') reads a parameter of the definition; "$connections" and "$authentication" are
// supplied by the platform.
import { fieldAt } from "../fields";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const unknownParameter: Rule = (analysis, report) => {
  const declared = new Set(Object.keys(analysis.definition.parameters ?? {}).map((p) => p.toLowerCase()));
  for (const step of analysis.steps) {
    for (const expression of step.expressions) {
      for (const name of expression.analysis.references.parameters) {
        if (name.startsWith("$") || declared.has(name.toLowerCase())) continue;
        report({
          rule: "unknown-parameter",
          step,
          field: fieldAt(step, expression.path).field,
          path: expression.path,
          detail: name,
          message: `${stepLabel(step)} uses the parameter “${name}”, which this flow does not define.`,
        });
      }
    }
  }
};
