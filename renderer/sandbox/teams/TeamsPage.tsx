import { Hash, History, MessageCircle, MessagesSquare, Users } from "lucide-react";
import { useEffect, useRef } from "react";
import { useLocation } from "wouter";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { SafeHtml } from "../content/SafeHtml";
import { placeOf } from "../last-places";
import { ErrorBanner } from "../parts/ErrorBanner";
import { SubHeader } from "../parts/SubHeader";
import { useSandboxNow } from "../sandbox-clock";
import { useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { AdaptiveCardView } from "./AdaptiveCardView";
import { PAGE, windowToReach } from "./message-window";

type Place = { kind: "channel"; id: string } | { kind: "chat"; id: string };

/** The most the sandbox gives in one read. */
const MOST_PER_READ = 500;

const placePath = (place: Place) => `/teams/${place.kind}/${place.id}`;
/** A place's key for what is kept per place (how many messages it shows). */
const placeKeyOf = (place: Place) => `${place.kind}/${place.id}`;

/** The place of an address "/teams/channel/<id>" or "/teams/chat/<id>". */
function placeOfPath(path: string): Place | undefined {
  const match = /^\/teams\/(channel|chat)\/([^/?]+)$/.exec(path);
  return match?.[1] && match[2] ? { kind: match[1] as Place["kind"], id: match[2] } : undefined;
}

/**
 * Teams: the company's teams and channels, group chats and Flow bot chats, and their messages. The
 * address says where: "/teams/channel/<id>", "/teams/chat/<id>", or "/teams/message/<id>" (from a
 * waiting run's link), which opens the place it was posted in and shows it.
 */
export function TeamsPage({ kind, id }: { kind?: string | undefined; id?: string | undefined }) {
  const me = useSandbox((s) => s.actingAs);
  const now = useSandboxNow();
  const [, navigate] = useLocation();
  const messageId = kind === "message" ? id : undefined;
  const place: Place | undefined = (kind === "channel" || kind === "chat") && id ? { kind, id } : undefined;
  const lists = useLoad("teams", () => api.call("sandbox.teams.list", {}));
  const target = useLoad(messageId ? `message/${messageId}` : undefined, () =>
    api.call("sandbox.teams.message", { id: messageId ?? "" }),
  );
  const firstChannel = lists.data?.teams[0]?.channels[0]?.id;
  const targetPlace: Place | undefined = target.data?.channelId
    ? { kind: "channel", id: target.data.channelId }
    : target.data?.chatId
      ? { kind: "chat", id: target.data.chatId }
      : undefined;
  const data = lists.data;
  const exists = (p: Place) =>
    p.kind === "channel"
      ? (data?.teams.some((tm) => tm.channels.some((c) => c.id === p.id)) ?? false)
      : (data?.chats.some((c) => c.id === p.id) ?? false);
  const known = place === undefined || data === undefined || exists(place);
  const current: Place | undefined = (known ? place : undefined) ?? targetPlace;

  // No place in the address (or one that is gone, after a reset): where Teams was left, else the
  // first channel; in the address.
  const placed = place !== undefined && known;
  const left = placeOfPath(placeOf("/teams", me));
  const fallback =
    left && data && exists(left)
      ? placePath(left)
      : firstChannel && placePath({ kind: "channel", id: firstChannel });
  useEffect(() => {
    if (messageId || !fallback || placed) return;
    navigate(fallback, { replace: true });
  }, [messageId, fallback, placed, navigate]);

  // How many of the newest messages each place shows; "Load older messages" adds a page.
  const limits = useRef(new Map<string, number>());
  const placeKey = current ? placeKeyOf(current) : undefined;
  const messages = useLoad(placeKey, async () => {
    const limit = limits.current.get(placeKey ?? "") ?? PAGE;
    const where = current?.kind === "chat" ? { chatId: current.id } : { channelId: current?.id ?? "" };
    const newest = await api.call("sandbox.teams.messages", {
      ...where,
      top: Math.min(limit, MOST_PER_READ),
    });
    const items = [...newest.items];
    for (let skip = MOST_PER_READ; skip < Math.min(limit, newest.total); skip += MOST_PER_READ) {
      const page = await api.call("sandbox.teams.messages", { ...where, top: MOST_PER_READ, skip });
      items.push(...page.items.filter((m) => !items.some((seen) => seen.id === m.id)));
    }
    return { total: newest.total, items: items.slice(0, limit) };
  });
  // A link to a message older than the newest page loads the pages that reach it.
  const reach = target.data ? windowToReach(target.data.newer) : PAGE;
  const targetKey = targetPlace ? placeKeyOf(targetPlace) : undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads once when the window grows
  useEffect(() => {
    if (!targetKey || (limits.current.get(targetKey) ?? PAGE) >= reach) return;
    limits.current.set(targetKey, reach);
    if (targetKey === placeKey) messages.reload();
  }, [targetKey, reach, placeKey]);
  const loadOlder = () => {
    if (!placeKey) return;
    limits.current.set(placeKey, (limits.current.get(placeKey) ?? PAGE) + PAGE);
    messages.reload();
  };
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
                            onClick={() => navigate(placePath({ kind: "channel", id: c.id }))}
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
                          onClick={() => navigate(placePath({ kind: "chat", id: c.id }))}
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
              {messages.data.total > shown.length && (
                <div className="sbx-load-older">
                  <button
                    type="button"
                    className="button"
                    disabled={messages.loading}
                    onClick={loadOlder}
                    data-testid="load-older"
                  >
                    <History size={16} aria-hidden="true" />
                    {messages.loading ? t("common.loading") : t("sandbox.teams.loadOlder")}
                  </button>
                  <span className="muted">
                    {t("sandbox.teams.shownOf", { shown: shown.length, total: messages.data.total })}
                  </span>
                </div>
              )}
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
                        {formatRelative(message.createdAt, now)}
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
