// Mobile notifications, kept per person: what "Send me a mobile notification" would show on the
// flow owner's phone.
import type { Database } from "better-sqlite3";
import type { Origin, Page, PageOptions, SandboxNotification } from "./types";
import { iso, newestFirst, nextSeq, prepared, type World } from "./world";

interface NotificationRow {
  id: string;
  recipient: string;
  text: string;
  link_uri: string;
  link_label: string;
  created_at: number;
  is_read: number;
  origin: string;
}

const toNotification = (row: NotificationRow): SandboxNotification => ({
  id: row.id,
  recipient: row.recipient,
  text: row.text,
  link: row.link_uri ? { uri: row.link_uri, label: row.link_label || row.link_uri } : null,
  createdAt: iso(row.created_at),
  isRead: row.is_read === 1,
  origin: JSON.parse(row.origin) as Origin,
});

export class Notifications {
  private readonly db: Database;

  constructor(private readonly world: World) {
    this.db = world.db;
  }

  send(
    recipient: string,
    text: string,
    link: { uri: string; label: string } | null,
    origin: Origin,
  ): SandboxNotification {
    return this.world.tx(() => {
      const id = this.world.newId();
      prepared(
        this.db,
        `INSERT INTO sb_notifications (id, seq, recipient, text, link_uri, link_label, created_at, is_read, origin)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      ).run(
        id,
        nextSeq(this.db, "sb_notifications"),
        recipient,
        text,
        link?.uri ?? "",
        link?.label ?? "",
        this.world.now(),
        JSON.stringify(origin),
      );
      const notification = toNotification(
        prepared(this.db, "SELECT * FROM sb_notifications WHERE id = ?").get(id) as NotificationRow,
      );
      this.world.emit({ type: "notification.sent", payload: { notification } });
      return notification;
    });
  }

  /** Newest first; one person's, or everyone's; `unread`: only those not read yet. */
  list(options: PageOptions & { recipient?: string; unread?: boolean } = {}): Page<SandboxNotification> {
    const { recipient } = options;
    const where: string[] = [];
    const args: string[] = [];
    if (recipient) {
      where.push("lower(recipient) = lower(?)");
      args.push(recipient.trim());
    }
    if (options.unread) where.push("is_read = 0");
    const { total, rows } = newestFirst<NotificationRow>(this.db, "sb_notifications", where, args, options);
    return { total, items: rows.map(toNotification) };
  }

  markRead(id: string): void {
    prepared(this.db, "UPDATE sb_notifications SET is_read = 1 WHERE id = ?").run(id);
  }

  /**
   * Marks a person's notifications read: those of `ids`, or all of them. Returns how many were
   * unread; when any were, notification.read tells the pages that count them.
   */
  markReadFor(recipient: string, ids?: readonly string[]): number {
    return this.world.tx(() => {
      const where = ["lower(recipient) = lower(?)", "is_read = 0"];
      const args: string[] = [recipient.trim()];
      if (ids) {
        if (ids.length === 0) return 0;
        where.push(`id IN (${ids.map(() => "?").join(", ")})`);
        args.push(...ids);
      }
      const changed = this.db
        .prepare(`UPDATE sb_notifications SET is_read = 1 WHERE ${where.join(" AND ")}`)
        .run(...args).changes;
      if (changed > 0) this.world.emit({ type: "notification.read", payload: { recipient, count: changed } });
      return changed;
    });
  }

  /** Removes all of a person's notifications (a phone's "Clear all"). Returns how many. */
  clear(recipient: string): number {
    return this.world.tx(() => {
      const removed = prepared(this.db, "DELETE FROM sb_notifications WHERE lower(recipient) = lower(?)").run(
        recipient.trim(),
      ).changes;
      if (removed > 0)
        this.world.emit({ type: "notification.cleared", payload: { recipient, count: removed } });
      return removed;
    });
  }
}
