// Outlook in the sandbox: a mailbox per person. Sending drops a copy into each recipient's Inbox
// (a group's members each get one) and the sender's Sent Items; mail to anyone outside the company
// lands in one "outbox/external" mailbox, so nothing ever leaves.
import type { Database } from "better-sqlite3";
import { notFound } from "./errors";
import type { Directory } from "./people";
import type { MailAttachment, Mailbox, MailMessage, Origin, Page, PageOptions } from "./types";
import { iso, newestFirst, nextSeq, prepared, type World } from "./world";

export const EXTERNAL_MAILBOX = "outbox/external";

export interface OutgoingMail {
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  subject: string;
  body: string;
  importance?: "Low" | "Normal" | "High";
  attachments?: readonly MailAttachment[];
  origin: Origin;
}

interface MailRow {
  id: string;
  message_id: string;
  mailbox: string;
  folder: string;
  from_address: string;
  to_recipients: string;
  cc_recipients: string;
  bcc_recipients: string;
  subject: string;
  body: string;
  importance: string;
  attachments: string;
  sent_at: number;
  is_read: number;
  flagged: number;
  origin: string;
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  html: "text/html",
  json: "application/json",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** An attachment's MIME type, from its file name's extension. */
export function contentTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** What a person types, as the HTML body Outlook keeps: escaped, one paragraph per line. */
export function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
  return escaped
    .split(/\r?\n/)
    .map((line) => `<p>${line === "" ? "&nbsp;" : line}</p>`)
    .join("");
}

/** The start of the body as plain text, as Outlook's preview shows it. */
export function bodyPreview(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li)\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 255);
}

function toMessage(row: MailRow): MailMessage {
  const attachments = JSON.parse(row.attachments) as MailAttachment[];
  return {
    id: row.id,
    messageId: row.message_id,
    mailbox: row.mailbox,
    folder: row.folder === "Sent Items" ? "Sent Items" : "Inbox",
    from: row.from_address,
    toRecipients: row.to_recipients,
    ccRecipients: row.cc_recipients,
    bccRecipients: row.bcc_recipients,
    subject: row.subject,
    body: row.body,
    bodyPreview: bodyPreview(row.body),
    importance: row.importance === "Low" || row.importance === "High" ? row.importance : "Normal",
    hasAttachments: attachments.length > 0,
    attachments,
    receivedDateTime: iso(row.sent_at),
    isRead: row.is_read === 1,
    isFlagged: row.flagged === 1,
    origin: JSON.parse(row.origin) as Origin,
  };
}

export class Mail {
  private readonly db: Database;

  constructor(
    private readonly world: World,
    private readonly directory: Directory,
  ) {
    this.db = world.db;
  }

