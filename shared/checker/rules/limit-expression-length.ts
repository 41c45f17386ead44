// Power Automate refuses expressions longer than 8,192 characters.
import { MAX_EXPRESSION_LENGTH } from "../../expr";
import { fieldAt } from "../fields";
import { count, stepLabel } from "../wording";
import type { Rule } from "./rule";

export const limitExpressionLength: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    for (const expression of step.expressions) {
      if (expression.text.length <= MAX_EXPRESSION_LENGTH) continue;
      const { analysis: value, path, text } = expression;
      // Parsed expressions are measured one by one; one that does not parse is measured whole.
      const spans =
        value.errors.length > 0 || value.expressions.length === 0
          ? [{ start: 0, end: text.length }]
          : value.expressions;
      const long = spans.find((span) => span.end - span.start > MAX_EXPRESSION_LENGTH);
      if (!long) continue;
      const { field, title } = fieldAt(step, path);
      report({
        rule: "limit-expression-length",
        step,
        field,
        path,
        position: long.start,
        length: long.end - long.start,
        message: `The expression in ${title} of ${stepLabel(step)} has ${count(long.end - long.start)} characters; an expression can have at most ${count(MAX_EXPRESSION_LENGTH)}.`,
        fix: { label: "Split it into Compose steps" },
      });
    }
  }
};
