import { Flag, Forward, Mail, MailOpen, Paperclip, Reply, ReplyAll, Trash2 } from "lucide-react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { ApiError, type SandboxMail } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toasts";
import { SafeHtml } from "../content/SafeHtml";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { usePersonName } from "../sandbox-store";
import { useLoad } from "../use-sandbox-data";
import { addresses, type Draft, forwardDraft, replyAllDraft, replyDraft } from "./drafts";

/**
 * The reading pane: opening a message marks it read; its body is shown through SafeHtml. Its
 * toolbar answers it (Reply, Reply all, Forward), flags it, marks it unread again, or deletes it.
 */
export function MessageView({
  id,
  onRead,
  onCompose,
  onDeleted,
  actingAs,
}: {
  id: string;
  /** The message was read, or marked read or unread: counts change. */
  onRead: () => void;
  /** Who flags, marks and deletes the email (the person acted as). */
  actingAs: string;
  /** Writes a reply or a forward as the person acted as (absent until they are known). */
  onCompose?: (draft: Draft) => void;
  onDeleted: () => void;
}) {
  const nameOf = usePersonName();
  const loaded = useLoad(id, () => api.call("sandbox.mail.get", { id }));
  // What the toolbar changed since: kept here, since reading the message again would mark it read.
  const [changed, setChanged] = useState<SandboxMail>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const told = useRef(false);
  const message = changed ?? loaded.data;
  useEffect(() => {
    if (loaded.data && !told.current) {
      told.current = true;
      onRead();
    }
  }, [loaded.data, onRead]);

  if (loaded.error instanceof ApiError && loaded.error.code === "not_found") {
    return <p className="muted sbx-pane-note">{t("sandbox.outlook.gone")}</p>;
  }
  if (loaded.error !== undefined && !message)
    return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!message) return <p className="muted sbx-pane-note">{t("common.loading")}</p>;

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      toast.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const flag = () =>
    act(async () => {
      setChanged(await api.call("sandbox.mail.flag", { id, flagged: !message.isFlagged, actingAs }));
    });
  const toggleRead = () =>
    act(async () => {
      setChanged(await api.call("sandbox.mail.markRead", { id, read: !message.isRead, actingAs }));
      onRead();
    });

  const people = (list: string) => {
    const unique = [...new Map(addresses(list).map((a) => [a.toLowerCase(), a])).values()];
    return unique.map((address, index) => {
      const name = nameOf(address);
      return (
        // A name, then its address; the address moves to the next line whole rather than break.
        <span key={address.toLowerCase()} className="sbx-address">
          {name !== address && <>{name} </>}
          <span className={name !== address ? "sbx-address-mail muted" : "sbx-address-mail"}>
            {name !== address ? `<${address}>` : address}
            {index < unique.length - 1 && ";"}
          </span>{" "}
        </span>
      );
    });
  };
  const bcc = typeof message.bccRecipients === "string" ? message.bccRecipients : "";
  const attachments = Array.isArray(message.attachments)
    ? message.attachments.flatMap((a) =>
        typeof a === "object" &&
        a !== null &&
        "name" in a &&
        typeof a.name === "string" &&
        "contentBytes" in a &&
        typeof a.contentBytes === "string"
          ? [{ name: a.name, contentBytes: a.contentBytes }]
          : [],
      )
    : [];
  const original = { ...message, attachments };

  return (
    <article className="sbx-message" data-testid="message-view">
      <div className="sbx-message-toolbar">
        {onCompose && (
          <>
            <ToolButton
              icon={<Reply size={16} />}
              label={t("sandbox.outlook.reply")}
              onClick={() => onCompose(replyDraft(original, nameOf))}
            />
            <ToolButton
              icon={<ReplyAll size={16} />}
              label={t("sandbox.outlook.replyAll")}
              onClick={() => onCompose(replyAllDraft(original, actingAs, nameOf))}
            />
            <ToolButton
              icon={<Forward size={16} />}
              label={t("sandbox.outlook.forward")}
              onClick={() => onCompose(forwardDraft(original, nameOf))}
            />
          </>
        )}
        <span className="sbx-toolbar-end">
          <ToolButton
            icon={<Flag size={16} />}
            label={t(message.isFlagged ? "sandbox.outlook.unflag" : "sandbox.outlook.flag")}
            pressed={message.isFlagged}
            className={message.isFlagged ? "sbx-flagged" : undefined}
            disabled={busy}
            onClick={() => void flag()}
            secondary
          />
          <ToolButton
            icon={message.isRead ? <Mail size={16} /> : <MailOpen size={16} />}
            label={t(message.isRead ? "sandbox.outlook.markUnread" : "sandbox.outlook.markRead")}
            disabled={busy}
            onClick={() => void toggleRead()}
            secondary
          />
          <ToolButton
            icon={<Trash2 size={16} />}
            label={t("sandbox.outlook.delete")}
            disabled={busy}
            onClick={() => setConfirmDelete(true)}
            secondary
          />
        </span>
      </div>
      <header className="sbx-message-header">
        <h3>{message.subject || t("sandbox.outlook.noSubject")}</h3>
        {message.importance === "High" && (
          <span className="sbx-badge sbx-badge-danger">{t("sandbox.outlook.important")}</span>
        )}
      </header>
      <dl className="facts sbx-facts sbx-message-facts">
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
          {attachments.map(({ name }) => (
            <li key={name}>
              <Paperclip size={14} aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      )}
      <SafeHtml html={message.body} className="sbx-message-body" />
      {confirmDelete && (
        <ConfirmDialog
          title={t("sandbox.outlook.deleteTitle")}
          body={t("sandbox.outlook.deleteBody")}
          confirmLabel={t("sandbox.outlook.delete")}
          danger
          onClose={() => setConfirmDelete(false)}
          onConfirm={async () => {
            await api.call("sandbox.mail.delete", { id, actingAs });
            toast.success(t("sandbox.outlook.deleted"));
            onDeleted();
          }}
        />
      )}
    </article>
  );
}

/**
 * A reading-pane action: icon and word where the pane has room; where it has not, the icon alone
 * (the word stays its name, and its tooltip).
 */
function ToolButton({
  icon,
  label,
  onClick,
  pressed,
  disabled,
  className,
  secondary,
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  className?: string;
  /** Its word shows only in a wide pane. */
  secondary?: boolean;
}) {
  return (
    <button
      type="button"
      className={["sbx-tool", secondary ? "secondary" : "", className ?? ""].filter(Boolean).join(" ")}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      <span className="sbx-tool-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="sbx-tool-label">{label}</span>
    </button>
  );
}
