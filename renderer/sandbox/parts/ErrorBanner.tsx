import { t } from "../../i18n";
import { errorText } from "./errors";

/** A load that failed: what happened, and a way to try again. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="banner banner-error sbx-banner" role="alert">
      <span>{t("sandbox.loadFailed", { message: errorText(error) })}</span>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
