import { X } from "lucide-react";
import { diffIsEmpty, type StepChange } from "../../../shared/flow";
import { t } from "../../i18n";
import { ChangeList, diffSummary } from "./ChangeList";
import { shownNodeId } from "./change-marks";
import type { Comparison } from "./use-comparison";

export type CompareWith = "previous" | "draft";

/**
 * An old version's changes, beside its canvas: what it changed from the version before it, or what
 * the draft changes in it. A step's name shows it on the canvas when it is there.
 */
export function ChangesPanel({
  version,
  compareWith,
  onCompareWith,
  comparison,
  onShowStep,
  onClose,
}: {
  version: number;
  compareWith: CompareWith;
  onCompareWith: (value: CompareWith) => void;
  comparison: Comparison;
  onShowStep: (nodeId: string) => void;
  onClose: () => void;
}) {
  const side = compareWith === "previous" ? "newer" : "older";
  const show = (change: StepChange) => {
    const id = shownNodeId(change, side);
    if (id !== undefined) onShowStep(id);
  };
  return (
    <aside className="properties changes-panel" aria-label={t("compare.title")} data-testid="changes-panel">
      <header className="properties-header">
        <div className="properties-title">
          <h2>{t("compare.title")}</h2>
          {comparison.state === "ready" && <span className="muted">{diffSummary(comparison.diff)}</span>}
        </div>
        <button type="button" className="icon-button" aria-label={t("common.close")} onClick={onClose}>
          <X size={18} />
        </button>
      </header>
      <div className="properties-body">
        <label className="field">
          <span className="field-label">{t("compare.with")}</span>
          <select
            className="input"
            value={compareWith}
            onChange={(event) => onCompareWith(event.target.value as CompareWith)}
          >
            <option value="previous">
              {comparison.state === "ready" && compareWith === "previous" && comparison.base.version
                ? t("compare.withPrevious", { version: comparison.base.version })
                : t("compare.withPreviousAny")}
            </option>
            <option value="draft">{t("compare.withDraft")}</option>
          </select>
        </label>
        {comparison.state === "loading" && <p className="muted">{t("compare.loading")}</p>}
        {comparison.state === "failed" && (
          <p className="form-error" role="alert">
            {t("compare.failed", { message: comparison.message })}
          </p>
        )}
        {comparison.state === "none" && <p className="muted">{t("compare.noPrevious")}</p>}
        {comparison.state === "ready" && (
          <>
            <p className="muted">
              {compareWith === "previous"
                ? t("compare.previousIntro", { version, previous: comparison.base.version ?? 0 })
                : t("compare.draftIntro", { version })}
            </p>
            {diffIsEmpty(comparison.diff) ? (
              <p>{compareWith === "draft" ? t("compare.sameAsDraft") : t("compare.none")}</p>
            ) : (
              <ChangeList
                diff={comparison.diff}
                onSelect={show}
                canSelect={(change) => shownNodeId(change, side) !== undefined}
              />
            )}
          </>
        )}
      </div>
    </aside>
  );
}
