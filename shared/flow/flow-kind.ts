// The three kinds of flow, told by the trigger: Recurrence → scheduled; a manual trigger (Button,
// Power Apps, or a connector's "For a selected …" hybrid trigger such as Business Central's
// ForASelectedRecordV3) → instant; anything else (an event) → automated.
import { canonicalTriggerType } from "./action-types";
import { type ConnectorRef, connectorRefOf } from "./connector-ref";
import type { WdlDefinition, WdlTrigger } from "./types";

export type FlowKind = "automated" | "scheduled" | "instant";

/** Request kinds that a person starts by hand. "ApiConnection" is the hybrid "For a selected …" trigger. */
const MANUAL_REQUEST_KINDS = new Set([
  "button",
  "apiconnection",
  "powerapp",
  "powerappv2",
  "skills",
  "virtualagent",
]);

export type FlowKindOptions = {
  /** The catalog's answer for a connector trigger; when absent, "…Selected…"/"Manual…" operations are instant. */
  isInstantTrigger?: (ref: ConnectorRef) => boolean;
};

export function flowKindOf(definition: WdlDefinition, options: FlowKindOptions = {}): FlowKind {
  const trigger = Object.values(definition.triggers ?? {})[0];
  return trigger ? triggerFlowKind(trigger, options) : "automated";
}

export function triggerFlowKind(trigger: WdlTrigger, options: FlowKindOptions = {}): FlowKind {
  const type = canonicalTriggerType(trigger.type);
  if (type === "Recurrence") return "scheduled";
  if (type === "Request") {
    return MANUAL_REQUEST_KINDS.has((trigger.kind ?? "").toLowerCase()) ? "instant" : "automated";
  }
  const ref = connectorRefOf(trigger);
  if (ref) {
    if (options.isInstantTrigger) return options.isInstantTrigger(ref) ? "instant" : "automated";
    if (/selected|^manual/i.test(ref.operationId ?? "")) return "instant";
  }
  return "automated";
}
