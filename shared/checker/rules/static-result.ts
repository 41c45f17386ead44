// Static results (mocked outputs for testing): a step with one turned on does not run, which is
// what a test wants and what a published flow must not do unnoticed; one that names a result the
// flow does not have fails when it runs.
import { staticResultOf } from "../../flow";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const FIELD = "runtimeConfiguration/staticResult";

export const staticResult: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    if (step.object.runtimeConfiguration === undefined) continue;
    if (step.node.kind !== "action") continue;
    const use = staticResultOf(analysis.definition, step.node.action);
    if (use.kind === "enabled") {
      report({
        rule: "static-result",
        step,
        field: FIELD,
        message: `${stepLabel(step)} returns its static result (${use.result.status}) instead of running: turn it off before you publish, or the published flow will not do this step.`,
        fix: { label: "Turn the static result off", edit: { kind: "static-result-off", action: step.name } },
      });
    } else if (use.kind === "broken") {
      report({
        rule: "static-result",
        severity: "error",
        step,
        field: FIELD,
        message: `The static result of ${stepLabel(step)} cannot be used: ${use.problem}.`,
      });
    }
  }
};
