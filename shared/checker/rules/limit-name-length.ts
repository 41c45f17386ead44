// Step and trigger names have at most 80 characters.
import { MAX_ACTION_NAME_LENGTH } from "../../flow";
import type { Rule } from "./rule";

export const limitNameLength: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    if (step.name.length <= MAX_ACTION_NAME_LENGTH) continue;
    report({
      rule: "limit-name-length",
      step,
      message: `The name “${step.name.slice(0, 30).replaceAll("_", " ")}…” has ${step.name.length} characters; a name can have at most ${MAX_ACTION_NAME_LENGTH}.`,
      fix: { label: `Shorten the name to ${MAX_ACTION_NAME_LENGTH} characters or fewer` },
    });
  }
};
