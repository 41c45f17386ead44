// Which triggers an event a person performs in the sandbox can start: Business Central's record and
// approval triggers, and Outlook's new-email and flagged-email triggers. The designer's Test offers "perform the
// trigger action" for these; the backend matches their events (electron/backend/triggers).
import type { OperationDeclaration } from "./types";

/** Outlook triggers the sandbox's mail starts, by operation id. */
export const SANDBOX_MAIL_TRIGGERS: ReadonlySet<string> = new Set(["OnNewEmailV3", "OnFlaggedEmailV3"]);

export function isSandboxMailTrigger(operation: OperationDeclaration | undefined): boolean {
  return operation?.connectorId === "shared_office365" && SANDBOX_MAIL_TRIGGERS.has(operation.operationId);
}

/** Whether something a person does in the sandbox can start this trigger. */
export function performableInSandbox(operation: OperationDeclaration | undefined): boolean {
  if (operation?.kind !== "trigger") return false;
  return (
    (operation.connectorId === "shared_dynamicssmbsaas" && operation.flowKind === "automated") ||
    isSandboxMailTrigger(operation)
  );
}
