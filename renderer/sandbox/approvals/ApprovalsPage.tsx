import { CheckSquare, Globe, History, Send } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link, useLocation } from "wouter";
import type { SandboxApproval } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, formatRelative, type MessageKey, t } from "../../i18n";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorBanner } from "../parts/ErrorBanner";
import { SubHeader } from "../parts/SubHeader";
import { useSandboxNow } from "../sandbox-clock";
import { useActingPerson, usePersonName, useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { ApprovalDetail } from "./ApprovalDetail";
import { ApprovalStatus } from "./ApprovalStatus";
import { answeredCount, selectedAfterLoad } from "./approval-model";

export type Box = "inbox" | "sent" | "history" | "outside";
const BOXES: { box: Box; label: MessageKey }[] = [
  { box: "inbox", label: "sandbox.approvals.inbox" },
  { box: "sent", label: "sandbox.approvals.sent" },
  { box: "history", label: "sandbox.approvals.history" },
  { box: "outside", label: "sandbox.approvals.outside" },
];

const byNewest = (a: SandboxApproval, b: SandboxApproval) => b.createdAt.localeCompare(a.createdAt);

/**
 * The requests of one box of the person acted as. Received: what still waits for their answer.
 * History: what they answered (an "everyone must approve" request moves here once they have, while
 * the others still answer) and what closed without them.
 */
async function listBox(box: Box, me: string): Promise<SandboxApproval[]> {
  if (box === "inbox") {
    const page = { assignedTo: me, status: "Pending", answered: false, top: 500 } as const;
    return (await api.call("sandbox.approvals.list", page)).items;
  }
  if (box === "sent") return (await api.call("sandbox.approvals.list", { requestor: me, top: 500 })).items;
  if (box === "outside")
    return (await api.call("sandbox.approvals.list", { outsideCompany: true, top: 500 })).items;
  const [completed, canceled, answered] = await Promise.all([
    api.call("sandbox.approvals.list", { assignedTo: me, status: "Completed", top: 500 }),
    api.call("sandbox.approvals.list", { assignedTo: me, status: "Canceled", top: 500 }),
    api.call("sandbox.approvals.list", { assignedTo: me, status: "Pending", answered: true, top: 500 }),
  ]);
  return [...completed.items, ...canceled.items, ...answered.items].sort(byNewest);
}

/** Approvals: the inbox of the person acted as, what they sent, and what they answered. */
export function ApprovalsPage({ box: rawBox, id }: { box: string | undefined; id: string | undefined }) {
  const box: Box = rawBox === "sent" || rawBox === "history" || rawBox === "outside" ? rawBox : "inbox";
  const me = useSandbox((s) => s.actingAs);
  const person = useActingPerson();
  const nameOf = usePersonName();
  const now = useSandboxNow();
  const [, navigate] = useLocation();
  const list = useLoad(`${box}/${me}`, () => listBox(box, me));
  useSandboxChanges((c) => c.type.startsWith("approval."), list.reload);
  // The list for outside approvers appears only when a request waits on one (or it is open).
  const outside = useLoad("outside-count", () =>
    api.call("sandbox.approvals.list", { outsideCompany: true, top: 1 }).then((page) => page.total),
  );
  useSandboxChanges((c) => c.type.startsWith("approval."), outside.reload);
  const boxes = BOXES.filter((b) => b.box !== "outside" || box === "outside" || (outside.data ?? 0) > 0);

  // A box opens on a request, kept in the address; acting as someone else opens one of theirs.
  const personShown = useRef(me);
  useEffect(() => {
    if (!list.data) return;
    const recheck = personShown.current !== me;
    personShown.current = me;
    const selected = selectedAfterLoad(id, list.data, recheck);
    if (selected !== id)
      navigate(selected ? `/approvals/${box}/${selected}` : `/approvals/${box}`, { replace: true });
  }, [list.data, id, box, me, navigate]);

  const items = list.data ?? [];
  return (
    <div className="sbx-body sbx-split-page">
      <SubHeader
        title={t("sandbox.approvals.title")}
        subtitle={person ? t("sandbox.approvals.subtitle", { name: person.displayName }) : undefined}
      />
      <div className="sbx-split">
        <section className="sbx-pane sbx-list-pane" aria-label={t("sandbox.approvals.listLabel")}>
          <nav className="sbx-segmented" aria-label={t("sandbox.approvals.boxes")}>
            {boxes.map(({ box: b, label }) => (
              <Link
                key={b}
                href={`/approvals/${b}`}
                className={b === box ? "sbx-segment active" : "sbx-segment"}
                aria-current={b === box ? "page" : undefined}
              >
                {t(label)}
                {b === "outside" && (outside.data ?? 0) > 0 && (
                  <span className="sbx-segment-count">{outside.data}</span>
                )}
              </Link>
            ))}
          </nav>
          {box === "outside" && <p className="muted sbx-pane-note">{t("sandbox.approvals.outside.note")}</p>}
          {list.error !== undefined && !list.data ? (
            <ErrorBanner error={list.error} onRetry={list.reload} />
          ) : !list.data ? (
            <p className="muted sbx-pane-note">{t("common.loading")}</p>
          ) : items.length === 0 ? (
            <EmptyBox box={box} />
          ) : (
            <ul className="sbx-items" data-testid="approval-list">
              {items.map((approval) => {
                const answered = approval.responses.some(
                  (r) => r.approverEmail.toLowerCase() === me.toLowerCase(),
                );
                const progress = answeredCount(approval);
                return (
                  <li key={approval.id}>
                    <button
                      type="button"
                      className={approval.id === id ? "sbx-item selected" : "sbx-item"}
                      aria-current={approval.id === id ? "true" : undefined}
                      onClick={() => navigate(`/approvals/${box}/${approval.id}`)}
                      data-testid="approval-item"
                    >
                      <span
                        className={
                          box === "inbox" && !answered ? "sbx-item-title wrap strong" : "sbx-item-title wrap"
                        }
                      >
                        {approval.title}
                      </span>
                      <span className="sbx-item-meta">
                        <span>
                          {box === "sent" || box === "outside"
                            ? t("sandbox.approvals.to", { names: approval.assignedTo.map(nameOf).join(", ") })
                            : approval.requestor
                              ? t("sandbox.approvals.from", { name: nameOf(approval.requestor) })
                              : ""}
                        </span>
                        <span title={formatDateTime(approval.createdAt)}>
                          {formatRelative(approval.createdAt, now)}
                        </span>
                      </span>
                      <span className="sbx-item-status">
                        <ApprovalStatus approval={approval} />
                        {approval.status === "Pending" && progress.total > 1 && (
                          <span className="sbx-item-progress" data-testid="approval-progress">
                            {t("sandbox.approvals.progress", progress)}
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="sbx-pane sbx-detail-pane" aria-label={t("sandbox.approvals.detailLabel")}>
          {id ? (
            <ApprovalDetail key={`${id}/${me}`} id={id} me={me} onAnswered={list.reload} />
          ) : list.data ? (
            <div className="sbx-reading-empty">
              <EmptyState icon={<CheckSquare size={32} />} title={t("sandbox.approvals.none.title")}>
                {t(items.length > 0 ? "sandbox.approvals.pick" : "sandbox.approvals.noneToRead")}
              </EmptyState>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** What an empty box says: Received shows where requests come from; the others what would be there. */
function EmptyBox({ box }: { box: Box }) {
  if (box === "inbox") {
    return (
      <EmptyState
        icon={<CheckSquare size={32} />}
        title={t("sandbox.approvals.empty.title")}
        action={
          <Link href="/bc/purchaseInvoices" className="button">
            {t("sandbox.approvals.empty.action")}
          </Link>
        }
      >
        {t("sandbox.approvals.empty.body")}
      </EmptyState>
    );
  }
  const [icon, title, body] =
    box === "sent"
      ? [<Send key="i" size={32} />, t("sandbox.approvals.emptySent.title"), t("sandbox.approvals.noneSent")]
      : box === "outside"
        ? [
            <Globe key="i" size={32} />,
            t("sandbox.approvals.emptyOutside.title"),
            t("sandbox.approvals.noneOutside"),
          ]
        : [
            <History key="i" size={32} />,
            t("sandbox.approvals.emptyHistory.title"),
            t("sandbox.approvals.noneAnswered"),
          ];
  return (
    <EmptyState icon={icon} title={title}>
      {body}
    </EmptyState>
  );
}
