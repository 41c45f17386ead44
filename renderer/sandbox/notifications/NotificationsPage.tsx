import { Bell, ExternalLink } from "lucide-react";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { resolveLink } from "../content/links";
import { ErrorBanner } from "../parts/ErrorBanner";
import { SubHeader } from "../parts/SubHeader";
import { useActingPerson, useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";

/** The mobile notifications flows sent to the person acted as ("Send me a mobile notification"). */
export function NotificationsPage() {
  const me = useSandbox((s) => s.actingAs);
  const person = useActingPerson();
  const list = useLoad(me, () => api.call("sandbox.notifications.list", { recipient: me, top: 200 }));
  useSandboxChanges((c) => c.type.startsWith("notification."), list.reload);

  return (
    <div className="sbx-body sbx-scroll">
      <SubHeader
        title={t("sandbox.notifications.title")}
        subtitle={person ? t("sandbox.notifications.subtitle", { name: person.displayName }) : undefined}
      />
      {list.error !== undefined && !list.data ? (
        <ErrorBanner error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <p className="muted">{t("common.loading")}</p>
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={<Bell size={36} />} title={t("sandbox.notifications.empty.title")}>
          {t("sandbox.notifications.empty.body")}
        </EmptyState>
      ) : (
        <ul className="sbx-notifications" data-testid="notification-list">
          {list.data.items.map((notification) => {
            const raw = notification.link as { uri?: unknown; label?: unknown } | null | undefined;
            const link = typeof raw?.uri === "string" ? resolveLink(raw.uri) : undefined;
            const label =
              typeof raw?.label === "string" && raw.label ? raw.label : t("sandbox.notifications.open");
            return (
              <li key={notification.id} className="sbx-notification" data-testid="notification">
                <Bell size={18} aria-hidden="true" className="sbx-notification-icon" />
                <div className="sbx-notification-text">
                  <p>{notification.text}</p>
                  {link &&
                    (link.kind === "external" ? (
                      <a href={link.href} target="_blank" rel="noopener noreferrer">
                        {label} <ExternalLink size={12} aria-hidden="true" />
                      </a>
                    ) : (
                      <a href={link.href}>{label}</a>
                    ))}
                </div>
                <span className="muted sbx-notification-time" title={formatDateTime(notification.createdAt)}>
                  {formatRelative(notification.createdAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
