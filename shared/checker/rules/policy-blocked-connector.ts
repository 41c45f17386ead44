// A step calling a connector the administrator has blocked.
import { classOf, stepConnector } from "../policy";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const policyBlockedConnector: Rule = (analysis, report) => {
  const { policy } = analysis;
  if (!policy) return;
  for (const step of analysis.steps) {
    const connector = stepConnector(step);
    if (!connector || classOf(policy, connector.key) !== "blocked") continue;
    report({
      rule: "policy-blocked-connector",
      step,
      detail: connector.key,
      message: `${stepLabel(step)} uses ${connector.name}, which your administrator has blocked.`,
      fix: { label: `Remove the step, or ask your administrator to allow ${connector.name}` },
    });
  }
};
