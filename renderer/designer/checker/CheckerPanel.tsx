import { AlertTriangle, CircleCheck, CircleX, X } from "lucide-react";
import type { CheckResult, Finding } from "../../../shared/checker";
import { displayName } from "../card-info";

/** The live list of errors and warnings; choosing one selects its step and focuses the field. */
export function CheckerPanel({
  result,
  onOpenFinding,
  onClose,
}: {
  result: CheckResult;
  onOpenFinding: (finding: Finding) => void;
  onClose: () => void;
}) {
  return (
    <section className="checker-panel" aria-label="Flow checker" data-testid="checker-panel">
      <header className="panel-header">
        <h2>
          Flow checker
          <span className="muted">
            {" "}
            · {result.errorCount} {result.errorCount === 1 ? "error" : "errors"}, {result.warningCount}{" "}
            {result.warningCount === 1 ? "warning" : "warnings"}
          </span>
        </h2>
        <button type="button" className="icon-button" aria-label="Close the flow checker" onClick={onClose}>
          <X size={16} />
        </button>
      </header>
      {result.findings.length === 0 ? (
        <p className="checker-clean">
          <CircleCheck size={18} aria-hidden="true" /> No problems found. The flow is ready to test and
          publish.
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
                <span className="finding-step">{finding.step ? displayName(finding.step) : "Flow"}</span>
                <span className="finding-message">{finding.message}</span>
                {finding.fix && <span className="finding-fix">{finding.fix.label}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
