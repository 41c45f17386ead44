import { ExternalLink } from "lucide-react";
import { useId, useState } from "react";
import { ApiError } from "../../../shared/api";
import { api } from "../../api/client";
import { formatDateTime, t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { resolveLink } from "../content/links";
import { Markdown } from "../content/Markdown";
import { ErrorBanner } from "../parts/ErrorBanner";
import { errorText } from "../parts/errors";
import { usePersonName } from "../sandbox-store";
import { useLoad, useSandboxChanges } from "../use-sandbox-data";
import { ApprovalStatus } from "./ApprovalStatus";

/** One request: what it asks, who asked whom, the answers so far, and the person's own answer. */
export function ApprovalDetail({ id, me, onAnswered }: { id: string; me: string; onAnswered: () => void }) {
  const nameOf = usePersonName();
  const loaded = useLoad(id, () => api.call("sandbox.approvals.get", { id }));
  useSandboxChanges((c) => c.type.startsWith("approval."), loaded.reload);
  const [comments, setComments] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const commentsId = useId();

  const approval = loaded.data;
  if (loaded.error instanceof ApiError && loaded.error.code === "not_found") {
    return <p className="muted sbx-pane-note">{t("sandbox.approvals.gone")}</p>;
  }
  if (loaded.error !== undefined && !approval)
    return <ErrorBanner error={loaded.error} onRetry={loaded.reload} />;
  if (!approval) return <p className="muted sbx-pane-note">{t("common.loading")}</p>;

  const assigned = approval.assignedTo.some((email) => email.toLowerCase() === me.toLowerCase());
  const mine = approval.responses.find((r) => r.approverEmail.toLowerCase() === me.toLowerCase());
  const canAnswer = approval.status === "Pending" && assigned && !mine;
  const itemLink = typeof approval.itemLink === "string" ? resolveLink(approval.itemLink) : undefined;
  const itemLabel =
    typeof approval.itemLinkDescription === "string" && approval.itemLinkDescription
      ? approval.itemLinkDescription
      : t("sandbox.approvals.openItem");

  const respond = async (response: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.call("sandbox.approvals.respond", {
        id,
        responder: me,
        response,
        ...(comments.trim() ? { comments: comments.trim() } : {}),
      });
      toast.success(t("sandbox.approvals.answered", { response, title: approval.title }));
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
        <dd>{approval.assignedTo.map(nameOf).join(", ")}</dd>
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

      {approval.responses.length > 0 && (
        <section className="sbx-responses" aria-label={t("sandbox.approvals.responses")}>
          <h4>{t("sandbox.approvals.responses")}</h4>
          <ul>
            {approval.responses.map((response) => (
              <li key={`${response.approverEmail}/${response.respondedAt}`} data-testid="approval-response">
                <strong>{response.approverName || nameOf(response.approverEmail)}</strong>{" "}
                <span className="sbx-response-answer">{response.response}</span>{" "}
                <span className="muted">{formatDateTime(response.respondedAt)}</span>
                {response.comments && <p className="sbx-response-comments">{response.comments}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {canAnswer ? (
        <form
          className="sbx-respond"
          onSubmit={(event) => event.preventDefault()}
          aria-label={t("sandbox.approvals.respond")}
        >
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
