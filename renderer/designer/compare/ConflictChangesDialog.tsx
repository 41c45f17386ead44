import type { WdlDefinition } from "../../../shared/flow";
import { t } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { ComparedChanges } from "./ChangeList";
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
        <ComparedChanges
          comparison={comparison}
          heading={() => t("compare.conflictIntro")}
          empty={t("compare.conflictSame")}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
