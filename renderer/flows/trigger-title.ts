import type { FlowSummary } from "../../shared/api";
import { t } from "../i18n";

/** How the flow list says what starts a flow. */
export function triggerTitle(
  flow: Pick<FlowSummary, "triggerName" | "triggerType" | "triggerOperationId">,
): string {
  if (flow.triggerType === "Recurrence") return t("trigger.recurrence");
  if (flow.triggerType === "Request") return t("trigger.manual");
  if (!flow.triggerName) return t("designer.noTrigger");
  // Power Automate names a trigger after its title: "When_a_record_is_created_(V3)".
  return flow.triggerName.replace(/_/g, " ");
}
