import { Hash, MessageCircle, MessagesSquare, Users } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { SafeHtml } from "../content/SafeHtml";
import { ErrorBanner } from "../parts/ErrorBanner";
import { SubHeader } from "../parts/SubHeader";
import { useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { AdaptiveCardView } from "./AdaptiveCardView";

type Place = { kind: "channel"; id: string } | { kind: "chat"; id: string };

/**
 * Teams: the company's teams and channels, group chats and Flow bot chats, and their messages.
 * `messageId` (from a waiting run's link) opens the place it was posted in and shows it.
 */
export function TeamsPage({ messageId }: { messageId?: string | undefined }) {
  const me = useSandbox((s) => s.actingAs);
  const lists = useLoad("teams", () => api.call("sandbox.teams.list", {}));
  const target = useLoad(messageId ? `message/${messageId}` : undefined, () =>
    api.call("sandbox.teams.message", { id: messageId ?? "" }),
  );
  const [place, setPlace] = useState<Place>();
  const first = lists.data?.teams[0]?.channels[0];
  const targetPlace: Place | undefined = target.data?.channelId
    ? { kind: "channel", id: target.data.channelId }
    : target.data?.chatId
      ? { kind: "chat", id: target.data.chatId }
      : undefined;
  const current: Place | undefined =
    place ?? targetPlace ?? (first && !messageId ? { kind: "channel", id: first.id } : undefined);

  const messages = useLoad(current ? `${current.kind}/${current.id}` : undefined, () =>
    api.call(
      "sandbox.teams.messages",
      current?.kind === "chat"
        ? { chatId: current.id, top: 100 }
        : { channelId: current?.id ?? "", top: 100 },
    ),
  );
  useSandboxChanges(
    (c) => c.type.startsWith("teams."),
    () => {
      lists.reload();
      messages.reload();
    },
  );

  // Oldest first, as Teams reads; keep the newest in view.
  const shown = [...(messages.data?.items ?? [])].reverse();
  const endRef = useRef<HTMLDivElement>(null);
  const newest = shown[shown.length - 1]?.id;
  const shownTarget = shown.some((message) => message.id === messageId) ? messageId : undefined;
  useEffect(() => {
    // The message a link asked for, else the newest.
    if (shownTarget) document.getElementById(postId(shownTarget))?.scrollIntoView?.({ block: "center" });
    else if (newest) endRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [newest, shownTarget]);

  const team = lists.data?.teams.find((tm) =>
    tm.channels.some((c) => current?.kind === "channel" && c.id === current.id),
  );
  const channel = team?.channels.find((c) => c.id === current?.id);
  const chat = lists.data?.chats.find((c) => current?.kind === "chat" && c.id === current.id);
  const title = channel && team ? `${team.displayName} › ${channel.displayName}` : (chat?.topic ?? "");

  return (
    <div className="sbx-body sbx-split-page">
      <SubHeader title={t("sandbox.teams.title")} subtitle={title || undefined} />
      {lists.error !== undefined && !lists.data && <ErrorBanner error={lists.error} onRetry={lists.reload} />}
      {target.error !== undefined && <ErrorBanner error={target.error} onRetry={target.reload} />}
      <div className="sbx-split">
        <nav className="sbx-pane sbx-channels" aria-label={t("sandbox.teams.places")}>
          {!lists.data ? (
            <p className="muted sbx-pane-note">{t("common.loading")}</p>
          ) : (
            <>
              {lists.data.teams.map((tm) => (
                <section key={tm.id} className="sbx-team" aria-label={tm.displayName}>
                  <h3>
                    <Users size={14} aria-hidden="true" />
                    {tm.displayName}
                  </h3>
                  <ul>
                    {tm.channels.map((c) => {
                      const active = current?.kind === "channel" && current.id === c.id;
                      return (
                        <li key={c.id}>
                          <button
                            type="button"
                            className={active ? "sbx-folder active" : "sbx-folder"}
                            aria-current={active ? "true" : undefined}
                            onClick={() => setPlace({ kind: "channel", id: c.id })}
                            data-testid="teams-channel"
                            data-team={tm.displayName}
                          >
                            <Hash size={14} aria-hidden="true" />
                            <span>{c.displayName}</span>
                            <WaitingCount count={c.waitingCards} />
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ))}
              <section className="sbx-team" aria-label={t("sandbox.teams.chats")}>
                <h3>
                  <MessageCircle size={14} aria-hidden="true" />
                  {t("sandbox.teams.chats")}
                </h3>
                <ul>
                  {lists.data.chats.map((c) => {
                    const active = current?.kind === "chat" && current.id === c.id;
                    return (
                      <li key={c.id}>
                        <button
                          type="button"
                          className={active ? "sbx-folder active" : "sbx-folder"}
                          aria-current={active ? "true" : undefined}
                          onClick={() => setPlace({ kind: "chat", id: c.id })}
                          data-testid="teams-chat"
                        >
                          <span>{c.topic}</span>
                          <WaitingCount count={c.waitingCards} />
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            </>
          )}
        </nav>
        <section className="sbx-pane sbx-conversation" aria-label={t("sandbox.teams.messages")}>
          {messages.error !== undefined && !messages.data ? (
            <ErrorBanner error={messages.error} onRetry={messages.reload} />
          ) : !current || !messages.data ? (
            <p className="muted sbx-pane-note">{t("common.loading")}</p>
          ) : shown.length === 0 ? (
            <EmptyState icon={<MessagesSquare size={32} />} title={t("sandbox.teams.empty.title")}>
              {t("sandbox.teams.empty.body")}
            </EmptyState>
          ) : (
            <>
              <ol className="sbx-posts" data-testid="teams-messages">
                {shown.map((message) => (
                  <li
                    key={message.id}
                    id={postId(message.id)}
                    className={message.id === shownTarget ? "sbx-post sbx-post-target" : "sbx-post"}
                    data-testid="teams-message"
                  >
                    <div className="sbx-post-head">
                      <span className="sbx-avatar" aria-hidden="true">
                        {initials(message.sender)}
                      </span>
                      <strong>{message.sender}</strong>
                      <span className="muted" title={formatDateTime(message.createdAt)}>
                        {formatRelative(message.createdAt)}
                      </span>
                    </div>
                    {message.card !== null ? (
                      <AdaptiveCardView message={message} me={me} onAnswered={messages.reload} />
                    ) : (
                      <SafeHtml html={message.body} className="sbx-post-body" />
                    )}
                  </li>
                ))}
              </ol>
              <div ref={endRef} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** Cards waiting for an answer in a channel or chat: someone has to answer them for a run to go on. */
function WaitingCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span
      className="sbx-count"
      title={t("sandbox.teams.waitingCards", { count })}
      data-testid="waiting-cards"
    >
      {count}
      <span className="visually-hidden"> {t("sandbox.teams.waitingCards", { count })}</span>
    </span>
  );
}

const postId = (messageId: string) => `teams-post-${messageId}`;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}
