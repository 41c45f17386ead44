import { t } from "../i18n";
import { useToasts } from "./toasts";

export function Toasts() {
  const { toasts, dismiss } = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((item) => (
        <div key={item.id} className={`toast toast-${item.tone}`} data-testid="toast">
          <span>{item.message}</span>
          {item.action && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                item.action?.run();
                dismiss(item.id);
              }}
            >
              {item.action.label}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t("common.dismiss")}
            onClick={() => dismiss(item.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
