import { describe, expect, it } from "vitest";
import { EXTERNAL_MAILBOX } from "./mail";
import { eventsOf, failed, succeeded, testWorld } from "./test-support";

const O = "shared_office365";
const DANIEL = "daniel.reyes@cronus-demo.example";
const ALICIA = "alicia.thornton@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";

describe("Send an email (V2)", () => {
  it("delivers To, Cc and Bcc into mailboxes, keeps a sent copy, and sends nothing out", async () => {
    const w = testWorld();
    const sent = succeeded(
      await w.call(O, "SendEmailV2", {
        "emailMessage/To": `${ALICIA}; accounts@birch-logistics.example`,
        "emailMessage/Cc": "buyers@cronus-demo.example",
        "emailMessage/Bcc": GRACE,
        "emailMessage/Subject": "PI-1001 approved",
        "emailMessage/Body": "<p>Approved by <b>Alicia</b>.</p>",
        "emailMessage/Importance": "High",
        "emailMessage/Attachments": [{ Name: "invoice.pdf", ContentBytes: "JVBERi0=" }],
      }),
    );
    expect(sent.body.deliveredTo).toEqual([
      ALICIA,
      EXTERNAL_MAILBOX,
      "marcus.bell@cronus-demo.example",
      "nadia.haddad@cronus-demo.example",
      "oliver.grant@cronus-demo.example",
      GRACE,
    ]);
    const [inbox] = w.sandbox.listMessages(ALICIA, { folder: "Inbox" }).items;
    expect(inbox).toMatchObject({
      from: DANIEL,
      toRecipients: `${ALICIA}; accounts@birch-logistics.example`,
      ccRecipients: "buyers@cronus-demo.example",
      bccRecipients: "",
      subject: "PI-1001 approved",
      bodyPreview: "Approved by Alicia.",
      importance: "High",
      hasAttachments: true,
      isRead: false,
      receivedDateTime: "2026-01-05T08:00:00.000Z",
      origin: { kind: "flow", actionName: "SendEmailV2" },
    });
    expect(inbox?.attachments).toEqual([
      { name: "invoice.pdf", contentBytes: "JVBERi0=", contentType: "application/pdf" },
    ]);
    expect(w.sandbox.listMessages(GRACE).items[0]?.bccRecipients).toBe("");
    expect(w.sandbox.listMessages(EXTERNAL_MAILBOX).items[0]?.bccRecipients).toBe(GRACE);
    expect(w.sandbox.listMessages(DANIEL, { folder: "Sent Items" }).total).toBe(1);
    expect(eventsOf(w.events, "mail.delivered").map((e) => e.mailbox)).toEqual(sent.body.deliveredTo);
    const boxes = w.sandbox.listMailboxes();
    expect(boxes.find((b) => b.address === ALICIA)).toMatchObject({ messages: 1, unread: 1 });
    w.sandbox.markMessageRead(String(inbox?.id));
    expect(w.sandbox.listMailboxes().find((b) => b.address === ALICIA)).toMatchObject({
      messages: 1,
      unread: 0,
    });
  });

  it("sends as a company group, but never as an outsider", async () => {
    const w = testWorld();
    const base = { "emailMessage/To": ALICIA, "emailMessage/Subject": "Hi", "emailMessage/Body": "Hello" };
    succeeded(
      await w.call(O, "SendEmailV2", { ...base, "emailMessage/From": "finance@cronus-demo.example" }),
    );
    expect(w.sandbox.listMessages(ALICIA).items[0]?.from).toBe("finance@cronus-demo.example");
    const outsider = failed(
      await w.call(O, "SendEmailV2", { ...base, "emailMessage/From": "ceo@competitor.example" }),
    );
    expect(outsider.error.message).toContain("Parameter 'emailMessage/From'");
  });

  it("names the wrong parameter", async () => {
    const w = testWorld();
    const send = async (parameters: Record<string, string>) =>
      failed(await w.call(O, "SendEmailV2", parameters)).error.message;
    expect(await send({ "emailMessage/Subject": "x", "emailMessage/Body": "y" })).toBe(
      "Parameter 'emailMessage/To': is required.",
    );
    expect(
      await send({ "emailMessage/To": "alicia@", "emailMessage/Subject": "x", "emailMessage/Body": "y" }),
    ).toBe("Parameter 'emailMessage/To': 'alicia@' is not an email address.");
    expect(await send({ "emailMessage/To": ALICIA, "emailMessage/Body": "y" })).toBe(
      "Parameter 'emailMessage/Subject': is required.",
    );
    expect(await send({ "emailMessage/To": ALICIA, "emailMessage/Subject": "x" })).toBe(
      "Parameter 'emailMessage/Body': is required.",
    );
    expect(
      await send({
        "emailMessage/To": ALICIA,
        "emailMessage/Subject": "x",
        "emailMessage/Body": "y",
        "emailMessage/Importance": "Urgent",
      }),
    ).toBe("Parameter 'emailMessage/Importance': 'Urgent' is not Low, Normal or High.");
    expect(w.sandbox.listMessages(ALICIA).total).toBe(0);
  });

  it("reads parameters written nested, as some exports do", async () => {
    const w = testWorld();
    succeeded(
      await w.call(O, "SendEmailV2", { emailMessage: { To: ALICIA, Subject: "Nested", Body: "ok" } }),
    );
    expect(w.sandbox.listMessages(ALICIA).items[0]?.subject).toBe("Nested");
  });
});

