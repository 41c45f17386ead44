import { ChevronLeft, ChevronRight } from "lucide-react";
import { t } from "../../i18n";

/** "1–25 of 50" with previous and next. */
export function Pager({
  skip,
  top,
  total,
  onChange,
}: {
  skip: number;
  top: number;
  total: number;
  onChange: (skip: number) => void;
}) {
  if (total <= top && skip === 0) {
    return <p className="muted sbx-pager-text">{t("sandbox.pager.count", { count: total })}</p>;
  }
  return (
    <nav className="sbx-pager" aria-label={t("sandbox.pager.label")}>
      <span className="muted">
        {t("sandbox.pager.range", {
          from: total === 0 ? 0 : skip + 1,
          to: Math.min(skip + top, total),
          total,
        })}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t("sandbox.pager.previous")}
        disabled={skip === 0}
        onClick={() => onChange(Math.max(0, skip - top))}
      >
        <ChevronLeft size={18} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t("sandbox.pager.next")}
        disabled={skip + top >= total}
        onClick={() => onChange(skip + top)}
      >
        <ChevronRight size={18} />
      </button>
    </nav>
  );
}
