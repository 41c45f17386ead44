// The administrator's connector policy against a published version: the checker decides whether
// the flow breaks it (the same rules that refuse a publish); this file says why, in one sentence
// for the workflow list: "Uses Office 365 Outlook, which the administrator blocked".
import { type ConnectorPolicy, checkFlow } from "../../../shared/checker";
import { classOf, connectorKey } from "../../../shared/checker/policy";
import { connectorOfAction } from "../../../shared/connectors";
import { allActions, connectorRefOf, type WdlDefinition } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { listWords } from "../triggers/words";

const POLICY_RULES = new Set(["policy-blocked-connector", "policy-mixed-data-groups"]);

/** Why the flow breaks the policy, or undefined when it does not. */
export function policyViolation(definition: WdlDefinition, policy: ConnectorPolicy): string | undefined {
  const { findings } = checkFlow(definition, { policy });
  if (!findings.some((f) => f.severity === "error" && POLICY_RULES.has(f.rule))) return undefined;
  const groups = { blocked: new Set<string>(), business: new Set<string>(), nonBusiness: new Set<string>() };
  for (const { key, name } of connectorsOf(definition)) {
    const cls = classOf(policy, key);
    (cls === "blocked" ? groups.blocked : cls === "business" ? groups.business : groups.nonBusiness).add(
      name,
    );
  }
  const reasons: string[] = [];
  if (groups.blocked.size > 0) {
    reasons.push(`Uses ${listWords([...groups.blocked])}, which the administrator blocked`);
  }
  if (groups.business.size > 0 && groups.nonBusiness.size > 0) {
    reasons.push(
      `Mixes business connectors (${listWords([...groups.business])}) with non-business ones (${listWords([...groups.nonBusiness])}), which the administrator's data policy does not allow`,
    );
  }
  return reasons.length > 0 ? reasons.join("; ") : "Breaks the administrator's connector policy";
}

/** Every connector the flow calls (trigger and steps), once, with the name people know it by. */
function connectorsOf(definition: WdlDefinition): { key: string; name: string }[] {
  const steps: { type: string; inputs?: JsonValue }[] = [
    ...Object.values(definition.triggers ?? {}),
    ...allActions(definition).map((entry) => entry.action),
  ];
  const seen = new Map<string, string>();
  for (const step of steps) {
    const declared = connectorOfAction(step as unknown as JsonValue);
    if (declared) {
      if (!declared.builtIn) seen.set(declared.id.toLowerCase(), declared.displayName);
      continue;
    }
    const ref = connectorRefOf(step);
    const reference = ref?.connector ?? ref?.apiId;
    if (reference === undefined || reference === "") continue;
    const key = connectorKey(reference);
    if (!seen.has(key)) seen.set(key, key.replace(/^shared_/, ""));
  }
  return [...seen].map(([key, name]) => ({ key, name }));
}
