import { CircleAlert, Flag, Inbox, Mail, MailSearch, PenSquare, Send } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useLocation, useSearch } from "wouter";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { SearchField } from "../../ui/SearchField";
import { ErrorBanner } from "../parts/ErrorBanner";
import { Pager } from "../parts/Pager";
import { SubHeader } from "../parts/SubHeader";
import { useSandboxNow } from "../sandbox-clock";
import { useActingPerson, usePersonName, useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { ComposeDialog } from "./ComposeDialog";
import type { Draft } from "./drafts";
import { MessageView } from "./MessageView";
import { type Folder, type OutlookPlace, outlookPath, readOutlookPlace } from "./outlook-address";

const PAGE_SIZE = 50;

/**
 * Outlook: any mailbox of the company (the person acted as by default), its folders and mail. The
 * mailbox, folder and open message are in the address ("/outlook?mailbox=…&folder=sent&message=…").
 */
export function OutlookPage() {
  const actingAs = useSandbox((s) => s.actingAs);
  const markMailRead = useSandbox((s) => s.markMailRead);
  const nameOf = usePersonName();
  const me = useActingPerson();
  const now = useSandboxNow();
  const [, navigate] = useLocation();
  const place = readOutlookPlace(useSearch(), actingAs);
  const { mailbox, folder, message: selected } = place;
  const go = (next: OutlookPlace, replace = false) => navigate(outlookPath(next, actingAs), { replace });
  const [composing, setComposing] = useState<Draft | "new">();
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [skip, setSkip] = useState(0);
  const pickerId = useId();

  // Acting as someone else opens their mailbox (the first time, the address's mailbox is kept).
  const personShown = useRef(actingAs);
  useEffect(() => {
    if (personShown.current === actingAs) return;
    personShown.current = actingAs;
    navigate("/outlook", { replace: true });
    setSkip(0);
  }, [actingAs, navigate]);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(typed.trim());
      setSkip(0);
    }, 250);
    return () => clearTimeout(timer);
  }, [typed]);

  const mailboxes = useLoad("mailboxes", () => api.call("sandbox.mail.mailboxes", {}));
  const messages = useLoad(JSON.stringify([mailbox, folder, search, skip]), () =>
    api.call("sandbox.mail.list", {
      mailbox,
      folder,
      top: PAGE_SIZE,
      skip,
      ...(search ? { search } : {}),
    }),
  );
  useSandboxChanges(
    (c) => c.type.startsWith("mail."),
    () => {
      mailboxes.reload();
      messages.reload();
    },
  );

  const current = mailboxes.data?.find((m) => m.address === mailbox);
  const people = mailboxes.data?.filter((m) => m.kind === "person") ?? [];
  const others = mailboxes.data?.filter((m) => m.kind !== "person") ?? [];
  const choose = (next: { mailbox?: string; folder?: Folder }) => {
    go({ mailbox: next.mailbox ?? mailbox, folder: next.folder ?? folder });
    setSkip(0);
  };

  return (
    <div className="sbx-body sbx-split-page">
      <SubHeader
        title={t("sandbox.outlook.title")}
        subtitle={current ? `${current.displayName} · ${current.address}` : undefined}
      />
      {mailboxes.error !== undefined && !mailboxes.data && (
        <ErrorBanner error={mailboxes.error} onRetry={mailboxes.reload} />
      )}
      <div className="sbx-split sbx-split-3">
        <section className="sbx-pane sbx-folders" aria-label={t("sandbox.outlook.folders")}>
          <button
            type="button"
            className="button primary sbx-new-mail"
            disabled={!me}
            onClick={() => setComposing("new")}
          >
            <PenSquare size={16} aria-hidden="true" />
            {t("sandbox.outlook.newEmail")}
          </button>
          <label htmlFor={pickerId} className="field-label">
            {t("sandbox.outlook.mailbox")}
          </label>
          <select
            id={pickerId}
            className="input"
            value={mailbox}
            onChange={(event) => choose({ mailbox: event.target.value })}
            data-testid="mailbox-picker"
          >
            {!current && <option value={mailbox}>{nameOf(mailbox)}</option>}
            <optgroup label={t("sandbox.outlook.people")}>
              {people.map((m) => (
                <option key={m.address} value={m.address}>
                  {m.displayName}
                  {m.unread > 0 ? ` (${m.unread})` : ""}
                </option>
              ))}
            </optgroup>
            {others.length > 0 && (
              <optgroup label={t("sandbox.outlook.other")}>
                {others.map((m) => (
                  <option key={m.address} value={m.address}>
                    {m.displayName}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          <ul className="sbx-folder-list">
            {(["Inbox", "Sent Items"] as const).map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className={name === folder ? "sbx-folder active" : "sbx-folder"}
                  aria-current={name === folder ? "true" : undefined}
                  onClick={() => choose({ folder: name })}
                >
                  {name === "Inbox" ? (
                    <Inbox size={16} aria-hidden="true" />
                  ) : (
                    <Send size={16} aria-hidden="true" />
                  )}
                  <span>{t(name === "Inbox" ? "sandbox.outlook.inbox" : "sandbox.outlook.sent")}</span>
                  {name === "Inbox" && current && current.unread > 0 && (
                    <span className="sbx-count">{current.unread}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>

        <section className="sbx-pane sbx-list-pane" aria-label={t("sandbox.outlook.messages")}>
          <SearchField
            className="sbx-pane-search"
            label={t("sandbox.outlook.search")}
            value={typed}
            onChange={setTyped}
          />
          {messages.error !== undefined && !messages.data ? (
            <ErrorBanner error={messages.error} onRetry={messages.reload} />
          ) : !messages.data ? (
            <p className="muted sbx-pane-note">{t("common.loading")}</p>
          ) : messages.data.items.length === 0 ? (
            search ? (
              <EmptyState icon={<MailSearch size={32} />} title={t("sandbox.outlook.noMatch.title")}>
                {t("sandbox.outlook.noMatch", { query: search })}
              </EmptyState>
            ) : (
              <EmptyState icon={<Mail size={32} />} title={t("sandbox.outlook.empty.title")}>
                {t(folder === "Inbox" ? "sandbox.outlook.empty.inbox" : "sandbox.outlook.empty.sent")}
              </EmptyState>
            )
          ) : (
            <>
              <ul className="sbx-items" data-testid="message-list">
                {messages.data.items.map((message) => (
                  <li key={message.id}>
                    <button
                      type="button"
                      className={[
                        "sbx-item",
                        message.id === selected ? "selected" : "",
                        message.isRead ? "" : "unread",
                      ].join(" ")}
                      aria-current={message.id === selected ? "true" : undefined}
                      onClick={() => go({ mailbox, folder, message: message.id })}
                      data-testid="message-item"
                    >
                      <span className="sbx-item-meta">
                        <span className="sbx-item-from">
                          {folder === "Sent Items"
                            ? t("sandbox.outlook.toLine", {
                                to: message.toRecipients
                                  .split(";")
                                  .map((a) => nameOf(a.trim()))
                                  .join(", "),
                              })
                            : nameOf(message.from)}
                        </span>
                        <span title={formatDateTime(message.receivedDateTime)}>
                          {formatRelative(message.receivedDateTime, now)}
                        </span>
                      </span>
                      <span className="sbx-item-title">
                        {!message.isRead && (
                          <>
                            <span className="sbx-dot" aria-hidden="true" />
                            <span className="visually-hidden">{t("sandbox.outlook.unread")}</span>
                          </>
                        )}
                        {message.importance === "High" && (
                          <CircleAlert
                            size={14}
                            className="sbx-important"
                            aria-label={t("sandbox.outlook.important")}
                            role="img"
                          />
                        )}
                        <span className="sbx-item-text">
                          {message.subject || t("sandbox.outlook.noSubject")}
                        </span>
                        {message.isFlagged && (
                          <Flag size={14} className="sbx-flag" aria-label={t("sandbox.outlook.flagged")} />
                        )}
                      </span>
                      <span className="sbx-item-preview">{message.bodyPreview}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <Pager skip={skip} top={PAGE_SIZE} total={messages.data.total} onChange={setSkip} />
            </>
          )}
        </section>

        <section className="sbx-pane sbx-detail-pane" aria-label={t("sandbox.outlook.reading")}>
          {selected ? (
            <MessageView
              key={selected}
              id={selected}
              onRead={() => {
                mailboxes.reload();
                messages.reload();
                markMailRead();
              }}
              onDeleted={() => {
                go({ mailbox, folder }, true);
                markMailRead();
              }}
              actingAs={actingAs}
              {...(me ? { onCompose: (draft: Draft) => setComposing(draft) } : {})}
            />
          ) : messages.data ? (
            <div className="sbx-reading-empty">
              <EmptyState icon={<Mail size={32} />} title={t("sandbox.outlook.noneOpen")}>
                {messages.data.items.length > 0 ? t("sandbox.outlook.pick") : undefined}
              </EmptyState>
            </div>
          ) : null}
        </section>
      </div>
      {composing && me && (
        <ComposeDialog
          from={me}
          {...(composing === "new" ? {} : { initial: composing })}
          onClose={() => setComposing(undefined)}
        />
      )}
    </div>
  );
}
