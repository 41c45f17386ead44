import { Bell, Building2, CheckSquare, FlaskConical, Mail, MessagesSquare, Sheet } from "lucide-react";
import { Link, useLocation } from "wouter";
import { api } from "../api/client";
import { type MessageKey, t } from "../i18n";
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
const COUNTED: Readonly<Record<string, "approvals" | "outlook" | "teams">> = {
  "/approvals": "approvals",
  "/outlook": "outlook",
  "/teams": "teams",
};
const COUNT_HINTS: Readonly<Record<string, MessageKey>> = {
  "/approvals": "sandbox.tab.pendingHint",
  "/outlook": "sandbox.tab.unreadHint",
  "/teams": "sandbox.tab.cardsHint",
};

/**
 * The sandbox's sections; Approvals and Outlook count what waits for the person acted as, Teams
 * the cards that runs wait on (anyone in the channel or chat may answer them).
 */
export function SandboxTabs() {
  const [location] = useLocation();
  const actingAs = useSandbox((s) => s.actingAs);
  const mailRead = useSandbox((s) => s.mailRead);
  const counts = useLoad(actingAs ? `${actingAs}/${mailRead}` : undefined, async () => {
    const [pending, mailboxes, teams] = await Promise.all([
      api.call("sandbox.approvals.list", { assignedTo: actingAs, status: "Pending", top: 500 }),
      api.call("sandbox.mail.mailboxes", {}),
      api.call("sandbox.teams.list", {}),
    ]);
    const waiting = pending.items.filter(
      (a) => !a.responses.some((r) => r.approverEmail.toLowerCase() === actingAs.toLowerCase()),
    ).length;
    const unread = mailboxes.find((m) => m.address === actingAs)?.unread ?? 0;
    const cards = [...teams.teams.flatMap((team) => team.channels), ...teams.chats].reduce(
      (sum, place) => sum + place.waitingCards,
      0,
    );
    return { approvals: waiting, outlook: unread, teams: cards };
  });
  useSandboxChanges(
    (c) => c.type.startsWith("approval.") || c.type.startsWith("mail.") || c.type.startsWith("teams."),
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
            href={path}
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
