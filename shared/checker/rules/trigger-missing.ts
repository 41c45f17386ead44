// A flow starts from its trigger: without one it can be neither tested nor published.
import type { Rule } from "./rule";

export const triggerMissing: Rule = (analysis, report) => {
  if (analysis.triggers.length > 0) return;
  report({
    rule: "trigger-missing",
    message: "This flow has no trigger: add one to say when it starts.",
    fix: { label: "Add a trigger" },
  });
};
