import { t } from "../../i18n";
import { statusTone } from "../bc/bc-model";

/** A document's status as a coloured badge; posted documents say Posted. */
export function StatusBadge({ status, posted = false }: { status: string; posted?: boolean }) {
  const tone = statusTone(status, posted);
  return (
    <span className={`sbx-badge sbx-badge-${tone}`} data-testid="status-badge">
      {posted ? t("sandbox.bc.posted") : status}
    </span>
  );
}
