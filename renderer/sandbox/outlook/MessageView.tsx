import { Flag, Paperclip, Reply } from "lucide-react";
import { useEffect, useRef } from "react";
import { ApiError } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { SafeHtml } from "../content/SafeHtml";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { usePersonName } from "../sandbox-store";
import { useLoad } from "../use-sandbox-data";
import { type Draft, replyDraft } from "./ComposeDialog";

/** The reading pane: opening a message marks it read; its body is shown through SafeHtml. */
export function MessageView({
  id,
  onRead,
  onReply,
  actingAs,
}: {
  id: string;
  onRead: () => void;
  /** Who flags the email (the person acted as). */
  actingAs: string;
  /** Writes a reply as the person acted as (absent until they are known). */
  onReply?: (draft: Draft) => void;
}) {
  const nameOf = usePersonName();
  const loaded = useLoad(id, () => api.call("sandbox.mail.get", { id }));
  const told = useRef(false);
  const message = loaded.data;
  useEffect(() => {
    if (message && !told.current) {
      told.current = true;
      onRead();
    }
  }, [message, onRead]);

  if (loaded.error instanceof ApiError && loaded.error.code === "not_found") {
    return <p className="muted sbx-pane-note">{t("sandbox.outlook.gone")}</p>;
  }
  if (loaded.error !== undefined && !message)
    return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!message) return <p className="muted sbx-pane-note">{t("common.loading")}</p>;

  const people = (list: string) =>
    list
      .split(/[;,]/)
      .map((address) => address.trim())
      .filter(Boolean)
      .map((address) => {
        const name = nameOf(address);
        return name === address ? address : `${name} <${address}>`;
      })
      .join("; ");
  const bcc = typeof message.bccRecipients === "string" ? message.bccRecipients : "";
  const attachments = Array.isArray(message.attachments)
    ? message.attachments.flatMap((a) =>
        typeof a === "object" && a !== null && "name" in a && typeof a.name === "string" ? [a.name] : [],
      )
    : [];

  return (
    <article className="sbx-message" data-testid="message-view">
      <header className="sbx-message-header">
        <h3>{message.subject || t("sandbox.outlook.noSubject")}</h3>
        {message.importance === "High" && (
          <span className="sbx-badge sbx-badge-danger">{t("sandbox.outlook.important")}</span>
        )}
        <div className="sbx-message-actions">
          <button
            type="button"
            className={message.isFlagged ? "button sbx-flagged" : "button"}
            aria-pressed={message.isFlagged}
            onClick={async () => {
              try {
                await api.call("sandbox.mail.flag", { id, flagged: !message.isFlagged, actingAs });
                loaded.reload();
              } catch (error) {
                toast.error(errorText(error));
              }
            }}
          >
            <Flag size={16} aria-hidden="true" />
            {t(message.isFlagged ? "sandbox.outlook.unflag" : "sandbox.outlook.flag")}
          </button>
          {onReply && (
            <button type="button" className="button" onClick={() => onReply(replyDraft(message))}>
              <Reply size={16} aria-hidden="true" />
              {t("sandbox.outlook.reply")}
            </button>
          )}
        </div>
      </header>
      <dl className="facts sbx-facts">
        <dt>{t("sandbox.outlook.from")}</dt>
        <dd>{people(message.from)}</dd>
        <dt>{t("sandbox.outlook.to")}</dt>
        <dd>{people(message.toRecipients)}</dd>
        {message.ccRecipients && (
          <>
            <dt>{t("sandbox.outlook.cc")}</dt>
            <dd>{people(message.ccRecipients)}</dd>
          </>
        )}
        {bcc && (
          <>
            <dt>{t("sandbox.outlook.bcc")}</dt>
            <dd>{people(bcc)}</dd>
          </>
        )}
        <dt>{t("sandbox.outlook.received")}</dt>
        <dd>{formatDateTime(message.receivedDateTime)}</dd>
      </dl>
      {attachments.length > 0 && (
        <ul className="sbx-attachments" aria-label={t("sandbox.outlook.attachments")}>
          {attachments.map((name) => (
            <li key={name}>
              <Paperclip size={14} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
      <SafeHtml html={message.body} className="sbx-message-body" />
    </article>
  );
}
