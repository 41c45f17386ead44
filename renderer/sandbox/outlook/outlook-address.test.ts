import { describe, expect, it } from "vitest";
import { outlookPath, readOutlookPlace } from "./outlook-address";

const ALICIA = "alicia.thornton@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";

describe("Outlook's address", () => {
  it("is one's own Inbox without a query", () => {
    expect(readOutlookPlace("", ALICIA)).toEqual({ mailbox: ALICIA, folder: "Inbox" });
    expect(outlookPath({ mailbox: ALICIA, folder: "Inbox" }, ALICIA)).toBe("/outlook");
  });

  it("names another mailbox, Sent Items and the open message, and reads them back", () => {
    const place = { mailbox: GRACE, folder: "Sent Items", message: "m-1" } as const;
    const path = outlookPath(place, ALICIA);
    expect(path).toBe("/outlook?mailbox=grace.okafor%40cronus-demo.example&folder=sent&message=m-1");
    expect(readOutlookPlace(path.split("?")[1] ?? "", ALICIA)).toEqual(place);
    expect(readOutlookPlace("mailbox=outbox%2Fexternal", ALICIA).mailbox).toBe("outbox/external");
  });

  it("ignores what it does not know", () => {
    expect(readOutlookPlace("folder=drafts&message=&mailbox=", ALICIA)).toEqual({
      mailbox: ALICIA,
      folder: "Inbox",
    });
  });
});
