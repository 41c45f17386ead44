import { t } from "../i18n";
import { useToasts } from "./toasts";

export function Toasts() {
  const { toasts, dismiss, hold, release } = useToasts();
  return (
    <div
      className="toasts"
      role="status"
      aria-live="polite"
      // While the person points at a toast or tabs to its action, it waits for them.
      onPointerEnter={hold}
      onPointerLeave={release}
      onFocus={hold}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) release();
      }}
    >
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
