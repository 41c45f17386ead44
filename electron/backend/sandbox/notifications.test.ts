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
});
