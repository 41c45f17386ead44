// An expression that does not parse, calls a function that does not exist, or passes the wrong
// number of arguments: reported at its position in the field, with the likely function when the
// name looks misspelt. Functions of the reference Flowsmith does not implement are warnings.
import { fieldAt } from "../fields";
import type { Fix } from "../types";
import type { Rule } from "./rule";

export const expressionSyntax: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    for (const expression of step.expressions) {
      const { errors } = expression.analysis;
      if (errors.length === 0) continue;
      const { field, title } = fieldAt(step, expression.path);
      for (const error of errors) {
        const unsupported = error.code === "not-supported";
        const text = /[.?!]$/.test(error.message) ? error.message : `${error.message}.`;
        report({
          rule: unsupported ? "expression-unsupported" : "expression-syntax",
          step,
          field,
          path: expression.path,
          ...(error.position >= 0 ? { position: error.position } : {}),
          ...(error.length !== undefined ? { length: error.length } : {}),
          message: unsupported
            ? `The expression in ${title} uses a function Flowsmith cannot run: ${text}`
            : `The expression in ${title} has an error: ${text}`,
          ...fixOf(error.message, expression.path, error.position, error.length),
        });
      }
    }
  }
};

function fixOf(
  message: string,
  path: readonly (string | number)[],
  position: number,
  length: number | undefined,
): { fix?: Fix } {
  const suggestion = /did you mean '([^']+)'/.exec(message)?.[1];
  if (suggestion === undefined) return {};
  const label = `Did you mean '${suggestion}'?`;
  if (position < 0 || length === undefined) return { fix: { label } };
  return {
    fix: {
      label,
      edit: { kind: "replace-text", path, start: position, end: position + length, text: suggestion },
    },
  };
}
