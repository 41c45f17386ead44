// The flow checker, run live on every edit (it is fast: a 1,000-step flow checks in milliseconds).
import { useDeferredValue, useMemo } from "react";
import { type CheckResult, checkFlow, type Finding } from "../../../shared/checker";
import { useSettings } from "../../settings/settings-store";
import type { StepBadge } from "../canvas/nodes/StepCard";
import { useDesigner } from "../state/context";

export function useCheck(): CheckResult {
  // The canvas shows an edit first; the checker's findings follow in a lower-priority render.
  const definition = useDeferredValue(useDesigner((s) => s.definition));
  const kind = useDesigner((s) => s.kind);
  // The administrator's connector policy is part of the check, as at publish time.
  const policy = useSettings((s) => s.settings.connectorPolicy);
  return useMemo(() => checkFlow(definition, { kind, policy }), [definition, kind, policy]);
}

/** Error and warning counts per canvas node, for the badges on the cards. */
export function badgesOf(findings: readonly Finding[]): Map<string, StepBadge> {
  const badges = new Map<string, StepBadge>();
  for (const finding of findings) {
    const badge = badges.get(finding.nodeId) ?? { errors: 0, warnings: 0 };
    if (finding.severity === "error") badge.errors++;
    else badge.warnings++;
    badges.set(finding.nodeId, badge);
  }
  return badges;
}
