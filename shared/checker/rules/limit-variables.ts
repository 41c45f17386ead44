// At most 250 variables per flow; reported on the step that initializes the 251st.
import { count } from "../wording";
import type { Rule } from "./rule";

export const MAX_VARIABLES = 250;

export const limitVariables: Rule = (analysis, report) => {
  const declarations = [...analysis.variables.values()]
    .flat()
    .sort((a, b) => a.step.index - b.step.index || a.position - b.position);
  const over = declarations[MAX_VARIABLES];
  if (!over) return;
  report({
    rule: "limit-variables",
    step: over.step,
    field: `inputs/variables/${over.position}/name`,
    message: `This flow initializes ${count(declarations.length)} variables; a flow can have at most ${count(MAX_VARIABLES)}.`,
    fix: { label: "Keep related values together in one object or array variable" },
  });
};
