// WDL names steps uniquely across the whole flow, without letter case: outputs('x') and runAfter
// could not tell two steps of one name apart. The editor never makes duplicates; imports can.
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const duplicateName: Rule = (analysis, report) => {
  const first = new Map<string, string>();
  for (const step of analysis.steps) {
    const key = step.name.toLowerCase();
    const other = first.get(key);
    if (other === undefined) {
      first.set(key, step.name);
      continue;
    }
    report({
      rule: "duplicate-name",
      step,
      detail: String(step.order),
      message: `Two steps are called ${stepLabel(step)}: every step of a flow needs its own name.`,
      fix: { label: "Rename one of them" },
    });
  }
};
