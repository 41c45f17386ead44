// A variable is initialized once: a second Initialize variable of the same name (letter case
// aside) fails the run.
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const variableDuplicate: Rule = (analysis, report) => {
  for (const declarations of analysis.variables.values()) {
    const [first, ...others] = declarations;
    if (!first) continue;
    for (const other of others) {
      report({
        rule: "variable-duplicate",
        step: other.step,
        field: `inputs/variables/${other.position}/name`,
        detail: other.name,
        related: [first.step.nodeId],
        message:
          first.step === other.step
            ? `${stepLabel(other.step)} initializes the variable “${other.name}” twice.`
            : `The variable “${other.name}” is already initialized by ${stepLabel(first.step)}: a variable is initialized only once.`,
        fix: { label: "Use Set variable to change its value" },
      });
    }
  }
};
