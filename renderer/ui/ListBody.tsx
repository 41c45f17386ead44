import type { ReactNode } from "react";
import { t } from "../i18n";

/**
 * What a list page shows under its filters: the error of the last load with Retry; then Loading
 * until the first answer, the "no match" line when filters hide everything, the empty state when
 * there is nothing at all, or the list itself.
 */
export function ListBody({
  error,
  onRetry,
  items,
  filtered,
  noMatch,
  onClearFilters,
  empty,
  children,
}: {
  error: string | undefined;
  onRetry: () => void;
  /** undefined until the first answer arrives. */
  items: readonly unknown[] | undefined;
  filtered: boolean;
  noMatch: string;
  /** Offered beside the "no match" line: puts every filter back to showing everything. */
  onClearFilters?: () => void;
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
          <button type="button" className="button" onClick={onRetry}>
            {t("common.retry")}
          </button>
        </div>
      )}
      {items === undefined ? (
        <p className="muted">{t("common.loading")}</p>
      ) : items.length === 0 ? (
        filtered ? (
          <p className="muted list-no-match">
            {noMatch}
            {onClearFilters && (
              <button type="button" className="button" onClick={onClearFilters}>
                {t("common.clearFilters")}
              </button>
            )}
          </p>
        ) : (
          empty
        )
      ) : (
        children
      )}
    </>
  );
}
