// Outlook's mail triggers in the sandbox: "When a new email arrives (V3)" and "When an email is
// flagged (V3)" watch the mailbox of the person the flows' connections belong to (Sandbox →
// connection user) and fire for each email delivered (or flagged) there that passes their filters.
// Like Outlook, they report a batch ({ body: { value: [email] } }); the trigger's splitOn turns
// each email into its own run.
//
// Mail a flow sent never starts a flow (as with records): with one connection user for every flow,
// "when mail arrives, send mail" would otherwise feed itself.
import { sandboxMailEvent } from "../../../shared/connectors";
import { isJsonObject, type JsonObject } from "../../../shared/json";
import type { SandboxEvent } from "../sandbox/events";
import { emailOutput, filtersOf, mailFilterText, passes } from "../sandbox/mail-filters";

/** What a matcher may need to know about the world when the event happens. */
export interface TriggerContext {
  /** The mailbox the flows' Outlook connection opens. */
  connectionUser(): string;
}

/** The trigger's parameters: the OpenApi form's, or the query string of a legacy export. */
export function mailTriggerParameters(trigger: JsonObject): JsonObject {
  const inputs = isJsonObject(trigger.inputs) ? trigger.inputs : {};
  const fetch = isJsonObject(inputs.fetch) ? inputs.fetch : {};
  return {
    ...(isJsonObject(fetch.queries) ? fetch.queries : {}),
    ...(isJsonObject(inputs.queries) ? inputs.queries : {}),
    ...(isJsonObject(inputs.parameters) ? inputs.parameters : {}),
  };
}

/**
 * Matches the trigger's mail events (delivered or flagged, per operation) against its filters; the
 * outputs hold a batch of one email.
 */
export function mailMatcher(
  operationId: string,
  params: JsonObject,
): ((event: SandboxEvent, context: TriggerContext) => JsonObject | undefined) | undefined {
  const type = sandboxMailEvent(operationId);
  if (!type) return undefined;
  const filters = filtersOf(params);
  return (event, context) => {
    if (event.type !== type) return undefined;
    const { mailbox, message } = event.payload;
    const origin = event.type === "mail.flagged" ? event.payload.origin : message.origin;
    if (origin.kind === "flow") return undefined;
    if (mailbox.toLowerCase() !== context.connectionUser().toLowerCase()) return undefined;
    if (!passes(filters, message)) return undefined;
    return {
      headers: { "x-ms-event": type },
      body: { value: [emailOutput(message, filters.includeAttachments)] },
    };
  };
}

/** The trigger in words, for the workflow list ("When a new email arrives in Inbox, from anna@…"). */
export function describeMailTrigger(operationId: string, params: JsonObject): string {
  const what =
    sandboxMailEvent(operationId) === "mail.flagged"
      ? "When an email is flagged"
      : "When a new email arrives";
  return `${what} ${describeMailFilters(params)}`;
}

/** The filters in words ("in Inbox, from anna@…, subject contains “Invoice”"). */
function describeMailFilters(params: JsonObject): string {
  const f = filtersOf(params);
  const parts: string[] = [];
  if (f.from.length > 0) parts.push(`from ${f.from.join(" or ")}`);
  if (f.to.length > 0) parts.push(`to ${f.to.join(" or ")}`);
  if (f.cc.length > 0) parts.push(`copied to ${f.cc.join(" or ")}`);
  if (f.toOrCc.length > 0) parts.push(`to or copied to ${f.toOrCc.join(" or ")}`);
  if (f.subject !== "") parts.push(`subject contains “${mailFilterText(params.subjectFilter)}”`);
  if (f.importance.toLowerCase() !== "any") parts.push(`${f.importance.toLowerCase()} importance`);
  if (f.onlyWithAttachments) parts.push("with attachments");
  const where = `in ${f.folder}`;
  return parts.length === 0 ? where : `${where}, ${parts.join(", ")}`;
}
