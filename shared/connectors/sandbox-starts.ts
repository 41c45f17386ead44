// Which triggers an event a person performs in the sandbox can start: Business Central's record and
// approval triggers, and Outlook's new-email and flagged-email triggers. The designer's Test offers "perform the
// trigger action" for these; the backend matches their events (electron/backend/triggers).
import type { OperationDeclaration } from "./types";

/** The sandbox's mail events: an email delivered into a mailbox, or flagged there. */
export type SandboxMailEvent = "mail.delivered" | "mail.flagged";

/** Outlook triggers the sandbox's mail starts, by operation id, with the event each fires on. */
export const SANDBOX_MAIL_TRIGGERS: Readonly<Record<string, SandboxMailEvent>> = {
  OnNewEmailV3: "mail.delivered",
  OnFlaggedEmailV3: "mail.flagged",
};

/** The sandbox mail event an Outlook trigger fires on; undefined for other operations. */
export function sandboxMailEvent(operationId: string): SandboxMailEvent | undefined {
  return Object.hasOwn(SANDBOX_MAIL_TRIGGERS, operationId) ? SANDBOX_MAIL_TRIGGERS[operationId] : undefined;
}

export function isSandboxMailTrigger(operation: OperationDeclaration | undefined): boolean {
  return (
    operation?.connectorId === "shared_office365" && sandboxMailEvent(operation.operationId) !== undefined
  );
}

/** Whether something a person does in the sandbox can start this trigger. */
export function performableInSandbox(operation: OperationDeclaration | undefined): boolean {
  if (operation?.kind !== "trigger") return false;
  return (
    (operation.connectorId === "shared_dynamicssmbsaas" && operation.flowKind === "automated") ||
    isSandboxMailTrigger(operation)
  );
}
