// Office 365 Outlook (shared_office365): mail goes into the sandbox's mailboxes, never out.
import { isJsonObject } from "../../../../shared/json";
import { badParameter, notFound } from "../errors";
import { contentTypeOf } from "../mail";
import { emailOutput, filtersOf, passes } from "../mail-filters";
import { type Params, parseAddresses } from "../params";
import type { Services } from "../services";
import type { MailAttachment, MailMessage } from "../types";
import { type ConnectorHandlers, ok, originOf } from "./handler";

function attachments(params: Params, name = "emailMessage/Attachments"): MailAttachment[] {
  return (params.optionalArray(name) ?? []).map((entry, index) => {
    if (!isJsonObject(entry))
      throw badParameter(`${name}/${index}`, "must be an attachment with Name and ContentBytes.");
    const fileName = typeof entry.Name === "string" ? entry.Name.trim() : "";
    if (fileName === "") throw badParameter(`${name}/${index}/Name`, "is required.");
    const content = entry.ContentBytes;
    // File content from another step comes as {"$content-type", "$content"}.
    const bytes =
      typeof content === "string"
        ? content
        : isJsonObject(content) && typeof content.$content === "string"
          ? content.$content
          : undefined;
    if (bytes === undefined) throw badParameter(`${name}/${index}/ContentBytes`, "is required.");
    return { name: fileName, contentBytes: bytes, contentType: contentTypeOf(fileName) };
  });
}

/** "Send as" is allowed for the company's own mailboxes and groups; nobody can send as an outsider. */
function sender(params: Params, services: Services): string {
  const given = params.optionalString("emailMessage/From")?.trim();
  if (!given) return services.connectionUser();
  const [address] = parseAddresses(given, "emailMessage/From");
  if (!address) return services.connectionUser();
  const own = services.directory.person(address) ?? services.directory.group(address);
  if (!own)
    throw badParameter(
      "emailMessage/From",
      `you cannot send as ${address}: it is not a mailbox of the company.`,
    );
  return own.email;
}

function importance(params: Params, name = "emailMessage/Importance"): "Low" | "Normal" | "High" {
  const value = (params.optionalString(name) ?? "Normal").trim();
  const match = (["Low", "Normal", "High"] as const).find(
    (option) => option.toLowerCase() === value.toLowerCase(),
  );
  if (!match) throw badParameter(name, `'${value}' is not Low, Normal or High.`);
  return match;
}

/** The email "messageId" names in the mailbox (the connections' user's, or mailboxAddress). */
function messageOf(params: Params, services: Services): MailMessage {
  const messageId = params.string("messageId").trim();
  const mailbox = params.optionalString("mailboxAddress")?.trim() || services.connectionUser();
  const copy = services.mail.find(mailbox, messageId);
  if (!copy) throw notFound(`There is no email '${messageId}' in the mailbox of ${mailbox}.`);
  return copy;
}

const addressesOf = (list: string): string[] =>
  list
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter((a) => a !== "");

