// Power Automate runs flows of at most 500 steps (actions, scopes included, at every depth).
import { count } from "../wording";
import type { Rule } from "./rule";

export const MAX_ACTIONS = 500;

export const limitActions: Rule = (analysis, report) => {
  const n = analysis.actions.length;
  if (n <= MAX_ACTIONS) return;
  report({
    rule: "limit-actions",
    message: `This flow has ${count(n)} steps; a flow can have at most ${count(MAX_ACTIONS)}.`,
    fix: { label: "Move part of the steps into another flow" },
  });
};
