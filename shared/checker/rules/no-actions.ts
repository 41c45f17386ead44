// A flow with a trigger and no step starts and does nothing: worth saying while it is built (a new
// flow is just that), not an error that would stop a test of the trigger alone.
import type { Rule } from "./rule";

export const noActions: Rule = (analysis, report) => {
  if (analysis.triggers.length === 0 || analysis.actions.length > 0) return;
  report({
    rule: "no-actions",
    message: "This flow starts but does nothing yet: add an action after its trigger.",
  });
};
