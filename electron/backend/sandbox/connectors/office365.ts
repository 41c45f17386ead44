// Office 365 Outlook (shared_office365): mail goes into the sandbox's mailboxes, never out.
import { isJsonObject } from "../../../../shared/json";
import { badParameter, notFound } from "../errors";
import { contentTypeOf } from "../mail";
import { type Params, parseAddresses } from "../params";
import type { Services } from "../services";
import type { MailAttachment } from "../types";
import { type ConnectorHandlers, ok, originOf } from "./handler";

function attachments(params: Params): MailAttachment[] {
  const name = "emailMessage/Attachments";
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

function importance(params: Params): "Low" | "Normal" | "High" {
  const value = (params.optionalString("emailMessage/Importance") ?? "Normal").trim();
  const match = (["Low", "Normal", "High"] as const).find(
    (option) => option.toLowerCase() === value.toLowerCase(),
  );
  if (!match) throw badParameter("emailMessage/Importance", `'${value}' is not Low, Normal or High.`);
  return match;
}

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
    const messageId = params.string("messageId").trim();
    const mailbox = params.optionalString("mailboxAddress")?.trim() || services.connectionUser();
    const copy = services.mail
      .list(mailbox, { top: 10_000 })
      .items.find((m) => m.id === messageId || m.messageId === messageId);
    if (!copy) throw notFound(`There is no email '${messageId}' in the mailbox of ${mailbox}.`);
    services.mail.delete(copy.id);
    return ok(null);
  },
};
