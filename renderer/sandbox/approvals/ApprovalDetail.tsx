import { CheckCircle2, Circle, Clock, ExternalLink, MessageSquareText, XCircle } from "lucide-react";
import { useId, useState } from "react";
import { useLocation } from "wouter";
import type { SandboxApproval } from "../../../shared/api";
import { ApiError } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { resolveLink } from "../content/links";
import { Markdown } from "../content/Markdown";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { usePersonName, useSandbox } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { ApprovalStatus } from "./ApprovalStatus";
import { type ApproverState, answeredCount, approverRows, shortTitle } from "./approval-model";

/** One request: what it asks, who asked whom, the answers so far, and the person's own answer. */
export function ApprovalDetail({ id, me, onAnswered }: { id: string; me: string; onAnswered: () => void }) {
  const nameOf = usePersonName();
  const people = useSandbox((s) => s.overview?.people);
  const actAs = useSandbox((s) => s.actAs);
  const [chosenResponder, setChosenResponder] = useState<string>();
  const answerAsId = useId();
  const loaded = useLoad(id, () => api.call("sandbox.approvals.get", { id }));
  useSandboxChanges((c) => c.type.startsWith("approval."), loaded.reload);
  const [comments, setComments] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const commentsId = useId();

  const approversId = useId();
  const [, navigate] = useLocation();

  const approval = loaded.data;
  if (loaded.error instanceof ApiError && loaded.error.code === "not_found") {
    return <p className="muted sbx-pane-note">{t("sandbox.approvals.gone")}</p>;
  }
  if (loaded.error !== undefined && !approval)
    return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!approval) return <p className="muted sbx-pane-note">{t("common.loading")}</p>;

  const same = (a: string) => (b: string) => a.toLowerCase() === b.toLowerCase();
  const answered = (email: string) => approval.responses.some((r) => same(r.approverEmail)(email));
  const assigned = approval.assignedTo.some(same(me));
  const mine = approval.responses.find((r) => same(r.approverEmail)(me));
  // Approvers outside the company still to answer: nobody can act as them, so anyone answers for them.
  const outsiders =
    approval.status === "Pending" && people
      ? approval.assignedTo.filter((email) => !people.some((p) => same(p.email)(email)) && !answered(email))
      : [];
  const responders = [...(approval.status === "Pending" && assigned && !mine ? [me] : []), ...outsiders];
  const responder =
    chosenResponder !== undefined && responders.some(same(chosenResponder)) ? chosenResponder : responders[0];
  const canAnswer = responder !== undefined;
  // People of the company it still waits on: one click makes the sandbox act as them, to answer.
  const waitingOn =
    approval.status === "Pending" && !canAnswer && people
      ? approval.assignedTo.filter(
          (email) => !answered(email) && !same(email)(me) && people.some((p) => same(p.email)(email)),
        )
      : [];
  const rows = approverRows(approval);
  const progress = answeredCount(approval);
  const itemLink = typeof approval.itemLink === "string" ? resolveLink(approval.itemLink) : undefined;
  const itemLabel =
    typeof approval.itemLinkDescription === "string" && approval.itemLinkDescription
      ? approval.itemLinkDescription
      : t("sandbox.approvals.openItem");

  const respond = async (response: string) => {
    setBusy(true);
    setError(undefined);
    try {
      if (responder === undefined) return;
      await api.call("sandbox.approvals.respond", {
        id,
        responder,
        response,
        ...(comments.trim() ? { comments: comments.trim() } : {}),
      });
      toast.success(
        same(responder)(me)
          ? answeredToast(approval, response)
          : t("sandbox.approvals.answeredFor", { response, email: responder }),
      );
      setComments("");
      loaded.reload();
      onAnswered();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="sbx-approval" data-testid="approval-detail">
      <header className="sbx-approval-header">
        <h3>{approval.title}</h3>
        <ApprovalStatus approval={approval} />
      </header>
      <dl className="facts sbx-facts">
        <dt>{t("sandbox.approvals.requestor")}</dt>
        <dd>{approval.requestor ? nameOf(approval.requestor) : "—"}</dd>
        <dt>{t("sandbox.approvals.assignedTo")}</dt>
        <dd>
          {approval.assignedTo.map(nameOf).join(", ")}
          {progress.total > 1 && (
            <span className="muted sbx-progress-note" data-testid="approval-progress">
              {" · "}
              {t("sandbox.approvals.progress", progress)}
            </span>
          )}
        </dd>
        <dt>{t("sandbox.approvals.type")}</dt>
        <dd>{typeLabel(approval.type)}</dd>
        <dt>{t("sandbox.approvals.created")}</dt>
        <dd>{formatDateTime(approval.createdAt)}</dd>
        {approval.completedAt && (
          <>
            <dt>{t("sandbox.approvals.completedAt")}</dt>
            <dd>{formatDateTime(approval.completedAt)}</dd>
          </>
        )}
        {itemLink && (
          <>
            <dt>{t("sandbox.approvals.item")}</dt>
            <dd>
              {itemLink.kind === "external" ? (
                <a href={itemLink.href} target="_blank" rel="noopener noreferrer">
                  {itemLabel} <ExternalLink size={12} aria-hidden="true" />
                </a>
              ) : (
                <a href={itemLink.href}>{itemLabel}</a>
              )}
            </dd>
          </>
        )}
      </dl>
      {approval.details.trim() && <Markdown text={approval.details} className="sbx-approval-details" />}

      <section className="sbx-approvers" aria-labelledby={approversId}>
        <h4 id={approversId}>{t("sandbox.approvals.approvers")}</h4>
        <ul>
          {rows.map((row) => (
            <li
              key={row.email}
              className={`sbx-approver sbx-approver-${row.state}`}
              data-testid="approver"
              data-state={row.state}
            >
              <StateIcon state={row.state} />
              <span className="sbx-approver-name">{nameOf(row.email)}</span>
              <span className="sbx-approver-answer">{stateText(row.state, row.response)}</span>
              {row.respondedAt && (
                <span className="muted sbx-approver-when">{formatDateTime(row.respondedAt)}</span>
              )}
              {row.comments && <p className="sbx-response-comments">{row.comments}</p>}
            </li>
          ))}
        </ul>
      </section>

      {canAnswer ? (
        <form
          className="sbx-respond"
          onSubmit={(event) => event.preventDefault()}
          aria-label={t("sandbox.approvals.respond")}
        >
          {outsiders.length > 0 && (
            <div className="sbx-answer-as">
              <label htmlFor={answerAsId} className="field-label">
                {t("sandbox.approvals.answerAs")}
              </label>
              <select
                id={answerAsId}
                className="input"
                value={responder}
                onChange={(event) => setChosenResponder(event.target.value)}
                data-testid="answer-as"
              >
                {responders.map((email) => (
                  <option key={email} value={email}>
                    {outsiders.includes(email)
                      ? t("sandbox.approvals.answerAs.outside", { email })
                      : nameOf(email)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <label htmlFor={commentsId} className="field-label">
            {t("sandbox.approvals.comments")}
          </label>
          <textarea
            id={commentsId}
            className="input sbx-textarea"
            rows={3}
            maxLength={4000}
            value={comments}
            placeholder={t("sandbox.approvals.commentsPlaceholder")}
            onChange={(event) => setComments(event.target.value)}
          />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="sbx-respond-actions">
            {approval.responseOptions.map((option, index) => (
              <button
                key={option}
                type="button"
                className={
                  index === 0 ? "button primary" : /^reject/i.test(option) ? "button sbx-reject" : "button"
                }
                disabled={busy}
                onClick={() => void respond(option)}
              >
                {option}
              </button>
            ))}
          </div>
        </form>
      ) : (
        <p className="muted sbx-answer-note" data-testid="answer-note">
          {mine
            ? t("sandbox.approvals.youAnswered", {
                response: mine.response,
                when: formatDateTime(mine.respondedAt),
              })
            : approval.status !== "Pending"
              ? t("sandbox.approvals.closed")
              : t("sandbox.approvals.notYours")}
          {waitingOn.length > 0 && (
            <span className="sbx-act-as-buttons">
              {waitingOn.map((email) => (
                <button
                  key={email}
                  type="button"
                  className="button"
                  onClick={() => {
                    // Their Received box, on this request: what they are asked to answer.
                    actAs(email);
                    navigate(`/approvals/inbox/${approval.id}`);
                  }}
                >
                  {t("sandbox.approvals.actAsTo", { name: nameOf(email) })}
                </button>
              ))}
            </span>
          )}
        </p>
      )}
    </article>
  );
}

function typeLabel(type: string): string {
  switch (type) {
    case "Basic":
      return t("sandbox.approvals.type.basic");
    case "BasicAwaitAll":
      return t("sandbox.approvals.type.basicAwaitAll");
    case "CustomResponse":
      return t("sandbox.approvals.type.custom");
    case "CustomResponseAwaitAll":
      return t("sandbox.approvals.type.customAwaitAll");
    default:
      return type;
  }
}

/** "You approved “Approve purchase invoice PI-1001 from…”": short, so it covers little of the page. */
function answeredToast(approval: SandboxApproval, response: string): string {
  const title = shortTitle(approval.title);
  const basic = !approval.type.startsWith("CustomResponse");
  if (basic && response === "Approve") return t("sandbox.approvals.answered.approved", { title });
  if (basic && response === "Reject") return t("sandbox.approvals.answered.rejected", { title });
  return t("sandbox.approvals.answered", { response, title });
}

function stateText(state: ApproverState, response: string | undefined): string {
  switch (state) {
    case "approved":
      return t("sandbox.approvals.approved");
    case "rejected":
      return t("sandbox.approvals.rejected");
    case "answered":
      return response ?? "";
    case "waiting":
      return t("sandbox.approvals.waiting");
    case "none":
      return t("sandbox.approvals.noResponse");
  }
}

function StateIcon({ state }: { state: ApproverState }) {
  const props = { size: 16, "aria-hidden": true, className: "sbx-approver-icon" } as const;
  switch (state) {
    case "approved":
      return <CheckCircle2 {...props} />;
    case "rejected":
      return <XCircle {...props} />;
    case "answered":
      return <MessageSquareText {...props} />;
    case "waiting":
      return <Clock {...props} />;
    case "none":
      return <Circle {...props} />;
  }
}