describe("Delete email (V2)", () => {
  it("deletes a message from the connections' user's mailbox", async () => {
    const w = testWorld();
    await w.call(O, "SendEmailV2", {
      "emailMessage/To": DANIEL,
      "emailMessage/Subject": "Note",
      "emailMessage/Body": "x",
    });
    const [copy] = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items;
    succeeded(await w.call(O, "DeleteEmail_V2", { messageId: String(copy?.id) }));
    expect(w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).total).toBe(0);
    expect(failed(await w.call(O, "DeleteEmail_V2", { messageId: String(copy?.id) })).statusCode).toBe(404);
  });
});

describe("a person writes an email in Outlook", () => {
  it("is delivered from the person, as HTML paragraphs, with typed attachments and a sent copy", () => {
    const w = testWorld();
    const sent = w.sandbox.sendMail(ALICIA, {
      to: `${DANIEL}, ${GRACE}`,
      cc: "accounts@birch-logistics.example",
      subject: "  Order 55  ",
      body: "Hello & welcome\n\n<b>not bold</b>",
      importance: "Low",
      attachments: [{ name: "Terms.PDF", contentBytes: "JVBERi0=" }],
    });
    expect(sent.mailboxes).toEqual([DANIEL, GRACE, EXTERNAL_MAILBOX]);
    const copy = w.sandbox.listMessages(DANIEL).items[0];
    expect(copy).toMatchObject({
      from: ALICIA,
      toRecipients: `${DANIEL}; ${GRACE}`,
      subject: "Order 55",
      body: "<p>Hello &amp; welcome</p><p>&nbsp;</p><p>&lt;b&gt;not bold&lt;/b&gt;</p>",
      bodyPreview: "Hello & welcome <b>not bold</b>",
      importance: "Low",
      attachments: [{ name: "Terms.PDF", contentType: "application/pdf", contentBytes: "JVBERi0=" }],
      origin: { kind: "person", email: ALICIA },
    });
    expect(w.sandbox.listMessages(ALICIA, { folder: "Sent Items" }).total).toBe(1);
    expect(eventsOf(w.events, "mail.delivered")).toHaveLength(3);
  });

  it("refuses a sender who is not a person of the company, and a recipient that is not an address; sends nothing", () => {
    const w = testWorld();
    expect(() =>
      w.sandbox.sendMail("finance@cronus-demo.example", { to: DANIEL, subject: "", body: "" }),
    ).toThrow("is not a person of the company");
    expect(() =>
      w.sandbox.sendMail(ALICIA, { to: `${DANIEL}; not-an-address`, subject: "", body: "" }),
    ).toThrow("Parameter 'to': 'not-an-address' is not an email address.");
    expect(() => w.sandbox.sendMail(ALICIA, { to: " ; ", subject: "", body: "" })).toThrow(
      "Parameter 'to': at least one recipient is required.",
    );
    expect(eventsOf(w.events, "mail.delivered")).toHaveLength(0);
    expect(w.sandbox.listMessages(DANIEL).total).toBe(0);
  });
});

