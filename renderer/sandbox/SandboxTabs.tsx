import { Bell, Building2, CheckSquare, FlaskConical, Mail, MessagesSquare, Sheet } from "lucide-react";
import { useEffect } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { api } from "../api/client";
import { type MessageKey, t } from "../i18n";
import { placeOf, rememberPlace, sectionOf } from "./last-places";
import { useSandbox } from "./sandbox-store";
import { useLoad, useSandboxChanges } from "./use-sandbox-data";

const TABS: { path: string; label: MessageKey; icon: typeof Mail; testId: string }[] = [
  { path: "/bc", label: "sandbox.tab.bc", icon: Building2, testId: "tab-bc" },
  { path: "/approvals", label: "sandbox.tab.approvals", icon: CheckSquare, testId: "tab-approvals" },
  { path: "/outlook", label: "sandbox.tab.outlook", icon: Mail, testId: "tab-outlook" },
  { path: "/teams", label: "sandbox.tab.teams", icon: MessagesSquare, testId: "tab-teams" },
  { path: "/excel", label: "sandbox.tab.excel", icon: Sheet, testId: "tab-excel" },
  { path: "/notifications", label: "sandbox.tab.notifications", icon: Bell, testId: "tab-notifications" },
  { path: "/simulation", label: "sandbox.tab.simulation", icon: FlaskConical, testId: "tab-simulation" },
];

/** Which tab shows which count, and what the count means. */
const COUNTED: Readonly<Record<string, "approvals" | "outlook" | "teams" | "notifications">> = {
  "/approvals": "approvals",
  "/outlook": "outlook",
  "/teams": "teams",
  "/notifications": "notifications",
};
const COUNT_HINTS: Readonly<Record<string, MessageKey>> = {
  "/approvals": "sandbox.tab.pendingHint",
  "/outlook": "sandbox.tab.unreadHint",
  "/teams": "sandbox.tab.cardsHint",
  "/notifications": "sandbox.tab.notificationsHint",
};

/**
 * The sandbox's sections; Approvals and Outlook count what waits for the person acted as, Teams
 * the cards that runs wait on (anyone in the channel or chat may answer them).
 */
export function SandboxTabs() {
  const [location] = useLocation();
  const search = useSearch();
  const actingAs = useSandbox((s) => s.actingAs);
  const mailRead = useSandbox((s) => s.mailRead);
  // The tabs of Approvals, Outlook, Teams and Excel go back to where each was left.
  const address = search ? `${location}?${search}` : location;
  useEffect(() => {
    if (actingAs) rememberPlace(address, actingAs);
  }, [address, actingAs]);
  const counts = useLoad(actingAs ? `${actingAs}/${mailRead}` : undefined, async () => {
    const [pending, mailboxes, teams, notifications] = await Promise.all([
      api.call("sandbox.approvals.list", {
        assignedTo: actingAs,
        status: "Pending",
        answered: false,
        top: 1,
      }),
      api.call("sandbox.mail.mailboxes", {}),
      api.call("sandbox.teams.list", {}),
      api.call("sandbox.notifications.list", { recipient: actingAs, unread: true, top: 1 }),
    ]);
    const waiting = pending.total;
    const unread = mailboxes.find((m) => m.address === actingAs)?.unread ?? 0;
    const cards = [...teams.teams.flatMap((team) => team.channels), ...teams.chats].reduce(
      (sum, place) => sum + place.waitingCards,
      0,
    );
    return {
      approvals: waiting,
      outlook: unread,
      teams: cards,
      notifications: notifications.total,
    };
  });
  useSandboxChanges(
    (c) =>
      c.type.startsWith("approval.") ||
      c.type.startsWith("mail.") ||
      c.type.startsWith("teams.") ||
      c.type.startsWith("notification."),
    counts.reload,
    400,
  );

  return (
    <nav className="sbx-tabs" aria-label={t("sandbox.tabs")}>
      {TABS.map(({ path, label, icon: Icon, testId }) => {
        const active = location === path || location.startsWith(`${path}/`);
        const counted = COUNTED[path];
        const count = counted ? counts.data?.[counted] : 0;
        return (
          <Link
            key={path}
            href={active && sectionOf(address) ? address : placeOf(path, actingAs)}
            className={active ? "sbx-tab active" : "sbx-tab"}
            aria-current={active ? "page" : undefined}
            data-testid={testId}
          >
            <Icon size={16} aria-hidden="true" />
            {t(label)}
            {count ? (
              <span className="sbx-count" title={t(COUNT_HINTS[path] ?? "sandbox.tab.unreadHint")}>
                {count}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
