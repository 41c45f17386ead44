import type { WdlDefinition } from "../../../shared/flow";
import { t } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { ChangeList, diffSummary } from "./ChangeList";
import { draftOf, useComparison } from "./use-comparison";

/**
 * A save conflict: what this window's draft has that the one saved elsewhere has not, so that the
 * person knows what Reload would drop before they choose.
 */
export function ConflictChangesDialog({
  flowId,
  mine,
  onClose,
}: {
  flowId: string;
  mine: WdlDefinition;
  onClose: () => void;
}) {
  const comparison = useComparison(`conflict:${flowId}`, () => draftOf(flowId), mine, "base-first");
  return (
    <Dialog title={t("compare.conflictTitle")} onClose={onClose} size="wide">
      <div className="publish-changes" data-testid="conflict-changes">
        {comparison.state === "loading" && <p className="muted">{t("compare.loading")}</p>}
        {comparison.state === "failed" && (
          <p className="form-error" role="alert">
            {t("compare.failed", { message: comparison.message })}
          </p>
        )}
        {comparison.state === "ready" && (
          <>
            <h3>
              {t("compare.conflictIntro")}
              <span className="muted"> · {diffSummary(comparison.diff)}</span>
            </h3>
            {comparison.diff.steps.length + comparison.diff.definition.length > 0 ? (
              <div className="publish-change-list">
                <ChangeList diff={comparison.diff} />
              </div>
            ) : (
              <p>{t("compare.conflictSame")}</p>
            )}
          </>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