describe("Reply to email (V3)", () => {
  it("answers the sender from the mailbox the email is in, quoting it, RE: once", async () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: DANIEL, cc: GRACE, subject: "Invoice 12", body: "Please approve." });
    const original = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    const reply = succeeded(
      await w.call(O, "ReplyToV3", {
        messageId: original?.id ?? "",
        "replyParameters/Body": "<p>Approved.</p>",
      }),
    );
    expect(reply.body.deliveredTo).toEqual([ALICIA]);
    const answer = w.sandbox.listMessages(ALICIA, { folder: "Inbox" }).items[0];
    expect(answer).toMatchObject({
      from: DANIEL,
      toRecipients: ALICIA,
      ccRecipients: "",
      subject: "RE: Invoice 12",
    });
    expect(answer?.body).toMatch(
      /^<p>Approved\.<\/p><hr><p><b>From:<\/b> alicia\.thornton@cronus-demo\.example<br>/,
    );
    expect(answer?.body).toContain("<b>Subject:</b> Invoice 12</p><p>Please approve.</p>");

    // Reply all, to a reply: everyone else on it is copied, and the subject keeps one RE:.
    const again = succeeded(
      await w.call(O, "ReplyToV3", {
        messageId: answer?.messageId ?? "",
        mailboxAddress: ALICIA,
        "replyParameters/Body": "Thanks",
        "replyParameters/ReplyAll": true,
        "replyParameters/Importance": "High",
      }),
    );
    expect(again.body.deliveredTo).toEqual([DANIEL]);
    expect(w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0]).toMatchObject({
      subject: "RE: Invoice 12",
      importance: "High",
    });
  });

  it("reply all copies the original's other recipients, but not the one answering", async () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: `${DANIEL}; ${GRACE}`, subject: "Plan", body: "" });
    const original = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    succeeded(
      await w.call(O, "ReplyToV3", {
        messageId: original?.id ?? "",
        "replyParameters/Body": "Agreed",
        "replyParameters/ReplyAll": true,
      }),
    );
    expect(w.sandbox.listMessages(DANIEL, { folder: "Sent Items" }).items[0]).toMatchObject({
      toRecipients: ALICIA,
      ccRecipients: GRACE,
    });
  });

  it("says which email is missing, and which parameter is wrong", async () => {
    const w = testWorld();
    expect(
      failed(await w.call(O, "ReplyToV3", { messageId: "nope", "replyParameters/Body": "x" })),
    ).toMatchObject({
      statusCode: 404,
      error: { message: `There is no email 'nope' in the mailbox of ${DANIEL}.` },
    });
    w.sandbox.sendMail(ALICIA, { to: DANIEL, subject: "S", body: "" });
    const original = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    expect(failed(await w.call(O, "ReplyToV3", { messageId: original?.id ?? "" }))).toMatchObject({
      statusCode: 400,
      error: { message: "Parameter 'replyParameters/Body': is required." },
    });
  });
});

describe("flagging an email", () => {
  it("raises mail.flagged once, when the flag is set; the flag survives a snapshot restore", () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: DANIEL, subject: "Follow up", body: "" });
    const copy = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    if (!copy) throw new Error("no mail");
    expect(copy.isFlagged).toBe(false);
    expect(w.sandbox.flagMessage(copy.id, true, DANIEL).isFlagged).toBe(true);
    w.sandbox.flagMessage(copy.id, true, DANIEL);
    expect(eventsOf(w.events, "mail.flagged")).toMatchObject([
      {
        mailbox: DANIEL,
        message: { id: copy.id, isFlagged: true },
        origin: { kind: "person", email: DANIEL },
      },
    ]);
    w.sandbox.saveSnapshot("flagged");
    expect(w.sandbox.flagMessage(copy.id, false, DANIEL).isFlagged).toBe(false);
    expect(eventsOf(w.events, "mail.flagged")).toHaveLength(1);
    w.sandbox.restoreSnapshot("flagged");
    expect(w.sandbox.getMessage(copy.id).isFlagged).toBe(true);
    expect(() => w.sandbox.flagMessage("nope", true, DANIEL)).toThrow("There is no email with id 'nope'.");
  });
});

