import type { FlowSummary } from "../../shared/api";
import { allOperations } from "../../shared/connectors";
import { t } from "../i18n";

/** Trigger titles by operation id, so that a connector's trigger reads as the designer shows it. */
let triggerTitles: Map<string, string> | undefined;
function operationTitle(operationId: string): string | undefined {
  triggerTitles ??= new Map(
    allOperations()
      .filter((operation) => operation.kind === "trigger")
      .map((operation) => [operation.operationId.toLowerCase(), operation.displayName]),
  );
  return triggerTitles.get(operationId.toLowerCase());
}

/** How the flow list says what starts a flow. */
export function triggerTitle(
  flow: Pick<FlowSummary, "triggerName" | "triggerType" | "triggerOperationId">,
): string {
  // A connector's trigger by its title (Business Central's "For a selected record (V3)" is a Request too).
  const titled = flow.triggerOperationId ? operationTitle(flow.triggerOperationId) : undefined;
  if (titled) return titled;
  if (flow.triggerType === "Recurrence") return t("trigger.recurrence");
  if (flow.triggerType === "Request") return t("trigger.manual");
  if (!flow.triggerName) return t("designer.noTrigger");
  // Power Automate names a trigger after its title: "When_a_record_is_created_(V3)".
  return flow.triggerName.replace(/_/g, " ");
}
