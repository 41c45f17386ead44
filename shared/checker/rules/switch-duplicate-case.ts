// Two cases of one Switch with the same value: the second could never be chosen, and Power
// Automate refuses to save it.
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const switchDuplicateCase: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    if (step.type !== "Switch" || !isJsonObject(step.object.cases)) continue;
    const first = new Map<string, string>();
    for (const [caseName, c] of Object.entries(step.object.cases)) {
      if (!isJsonObject(c) || c.case === undefined) continue;
      const key = JSON.stringify(c.case);
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, caseName);
        continue;
      }
      report({
        rule: "switch-duplicate-case",
        step,
        field: `cases/${caseName}/case`,
        path: ["cases", caseName, "case"],
        detail: caseName,
        message: `In ${stepLabel(step)}, the cases ${stepLabel(earlier)} and ${stepLabel(caseName)} have the same value ${key}: each case needs its own.`,
      });
    }
  }
};
