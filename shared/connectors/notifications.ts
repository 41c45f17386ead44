// Notifications (shared_flowpush): tell the flow's owner something, on their phone or by email.
import { input, managedConnector } from "./define";

export const notifications = managedConnector({
  id: "shared_flowpush",
  displayName: "Notifications",
  description: "Send yourself a notification on the mobile app or by email.",
  group: "Notifications",
  color: "#d83b01",
  icon: "bell",
  operations: [
    {
      operationId: "SendNotification",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Send me a mobile notification",
      description: "Sends a push notification to your phone, with an optional link.",
      inputs: [
        input("NotificationDefinition/notificationText", "Text", "string", "The text of the notification.", {
          required: true,
        }),
        input(
          "NotificationDefinition/notificationLink/uri",
          "Link",
          "string",
          "A link the notification opens.",
          {
            format: "uri",
          },
        ),
        input(
          "NotificationDefinition/notificationLink/label",
          "Link label",
          "string",
          "The text shown for the link.",
        ),
      ],
      keywords: ["push", "phone", "alert", "notify"],
    },
    {
      operationId: "SendEmailNotification",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Send me an email notification",
      description: "Sends an email to yourself from the flow service.",
      inputs: [
        input(
          "NotificationEmailDefinition/notificationSubject",
          "Subject",
          "string",
          "Subject of the email.",
          {
            required: true,
          },
        ),
        input("NotificationEmailDefinition/notificationBody", "Body", "html", "Body of the email.", {
          required: true,
        }),
      ],
      keywords: ["mail", "alert", "notify"],
    },
  ],
});
