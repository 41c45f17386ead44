import { Bell, Check, CheckCheck, ExternalLink, Trash2 } from "lucide-react";
import { useState } from "react";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/EmptyState";
import { IconButton } from "../../ui/IconButton";
import { toast } from "../../ui/toasts";
import { resolveLink } from "../content/links";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { SubHeader } from "../parts/SubHeader";
import { useSandboxNow } from "../sandbox-clock";
import { useActingPerson, useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";

/**
 * The mobile notifications flows sent to the person acted as ("Send me a mobile notification"),
 * newest first. Unread ones are marked (and counted on the tab) until the person reads them: one by
 * one, by following a notification's link, or all at once; "Clear all" removes them.
 */
export function NotificationsPage() {
  const me = useSandbox((s) => s.actingAs);
  const person = useActingPerson();
  const now = useSandboxNow();
  const list = useLoad(me, () => api.call("sandbox.notifications.list", { recipient: me, top: 200 }));
  useSandboxChanges((c) => c.type.startsWith("notification."), list.reload);
  const [confirmClear, setConfirmClear] = useState(false);

  const markRead = async (ids?: string[]) => {
    try {
      await api.call("sandbox.notifications.markRead", { recipient: me, ...(ids ? { ids } : {}) });
      list.reload();
    } catch (error) {
      toast.error(errorText(error));
    }
  };
  const items = list.data?.items ?? [];
  const unread = items.filter((n) => !n.isRead).length;

  return (
    <div className="sbx-body sbx-scroll">
      <div className="sbx-notifications-page">
        <SubHeader
          title={t("sandbox.notifications.title")}
          subtitle={person ? t("sandbox.notifications.subtitle", { name: person.displayName }) : undefined}
          actions={
            items.length > 0 && (
              <>
                <button
                  type="button"
                  className="button"
                  disabled={unread === 0}
                  onClick={() => void markRead()}
                >
                  <CheckCheck size={16} aria-hidden="true" />
                  {t("sandbox.notifications.markAllRead")}
                </button>
                <button type="button" className="button" onClick={() => setConfirmClear(true)}>
                  <Trash2 size={16} aria-hidden="true" />
                  {t("sandbox.notifications.clearAll")}
                </button>
              </>
            )
          }
        />
        {list.error !== undefined && !list.data ? (
          <ErrorBanner error={list.error} onRetry={list.reload} />
        ) : !list.data ? (
          <p className="muted">{t("common.loading")}</p>
        ) : items.length === 0 ? (
          <EmptyState icon={<Bell size={36} />} title={t("sandbox.notifications.empty.title")}>
            {t("sandbox.notifications.empty.body")}
          </EmptyState>
        ) : (
          <ul className="sbx-notifications" data-testid="notification-list">
            {items.map((notification) => {
              const raw = notification.link as { uri?: unknown; label?: unknown } | null | undefined;
              const link = typeof raw?.uri === "string" ? resolveLink(raw.uri) : undefined;
              const label =
                typeof raw?.label === "string" && raw.label ? raw.label : t("sandbox.notifications.open");
              const unseen = !notification.isRead;
              // Following the link reads the notification, as tapping it on a phone does.
              const read = unseen ? () => void markRead([notification.id]) : undefined;
              return (
                <li
                  key={notification.id}
                  className={unseen ? "sbx-notification unread" : "sbx-notification"}
                  data-testid="notification"
                  data-unread={unseen || undefined}
                >
                  <Bell size={18} aria-hidden="true" className="sbx-notification-icon" />
                  <div className="sbx-notification-text">
                    <p>
                      {unseen && (
                        <span className="visually-hidden">{t("sandbox.notifications.unread")} </span>
                      )}
                      {notification.text}
                    </p>
                    {link &&
                      (link.kind === "external" ? (
                        <a href={link.href} target="_blank" rel="noopener noreferrer" onClick={read}>
                          {label} <ExternalLink size={12} aria-hidden="true" />
                        </a>
                      ) : (
                        <a href={link.href} onClick={read}>
                          {label}
                        </a>
                      ))}
                  </div>
                  <span
                    className="muted sbx-notification-time"
                    title={formatDateTime(notification.createdAt)}
                  >
                    {formatRelative(notification.createdAt, now)}
                  </span>
                  <span className="sbx-notification-read">
                    {unseen ? (
                      <IconButton
                        icon={<Check size={16} />}
                        label={t("sandbox.notifications.markRead")}
                        onClick={() => void markRead([notification.id])}
                      />
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {confirmClear && (
        <ConfirmDialog
          title={t("sandbox.notifications.clearTitle")}
          body={t("sandbox.notifications.clearBody", { name: person?.displayName ?? me })}
          confirmLabel={t("sandbox.notifications.clearAll")}
          danger
          onClose={() => setConfirmClear(false)}
          onConfirm={async () => {
            await api.call("sandbox.notifications.clear", { recipient: me });
            setConfirmClear(false);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
