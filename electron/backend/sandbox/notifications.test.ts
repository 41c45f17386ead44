import { describe, expect, it } from "vitest";
import { FLOW_SENDER } from "./seed/people";
import { eventsOf, failed, succeeded, testWorld } from "./test-support";

const N = "shared_flowpush";

describe("Notifications", () => {
  it("Send me a mobile notification records it for the connections' user", async () => {
    const w = testWorld();
    succeeded(
      await w.call(N, "SendNotification", {
        "NotificationDefinition/notificationText": "PI-1001 was rejected",
        "NotificationDefinition/notificationLink/uri": "sandbox://businesscentral/purchaseInvoices/1",
      }),
    );
    const [note] = w.sandbox.listNotifications({ recipient: w.sandbox.connectionUser() }).items;
    expect(note).toMatchObject({
      text: "PI-1001 was rejected",
      link: {
        uri: "sandbox://businesscentral/purchaseInvoices/1",
        label: "sandbox://businesscentral/purchaseInvoices/1",
      },
      isRead: false,
    });
    expect(eventsOf(w.events, "notification.sent")).toHaveLength(1);
    expect(failed(await w.call(N, "SendNotification", {})).error.message).toBe(
      "Parameter 'NotificationDefinition/notificationText': is required.",
    );
  });

  it("follows the connections' user when it changes", async () => {
    const w = testWorld();
    w.sandbox.setConnectionUser("zoe.papadakis@cronus-demo.example");
    await w.call(N, "SendNotification", { "NotificationDefinition/notificationText": "Hi Zoe" });
    expect(w.sandbox.listNotifications({ recipient: "zoe.papadakis@cronus-demo.example" }).total).toBe(1);
    expect(() => w.sandbox.setConnectionUser("nobody@else.example")).toThrow("not a person");
  });

  it("Send me an email notification mails the connections' user", async () => {
    const w = testWorld();
    succeeded(
      await w.call(N, "SendEmailNotification", {
        "NotificationEmailDefinition/notificationSubject": "Nightly check",
        "NotificationEmailDefinition/notificationBody": "All good",
      }),
    );
    expect(w.sandbox.listMessages(w.sandbox.connectionUser()).items[0]).toMatchObject({
      from: FLOW_SENDER,
      subject: "Nightly check",
    });
    expect(
      failed(
        await w.call(N, "SendEmailNotification", { "NotificationEmailDefinition/notificationSubject": "x" }),
      ).statusCode,
    ).toBe(400);
  });

  it("are read one by one or all at once, counted while unread, and cleared, each saying so", async () => {
    const w = testWorld();
    const me = w.sandbox.connectionUser();
    for (const text of ["One", "Two", "Three"])
      await w.call(N, "SendNotification", { "NotificationDefinition/notificationText": text });
    const unread = () => w.sandbox.listNotifications({ recipient: me, unread: true });
    expect(unread().total).toBe(3);
    const [three] = unread().items;
    expect(w.sandbox.markNotificationsRead(me.toUpperCase(), [String(three?.id)])).toBe(1);
    expect(unread().items.map((n) => n.text)).toEqual(["Two", "One"]);
    expect(w.sandbox.markNotificationsRead(me, [String(three?.id)])).toBe(0);
    expect(w.sandbox.markNotificationsRead(me)).toBe(2);
    expect(unread().total).toBe(0);
    expect(eventsOf(w.events, "notification.read")).toEqual([
      { recipient: me, count: 1 },
      { recipient: me, count: 2 },
    ]);
    // Someone else's are not theirs to read or clear.
    const alicia = "alicia.thornton@cronus-demo.example";
    expect(w.sandbox.markNotificationsRead(alicia)).toBe(0);
    expect(w.sandbox.clearNotifications(alicia)).toBe(0);
    expect(w.sandbox.listNotifications({ recipient: me }).total).toBe(3);
    expect(w.sandbox.clearNotifications(me)).toBe(3);
    expect(w.sandbox.listNotifications({ recipient: me }).total).toBe(0);
    expect(eventsOf(w.events, "notification.cleared")).toEqual([{ recipient: me, count: 3 }]);
    expect(() => w.sandbox.clearNotifications("pat.jones@partner.example")).toThrow("not a person");
  });

  it("come from Flowsmith, the flows' sender, by name", () => {
    const w = testWorld();
    expect(w.sandbox.displayName(FLOW_SENDER)).toBe("Flowsmith");
    expect(w.sandbox.listSenders()).toEqual([{ email: FLOW_SENDER, displayName: "Flowsmith" }]);
  });
});
