import type { SandboxApproval } from "../../../shared/api";
import { t } from "../../i18n";

/** Pending, or how the request ended ("Approve", "Reject", a custom answer, Canceled). */
export function ApprovalStatus({ approval }: { approval: SandboxApproval }) {
  if (approval.status === "Pending") {
    return <span className="sbx-badge sbx-badge-warning">{t("sandbox.approvals.pending")}</span>;
  }
  if (approval.status === "Canceled") {
    return <span className="sbx-badge sbx-badge-neutral">{t("sandbox.approvals.canceled")}</span>;
  }
  const outcome = approval.outcome ?? t("sandbox.approvals.completed");
  // Basic approvals end in Approve or Reject; custom ones in the answer people chose.
  if (outcome === "Approve")
    return <span className="sbx-badge sbx-badge-success">{t("sandbox.approvals.approved")}</span>;
  if (outcome === "Reject")
    return <span className="sbx-badge sbx-badge-danger">{t("sandbox.approvals.rejected")}</span>;
  return <span className="sbx-badge sbx-badge-info">{outcome}</span>;
}
