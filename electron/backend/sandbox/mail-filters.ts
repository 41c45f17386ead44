// Outlook's mail filters (folder, to, cc, to-or-cc, from, importance, attachments, subject) and
// the email as Outlook's operations report it: shared by the mail triggers and Get emails (V3).
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { MailMessage } from "./types";

/** The filters of a mail trigger or of Get emails, read once from their parameters. */
export interface MailFilters {
  folder: string;
  to: string[];
  cc: string[];
  toOrCc: string[];
  from: string[];
  importance: string;
  onlyWithAttachments: boolean;
  includeAttachments: boolean;
  subject: string;
}

export const mailFilterText = (value: JsonValue | undefined): string =>
  value === undefined || value === null ? "" : String(value).trim();

const flag = (value: JsonValue | undefined): boolean =>
  value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");

const addresses = (value: JsonValue | undefined): string[] =>
  mailFilterText(value)
    .split(/[;,]/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== "");

export function filtersOf(params: JsonObject): MailFilters {
  return {
    folder: mailFilterText(params.folderPath) || "Inbox",
    to: addresses(params.to),
    cc: addresses(params.cc),
    toOrCc: addresses(params.toOrCc),
    from: addresses(params.from),
    importance: mailFilterText(params.importance) || "Any",
    onlyWithAttachments: flag(params.fetchOnlyWithAttachment),
    includeAttachments: flag(params.includeAttachments),
    subject: mailFilterText(params.subjectFilter).toLowerCase(),
  };
}

/** Whether any address of the filter is among the message's recipients (an empty filter passes). */
function anyOf(filter: readonly string[], recipients: readonly string[]): boolean {
  return filter.length === 0 || filter.some((a) => recipients.includes(a));
}

export function passes(filters: MailFilters, message: MailMessage): boolean {
  if (message.folder.toLowerCase() !== filters.folder.toLowerCase()) return false;
  const to = addresses(message.toRecipients);
  const cc = addresses(message.ccRecipients);
  if (!anyOf(filters.to, to) || !anyOf(filters.cc, cc) || !anyOf(filters.toOrCc, [...to, ...cc]))
    return false;
  if (!anyOf(filters.from, addresses(message.from))) return false;
  if (
    filters.importance.toLowerCase() !== "any" &&
    filters.importance.toLowerCase() !== message.importance.toLowerCase()
  )
    return false;
  if (filters.onlyWithAttachments && !message.hasAttachments) return false;
  return filters.subject === "" || message.subject.toLowerCase().includes(filters.subject);
}

/** The email as Outlook's triggers and Get emails report it (the catalog's outputs under body/). */
export function emailOutput(message: MailMessage, includeAttachments: boolean): JsonObject {
  return {
    id: message.id,
    internetMessageId: message.messageId,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    subject: message.subject,
    body: message.body,
    bodyPreview: message.bodyPreview,
    importance: message.importance,
    hasAttachments: message.hasAttachments,
    receivedDateTime: message.receivedDateTime,
    isRead: message.isRead,
    attachments: message.attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      ...(includeAttachments ? { contentBytes: a.contentBytes } : {}),
    })),
  };
}