describe("marking an email unread and deleting it, in Outlook", () => {
  it("marks one copy unread again, as a person of the company; the mailbox counts it", () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: DANIEL, subject: "Read me twice", body: "" });
    const copy = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    if (!copy) throw new Error("no mail");
    const unread = () => w.sandbox.listMailboxes().find((m) => m.address === DANIEL)?.unread;
    const before = unread() ?? 0;
    expect(w.sandbox.markMessageRead(copy.id).isRead).toBe(true);
    expect(unread()).toBe(before - 1);
    expect(w.sandbox.setMessageRead(copy.id, false, DANIEL).isRead).toBe(false);
    expect(unread()).toBe(before);
    // Alicia's own copy in Sent Items is another copy: it stays read.
    expect(w.sandbox.listMessages(ALICIA, { folder: "Sent Items" }).items[0]?.isRead).toBe(true);
    expect(() => w.sandbox.setMessageRead(copy.id, true, "pat.jones@partner.example")).toThrow(
      "is not a person of the company",
    );
    expect(() => w.sandbox.setMessageRead("nope", false, DANIEL)).toThrow(
      "There is no email with id 'nope'.",
    );
  });

  it("deletes one copy only, raising mail.deleted; the sender's copy and a snapshot keep theirs", () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: `${DANIEL};${GRACE}`, subject: "Delete me", body: "" });
    const copy = w.sandbox.listMessages(DANIEL, { search: "Delete me" }).items[0];
    if (!copy) throw new Error("no mail");
    w.sandbox.saveSnapshot("with mail");
    w.sandbox.deleteMessage(copy.id, DANIEL);
    expect(w.sandbox.listMessages(DANIEL, { search: "Delete me" }).total).toBe(0);
    expect(w.sandbox.listMessages(GRACE, { search: "Delete me" }).total).toBe(1);
    expect(w.sandbox.listMessages(ALICIA, { folder: "Sent Items", search: "Delete me" }).total).toBe(1);
    expect(eventsOf(w.events, "mail.deleted")).toEqual([{ mailbox: DANIEL, id: copy.id }]);
    expect(() => w.sandbox.deleteMessage(copy.id, DANIEL)).toThrow(`There is no email with id '${copy.id}'.`);
    expect(() => w.sandbox.deleteMessage(copy.id, "")).toThrow("is not a person of the company");
    w.sandbox.restoreSnapshot("with mail");
    expect(w.sandbox.getMessage(copy.id).subject).toBe("Delete me");
  });
});

describe("Get emails (V3)", () => {
  it("gets the unread emails of the connections' user's Inbox that pass the filters, newest first, up to top", async () => {
    const w = testWorld();
    for (const [from, subject, importance] of [
      [ALICIA, "Invoice 1", "Normal"],
      [GRACE, "Invoice 2", "High"],
      [ALICIA, "Lunch", "Normal"],
      [ALICIA, "Invoice 3", "High"],
    ] as const)
      w.sandbox.sendMail(from, { to: DANIEL, subject, body: `About ${subject}`, importance });
    const read = w.sandbox.listMessages(DANIEL, { folder: "Inbox", search: "Invoice 1" }).items[0];
    w.sandbox.markMessageRead(read?.id ?? "", true);

    const subjects = async (parameters: Record<string, string | number | boolean>) => {
      const body = succeeded(await w.call(O, "GetEmailsV3", parameters)).body as {
        value: { subject: string }[];
      };
      return body.value.map((m) => m.subject);
    };
    expect(await subjects({})).toEqual(["Invoice 3", "Lunch", "Invoice 2"]);
    expect(await subjects({ fetchOnlyUnread: false, subjectFilter: "invoice" })).toEqual([
      "Invoice 3",
      "Invoice 2",
      "Invoice 1",
    ]);
    expect(await subjects({ from: ALICIA, importance: "High" })).toEqual(["Invoice 3"]);
    expect(await subjects({ top: 1 })).toEqual(["Invoice 3"]);
    expect(await subjects({ searchQuery: "About Lunch" })).toEqual(["Lunch"]);
    expect(
      await subjects({ mailboxAddress: ALICIA, folderPath: "Sent Items", fetchOnlyUnread: false }),
    ).toEqual(["Invoice 3", "Lunch", "Invoice 1"]);
  });

  it("says when the folder does not exist or top is out of range", async () => {
    const w = testWorld();
    expect(failed(await w.call(O, "GetEmailsV3", { folderPath: "Archive" }))).toMatchObject({
      statusCode: 404,
      error: {
        message: `The mailbox of ${DANIEL} has no folder 'Archive': the sandbox's mailboxes have Inbox and Sent Items.`,
      },
    });
    expect(failed(await w.call(O, "GetEmailsV3", { top: 5000 }))).toMatchObject({ statusCode: 400 });
  });
});

describe("Mark as read or unread (V3)", () => {
  it("marks an email of the mailbox read, or unread again, and names one that is not there", async () => {
    const w = testWorld();
    w.sandbox.sendMail(ALICIA, { to: DANIEL, subject: "Status", body: "" });
    const copy = w.sandbox.listMessages(DANIEL, { folder: "Inbox" }).items[0];
    succeeded(await w.call(O, "MarkAsRead_V3", { messageId: copy?.id ?? "" }));
    expect(w.sandbox.getMessage(copy?.id ?? "").isRead).toBe(true);
    succeeded(await w.call(O, "MarkAsRead_V3", { messageId: copy?.messageId ?? "", "body/isRead": false }));
    expect(w.sandbox.getMessage(copy?.id ?? "").isRead).toBe(false);
    expect(failed(await w.call(O, "MarkAsRead_V3", { messageId: "gone" }))).toMatchObject({
      statusCode: 404,
    });
  });
});
