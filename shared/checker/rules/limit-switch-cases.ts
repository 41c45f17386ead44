// A Switch has at most 25 cases besides its default.
import { MAX_SWITCH_CASES } from "../../flow";
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const limitSwitchCases: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    if (step.type !== "Switch") continue;
    const cases = step.object.cases;
    const n = isJsonObject(cases) ? Object.keys(cases).length : 0;
    if (n <= MAX_SWITCH_CASES) continue;
    report({
      rule: "limit-switch-cases",
      step,
      field: "cases",
      message: `${stepLabel(step)} has ${n} cases; a Switch can have at most ${MAX_SWITCH_CASES}.`,
      fix: { label: "Combine cases, or put a second Switch in the default case" },
    });
  }
};
