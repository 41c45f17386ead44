// At most 8 scopes (Condition, Switch, Apply to each, Do until, Scope) around any step. Reported on
// the first step too deep on each path; what is inside it is too deep as a matter of course.
import { MAX_ACTION_NESTING_DEPTH } from "../../flow";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const limitDepth: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    if (step.depth !== MAX_ACTION_NESTING_DEPTH + 1) continue;
    report({
      rule: "limit-depth",
      step,
      message: `${stepLabel(step)} is inside ${step.depth} nested scopes; steps can be nested at most ${MAX_ACTION_NESTING_DEPTH} deep.`,
      fix: { label: "Move it out of a scope, or split the flow" },
    });
  }
};