/** The original under the answer, as Outlook quotes it. */
function quoted(original: MailMessage): string {
  const line = (label: string, value: string) => (value ? `<b>${label}:</b> ${escapeHtml(value)}<br>` : "");
  return (
    `<hr><p>${line("From", original.from)}${line("Sent", original.receivedDateTime)}` +
    `${line("To", original.toRecipients)}${line("Cc", original.ccRecipients)}` +
    `<b>Subject:</b> ${escapeHtml(original.subject)}</p>${original.body}`
  );
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const office365: ConnectorHandlers = {
  SendEmailV2(params, call, services) {
    const to = parseAddresses(params.string("emailMessage/To"), "emailMessage/To");
    if (to.length === 0) throw badParameter("emailMessage/To", "is required.");
    const body = params.optionalString("emailMessage/Body");
    if (body === undefined) throw badParameter("emailMessage/Body", "is required.");
    parseAddresses(params.optionalString("emailMessage/ReplyTo") ?? "", "emailMessage/ReplyTo");
    const sent = services.mail.send({
      from: sender(params, services),
      to,
      cc: parseAddresses(params.optionalString("emailMessage/Cc") ?? "", "emailMessage/Cc"),
      bcc: parseAddresses(params.optionalString("emailMessage/Bcc") ?? "", "emailMessage/Bcc"),
      subject: params.string("emailMessage/Subject"),
      body,
      importance: importance(params),
      attachments: attachments(params),
      origin: originOf(call),
    });
    // Outlook answers nothing; the ids help the run panel point at the mail.
    return ok({ messageId: sent.messageId, deliveredTo: sent.mailboxes });
  },

  DeleteEmail_V2(params, _call, services) {
    services.mail.delete(messageOf(params, services).id);
    return ok(null);
  },

  MarkAsRead_V3(params, _call, services) {
    const message = messageOf(params, services);
    services.mail.markRead(message.id, params.boolean("body/isRead", true));
    return ok(null);
  },

  GetEmailsV3(params, _call, services) {
    const mailbox = params.optionalString("mailboxAddress")?.trim() || services.connectionUser();
    const filters = filtersOf(params.raw);
    const folder = (["Inbox", "Sent Items"] as const).find(
      (name) => name.toLowerCase() === filters.folder.toLowerCase(),
    );
    if (!folder)
      throw notFound(
        `The mailbox of ${mailbox} has no folder '${filters.folder}': the sandbox's mailboxes have Inbox and Sent Items.`,
      );
    const top = params.optionalInteger("top", 1) ?? 10;
    if (top > 1000) throw badParameter("top", "must be at most 1000.");
    const onlyUnread = params.boolean("fetchOnlyUnread", true);
    const search = params.optionalString("searchQuery")?.trim() ?? "";
    const found = services.mail
      .list(mailbox, { folder, top: 10_000, ...(search ? { search } : {}) })
      .items.filter((m) => passes({ ...filters, folder }, m) && (!onlyUnread || !m.isRead))
      .slice(0, top);
    return ok({ value: found.map((m) => emailOutput(m, filters.includeAttachments)) });
  },

  ReplyToV3(params, call, services) {
    const original = messageOf(params, services);
    const body = params.optionalString("replyParameters/Body");
    if (body === undefined) throw badParameter("replyParameters/Body", "is required.");
    const me = original.mailbox.toLowerCase();
    const given = parseAddresses(params.optionalString("replyParameters/To") ?? "", "replyParameters/To");
    const to = given.length > 0 ? given : [original.from];
    const cc = parseAddresses(params.optionalString("replyParameters/Cc") ?? "", "replyParameters/Cc");
    if (params.boolean("replyParameters/ReplyAll", false)) {
      // Everyone on the email but the one answering and those already addressed.
      const taken = new Set([...to, ...cc].map((a) => a.toLowerCase()));
      for (const address of [...addressesOf(original.toRecipients), ...addressesOf(original.ccRecipients)]) {
        const key = address.toLowerCase();
        if (key === me || taken.has(key)) continue;
        taken.add(key);
        cc.push(address);
      }
    }
    const subject =
      params.optionalString("replyParameters/Subject")?.trim() ||
      (/^re:/i.test(original.subject.trim()) ? original.subject.trim() : `RE: ${original.subject.trim()}`);
    const sent = services.mail.send({
      from: original.mailbox,
      to,
      cc,
      bcc: parseAddresses(params.optionalString("replyParameters/Bcc") ?? "", "replyParameters/Bcc"),
      subject,
      body: `${body}${quoted(original)}`,
      importance: importance(params, "replyParameters/Importance"),
      attachments: attachments(params, "replyParameters/Attachments"),
      origin: originOf(call),
    });
    return ok({ messageId: sent.messageId, deliveredTo: sent.mailboxes });
  },
};
