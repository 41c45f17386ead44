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
  const tone = /^approve/i.test(outcome) ? "success" : /^reject/i.test(outcome) ? "danger" : "info";
  return <span className={`sbx-badge sbx-badge-${tone}`}>{outcome}</span>;
}
