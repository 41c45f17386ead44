import { describe, expect, it } from "vitest";
import { addresses, forwardDraft, htmlToText, replyAllDraft, replyDraft } from "./drafts";

const ALICIA = "alicia.thornton@cronus-demo.example";
const DANIEL = "daniel.reyes@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";

const original = {
  from: DANIEL,
  toRecipients: `${ALICIA}; partner@contoso.example`,
  ccRecipients: `${GRACE}; ${ALICIA.toUpperCase()}`,
  subject: "Vendor statement",
  body: "<p>Hello Alicia,</p><p>The statement is <strong>attached</strong> &amp; checked.</p>",
  receivedDateTime: "2026-01-05T08:00:00.000Z",
  attachments: [{ name: "Statement.pdf", contentBytes: "JVBERi0=", contentType: "application/pdf" }],
};

describe("drafts", () => {
  it("read addresses and HTML as a person would type them", () => {
    expect(addresses(" a@x.example; b@y.example, ;")).toEqual(["a@x.example", "b@y.example"]);
    expect(htmlToText("<p>One<br>two</p><script>x()</script><p>3 &lt; 4</p>")).toBe("One\ntwo\n3 < 4");
  });

  it("reply to the sender, once RE:, with the whole message quoted", () => {
    const draft = replyDraft(original);
    expect(draft).toMatchObject({ to: DANIEL, cc: "", subject: "RE: Vendor statement" });
    expect(draft.body).toBe(`\n\n${DANIEL} wrote:\n> Hello Alicia,\n> The statement is attached & checked.`);
    expect(replyDraft({ ...original, subject: "re: Vendor statement" }).subject).toBe("re: Vendor statement");
  });

  it("reply all: the sender and every recipient but me, each once", () => {
    const draft = replyAllDraft(original, ALICIA);
    expect(draft.to).toBe(`${DANIEL}; partner@contoso.example`);
    expect(draft.cc).toBe(GRACE);
    expect(draft.subject).toBe("RE: Vendor statement");
  });

  it("name people where their names are known", () => {
    const nameOf = (address: string) => (address === DANIEL ? "Daniel Reyes" : address);
    expect(replyDraft(original, nameOf).body).toContain(`Daniel Reyes <${DANIEL}> wrote:`);
    const forward = forwardDraft(original, nameOf).body;
    expect(forward).toContain(`From: Daniel Reyes <${DANIEL}>`);
    expect(forward).toContain(`To: ${ALICIA}; partner@contoso.example`);
  });

  it("forward: nobody yet, FW:, the original's header, text and attachments", () => {
    const draft = forwardDraft(original);
    expect(draft).toMatchObject({ to: "", cc: "", subject: "FW: Vendor statement" });
    expect(draft.body).toContain(`From: ${DANIEL}`);
    expect(draft.body).toContain(`To: ${ALICIA}; partner@contoso.example`);
    expect(draft.body).toContain("Subject: Vendor statement");
    expect(draft.body).toContain("The statement is attached & checked.");
    expect(draft.attachments).toEqual([{ name: "Statement.pdf", contentBytes: "JVBERi0=" }]);
    expect(forwardDraft({ ...original, subject: "FW: x", attachments: [] }).attachments).toBeUndefined();
  });
});
