// Notifications (shared_flowpush): "me" is the person the flows' connections belong to.
import { FLOW_SENDER } from "../seed/people";
import { type ConnectorHandlers, ok, originOf } from "./handler";

export const notifications: ConnectorHandlers = {
  SendNotification(params, call, services) {
    const uri = params.optionalString("NotificationDefinition/notificationLink/uri")?.trim() ?? "";
    const label = params.optionalString("NotificationDefinition/notificationLink/label")?.trim() ?? "";
    const notification = services.notifications.send(
      services.connectionUser(),
      params.string("NotificationDefinition/notificationText"),
      uri ? { uri, label: label || uri } : null,
      originOf(call),
    );
    return ok({ id: notification.id });
  },

  SendEmailNotification(params, call, services) {
    const sent = services.mail.send({
      from: FLOW_SENDER,
      to: [services.connectionUser()],
      subject: params.string("NotificationEmailDefinition/notificationSubject"),
      body: params.string("NotificationEmailDefinition/notificationBody"),
      origin: originOf(call),
    });
    return ok({ messageId: sent.messageId });
  },
};
