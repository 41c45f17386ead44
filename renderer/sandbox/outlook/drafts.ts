// What a new email starts with: empty, or a reply (to the sender, or to everyone), or a forward,
// with the original quoted below as Outlook does.
import { formatDateTime, t } from "../../i18n";

export interface Draft {
  to: string;
  cc: string;
  subject: string;
  body: string;
  importance: "Low" | "Normal" | "High";
  /** A forward carries the original's attachments. */
  attachments?: readonly { name: string; contentBytes: string }[];
}

export const EMPTY_DRAFT: Draft = { to: "", cc: "", subject: "", body: "", importance: "Normal" };

/** The message a draft answers or forwards, as the sandbox's Outlook has it. */
export interface Original {
  from: string;
  toRecipients: string;
  ccRecipients: string;
  subject: string;
  body: string;
  receivedDateTime: string;
  attachments?: readonly { name: string; contentBytes: string }[];
}

/** "a@x; B@y," → ["a@x", "B@y"]. */
export function addresses(list: string): string[] {
  return list
    .split(/[;,]/)
    .map((address) => address.trim())
    .filter(Boolean);
}

/** An email's HTML body as the plain text a reply quotes: paragraphs and breaks kept as lines. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, "\n")
    .replace(/<\/t[dh]>/gi, "\t")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function prefixed(prefix: "RE" | "FW", subject: string): string {
  const text = subject.trim();
  return new RegExp(`^${prefix}:`, "i").test(text) ? text : `${prefix}: ${text}`;
}

/** A person's name for an address ("Daniel Reyes"), or the address itself. */
export type NameOf = (address: string) => string;
const asIs: NameOf = (address) => address;

/** "Daniel Reyes <daniel.reyes@…>", or the address alone when it has no other name. */
function named(address: string, nameOf: NameOf): string {
  const name = nameOf(address);
  return name && name !== address ? `${name} <${address}>` : address;
}

function quote(message: Original, nameOf: NameOf): string {
  const text = htmlToText(message.body);
  const lines = text ? text.split("\n").map((line) => `> ${line}`) : [];
  const from = named(message.from, nameOf);
  return `\n\n${[t("sandbox.outlook.compose.quote", { from }), ...lines].join("\n")}`;
}

/** A reply to the sender: "RE:" once, the original quoted below. */
export function replyDraft(message: Original, nameOf: NameOf = asIs): Draft {
  return {
    to: message.from,
    cc: "",
    subject: prefixed("RE", message.subject),
    body: quote(message, nameOf),
    importance: "Normal",
  };
}

/** A reply to the sender and everyone the message went to, except the person replying. */
export function replyAllDraft(message: Original, me: string, nameOf: NameOf = asIs): Draft {
  const seen = new Set<string>([me.toLowerCase()]);
  const keep = (list: string[]) =>
    list.filter((address) => {
      const key = address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const to = keep([message.from, ...addresses(message.toRecipients)]);
  const cc = keep(addresses(message.ccRecipients));
  return {
    ...replyDraft(message, nameOf),
    to: to.join("; "),
    cc: cc.join("; "),
  };
}

/** A forward: no recipient yet, "FW:" once, the original's header and text, its attachments. */
export function forwardDraft(message: Original, nameOf: NameOf = asIs): Draft {
  const list = (recipients: string) =>
    addresses(recipients)
      .map((address) => named(address, nameOf))
      .join("; ");
  const header = [
    t("sandbox.outlook.compose.forwarded"),
    `${t("sandbox.outlook.from")}: ${named(message.from, nameOf)}`,
    `${t("sandbox.outlook.compose.sentOn")}: ${formatDateTime(message.receivedDateTime)}`,
    `${t("sandbox.outlook.to")}: ${list(message.toRecipients)}`,
    ...(message.ccRecipients.trim() ? [`${t("sandbox.outlook.cc")}: ${list(message.ccRecipients)}`] : []),
    `${t("sandbox.outlook.compose.subject")}: ${message.subject}`,
  ];
  return {
    to: "",
    cc: "",
    subject: prefixed("FW", message.subject),
    body: `\n\n${header.join("\n")}\n\n${htmlToText(message.body)}`,
    importance: "Normal",
    ...(message.attachments && message.attachments.length > 0
      ? { attachments: message.attachments.map(({ name, contentBytes }) => ({ name, contentBytes })) }
      : {}),
  };
}
