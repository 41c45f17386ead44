import { AlertTriangle, CircleCheck, CircleX, Wand2, X } from "lucide-react";
import { type CheckResult, canApplyFix, type Finding } from "../../../shared/checker";
import { t } from "../../i18n";
import { displayName } from "../card-info";

/** The live list of errors and warnings; choosing one selects its step and focuses the field. */
export function CheckerPanel({
  result,
  onOpenFinding,
  onFix,
  onClose,
}: {
  result: CheckResult;
  onOpenFinding: (finding: Finding) => void;
  /** Applies the finding's suggested edit (undoable); undefined on a read-only flow. */
  onFix: ((finding: Finding) => void) | undefined;
  onClose: () => void;
}) {
  return (
    <section className="checker-panel" aria-label={t("designer.checker.title")} data-testid="checker-panel">
      <header className="panel-header">
        <h2>
          {t("designer.checker.title")}
          <span className="muted">
            {" "}
            ·{" "}
            {t("designer.checker.counts", {
              errors: t("designer.checker.errors", { count: result.errorCount }),
              warnings: t("designer.checker.warnings", { count: result.warningCount }),
            })}
          </span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t("designer.checker.close")}
          onClick={onClose}
        >
          <X size={16} />
        </button>
      </header>
      {result.findings.length === 0 ? (
        <p className="checker-clean">
          <CircleCheck size={18} aria-hidden="true" /> {t("designer.checker.clean")}
        </p>
      ) : (
        <ul className="findings">
          {result.findings.map((finding) => (
            <li key={finding.id}>
              <button
                type="button"
                className={`finding ${finding.severity}`}
                data-testid="finding"
                onClick={() => onOpenFinding(finding)}
              >
                {finding.severity === "error" ? (
                  <CircleX size={16} aria-hidden="true" />
                ) : (
                  <AlertTriangle size={16} aria-hidden="true" />
                )}
                <span className="finding-step" title={finding.step ? displayName(finding.step) : undefined}>
                  {finding.step ? displayName(finding.step) : t("designer.checker.flow")}
                </span>
                <span className="finding-message">{finding.message}</span>
              </button>
              {finding.fix &&
                (onFix && canApplyFix(finding) ? (
                  <button
                    type="button"
                    className="finding-fix link-button"
                    data-testid="finding-fix"
                    title={t("designer.checker.applyFix")}
                    onClick={() => onFix(finding)}
                  >
                    <Wand2 size={13} aria-hidden="true" /> {finding.fix.label}
                  </button>
                ) : (
                  <span className="finding-fix hint">{finding.fix.label}</span>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
