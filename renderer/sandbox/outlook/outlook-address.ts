// Where Outlook is, as its address's query: "/outlook?mailbox=grace…&folder=sent&message=<id>".
// The mailbox of the person acted as and the Inbox are the defaults, left out of the address, so
// "/outlook" is always one's own Inbox.

export type Folder = "Inbox" | "Sent Items";

export interface OutlookPlace {
  mailbox: string;
  folder: Folder;
  /** The message open in the reading pane. */
  message?: string;
}

export function readOutlookPlace(search: string, actingAs: string): OutlookPlace {
  const params = new URLSearchParams(search);
  const mailbox = params.get("mailbox")?.trim() || actingAs;
  const folder: Folder = params.get("folder") === "sent" ? "Sent Items" : "Inbox";
  const message = params.get("message")?.trim();
  return { mailbox, folder, ...(message ? { message } : {}) };
}

export function outlookPath(place: OutlookPlace, actingAs: string): string {
  const params = new URLSearchParams();
  if (place.mailbox.toLowerCase() !== actingAs.toLowerCase()) params.set("mailbox", place.mailbox);
  if (place.folder === "Sent Items") params.set("folder", "sent");
  if (place.message) params.set("message", place.message);
  const query = params.toString();
  return query ? `/outlook?${query}` : "/outlook";
}
