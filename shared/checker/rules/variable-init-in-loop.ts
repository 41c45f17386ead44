// Power Automate initializes variables only at the top level of a flow, once per run: never inside
// a loop, a Condition or a Scope.
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const variableInitInLoop: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    if (step.type !== "InitializeVariable" || !step.parent) continue;
    report({
      rule: "variable-init-in-loop",
      step,
      related: [step.parent.nodeId],
      message: `${stepLabel(step)} must be at the top level of the flow: a variable cannot be initialized inside ${stepLabel(step.parent)}.`,
      fix: {
        label: "Move it to the top level, before the scope",
        edit: { kind: "move-to-top-level", action: step.name },
      },
    });
  }
};