  /** Delivers the message; returns its id and the mailboxes it reached (not counting Sent Items). */
  send(mail: OutgoingMail): { messageId: string; mailboxes: string[] } {
    return this.world.tx(() => {
      const messageId = `<${this.world.newId()}@sandbox.cronus-demo.example>`;
      const mailboxes: string[] = [];
      const add = (mailbox: string) => {
        if (!mailboxes.some((m) => m.toLowerCase() === mailbox.toLowerCase())) mailboxes.push(mailbox);
      };
      for (const address of [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])]) {
        const person = this.directory.person(address);
        const group = person ? undefined : this.directory.group(address);
        if (person) add(person.email);
        else if (group) for (const member of group.members) add(member);
        else add(EXTERNAL_MAILBOX);
      }
      const sentAt = this.world.now();
      const base = {
        messageId,
        from: mail.from,
        to: mail.to.join("; "),
        cc: (mail.cc ?? []).join("; "),
        bcc: (mail.bcc ?? []).join("; "),
        subject: mail.subject,
        body: mail.body,
        importance: mail.importance ?? "Normal",
        attachments: JSON.stringify(mail.attachments ?? []),
        sentAt,
        origin: JSON.stringify(mail.origin),
      };
      for (const mailbox of mailboxes) {
        // Bcc stays hidden from recipients; the external outbox is a record of what left, so it keeps it.
        const message = this.insert(mailbox, "Inbox", {
          ...base,
          bcc: mailbox === EXTERNAL_MAILBOX ? base.bcc : "",
        });
        this.world.emit({ type: "mail.delivered", payload: { mailbox, message } });
      }
      const sender = this.directory.person(mail.from);
      if (sender) this.insert(sender.email, "Sent Items", base);
      return { messageId, mailboxes };
    });
  }

  private insert(
    mailbox: string,
    folder: "Inbox" | "Sent Items",
    m: {
      messageId: string;
      from: string;
      to: string;
      cc: string;
      bcc: string;
      subject: string;
      body: string;
      importance: string;
      attachments: string;
      sentAt: number;
      origin: string;
    },
  ): MailMessage {
    const id = this.world.newId();
    prepared(
      this.db,
      `INSERT INTO sb_mail (id, seq, message_id, mailbox, folder, from_address, to_recipients, cc_recipients,
           bcc_recipients, subject, body, importance, attachments, sent_at, is_read, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      nextSeq(this.db, "sb_mail"),
      m.messageId,
      mailbox,
      folder,
      m.from,
      m.to,
      m.cc,
      m.bcc,
      m.subject,
      m.body,
      m.importance,
      m.attachments,
      m.sentAt,
      folder === "Sent Items" ? 1 : 0,
      m.origin,
    );
    return this.get(id);
  }

  /**
   * The newest copy in a mailbox whose own id or message id is this (a flow may hold either),
   * or undefined.
   */
  find(mailbox: string, idOrMessageId: string): MailMessage | undefined {
    const row = prepared(
      this.db,
      "SELECT * FROM sb_mail WHERE mailbox = ? AND (id = ? OR message_id = ?) ORDER BY seq DESC LIMIT 1",
    ).get(mailbox, idOrMessageId, idOrMessageId) as MailRow | undefined;
    return row ? toMessage(row) : undefined;
  }

  get(id: string): MailMessage {
    const row = prepared(this.db, "SELECT * FROM sb_mail WHERE id = ?").get(id) as MailRow | undefined;
    if (!row) throw notFound(`There is no email with id '${id}'.`);
    return toMessage(row);
  }

  /** A mailbox's messages, newest first. */
  list(
    mailbox: string,
    options: PageOptions & { folder?: "Inbox" | "Sent Items"; search?: string } = {},
  ): Page<MailMessage> {
    const where = ["mailbox = ?"];
    const args: (string | number)[] = [mailbox];
    if (options.folder) {
      where.push("folder = ?");
      args.push(options.folder);
    }
    const search = options.search?.trim();
    if (search) {
      where.push("(subject LIKE ? OR body LIKE ? OR from_address LIKE ? OR to_recipients LIKE ?)");
      args.push(...Array<string>(4).fill(`%${search}%`));
    }
    const { total, rows } = newestFirst<MailRow>(this.db, "sb_mail", where, args, options);
    return { total, items: rows.map(toMessage) };
  }

  /** Every person's mailbox, then the external outbox. */
  mailboxes(): Mailbox[] {
    const counts = new Map<string, { messages: number; unread: number }>();
    const rows = prepared(
      this.db,
      "SELECT lower(mailbox) AS mailbox, count(*) AS messages, sum(1 - is_read) AS unread FROM sb_mail GROUP BY lower(mailbox)",
    ).all() as { mailbox: string; messages: number; unread: number }[];
    for (const row of rows) counts.set(row.mailbox, { messages: row.messages, unread: row.unread });
    const count = (address: string) => counts.get(address.toLowerCase()) ?? { messages: 0, unread: 0 };
    return [
      ...this.directory.people().map(
        (person): Mailbox => ({
          address: person.email,
          displayName: person.displayName,
          kind: "person",
          ...count(person.email),
        }),
      ),
      {
        address: EXTERNAL_MAILBOX,
        displayName: "Mail to external addresses",
        kind: "external",
        ...count(EXTERNAL_MAILBOX),
      },
    ];
  }

  markRead(id: string, read: boolean): MailMessage {
    return this.world.tx(() => {
      this.get(id);
      prepared(this.db, "UPDATE sb_mail SET is_read = ? WHERE id = ?").run(read ? 1 : 0, id);
      return this.get(id);
    });
  }

  /**
   * Flags or clears the flag of one copy. Flagging one that was not flagged raises mail.flagged
   * (what starts "When an email is flagged"); the person doing it is the origin.
   */
  setFlag(id: string, flagged: boolean, origin: Origin): MailMessage {
    return this.world.tx(() => {
      const before = this.get(id);
      prepared(this.db, "UPDATE sb_mail SET flagged = ? WHERE id = ?").run(flagged ? 1 : 0, id);
      const message = this.get(id);
      if (flagged && !before.isFlagged)
        this.world.emit({ type: "mail.flagged", payload: { mailbox: message.mailbox, message, origin } });
      return message;
    });
  }

  /**
   * Deletes one copy, found by its own id (or the copies of a message id within a mailbox); each
   * deleted copy raises mail.deleted, so the pages that show it refresh.
   */
  delete(idOrMessageId: string, mailbox?: string): void {
    this.world.tx(() => {
      type Copy = { id: string; mailbox: string };
      const byId = prepared(this.db, "SELECT id, mailbox FROM sb_mail WHERE id = ?").all(
        idOrMessageId,
      ) as Copy[];
      const copies =
        byId.length > 0 || !mailbox
          ? byId
          : (prepared(this.db, "SELECT id, mailbox FROM sb_mail WHERE message_id = ? AND mailbox = ?").all(
              idOrMessageId,
              mailbox,
            ) as Copy[]);
      if (copies.length === 0) throw notFound(`There is no email with id '${idOrMessageId}'.`);
      for (const copy of copies) {
        prepared(this.db, "DELETE FROM sb_mail WHERE id = ?").run(copy.id);
        this.world.emit({ type: "mail.deleted", payload: { mailbox: copy.mailbox, id: copy.id } });
      }
    });
  }
}
