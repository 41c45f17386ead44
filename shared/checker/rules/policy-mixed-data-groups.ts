// Business and non-business connectors in one flow: the administrator's data policy keeps
// business data from flowing to non-business services, so a flow uses one group or the other.
import type { Step } from "../analysis";
import { classOf, stepConnector } from "../policy";
import { listText } from "../wording";
import type { Rule } from "./rule";

export const policyMixedDataGroups: Rule = (analysis, report) => {
  const { policy } = analysis;
  if (!policy) return;
  const groups = { business: new Map<string, Step[]>(), nonBusiness: new Map<string, Step[]>() };
  for (const step of analysis.steps) {
    const connector = stepConnector(step);
    if (!connector) continue;
    const cls = classOf(policy, connector.key);
    if (cls === "blocked") continue;
    const group = cls === "business" ? groups.business : groups.nonBusiness;
    const steps = group.get(connector.name);
    if (steps) steps.push(step);
    else group.set(connector.name, [step]);
  }
  if (groups.business.size === 0 || groups.nonBusiness.size === 0) return;
  const steps = [...groups.business.values(), ...groups.nonBusiness.values()].flat();
  report({
    rule: "policy-mixed-data-groups",
    related: steps.sort((a, b) => a.order - b.order).map((s) => s.nodeId),
    message: `This flow uses business connectors (${listText([...groups.business.keys()])}) together with non-business ones (${listText([...groups.nonBusiness.keys()])}); your administrator's data policy does not allow mixing them.`,
    fix: { label: "Use connectors of one group only, or ask your administrator to classify them together" },
  });
};
