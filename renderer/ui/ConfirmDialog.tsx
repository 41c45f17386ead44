import { type ReactNode, useState } from "react";
import { t } from "../i18n";
import { Dialog } from "./Dialog";
import { describeError } from "./errors";

export function ConfirmDialog({
  title,
  body,
  details,
  confirmLabel,
  cancelLabel,
  danger,
  onClose,
  onConfirm,
}: {
  title: string;
  body: string;
  /** What the action concerns, one by one (the flows it turns off…), under the question. */
  details?: ReactNode;
  confirmLabel: string;
  /** The button that keeps things as they are, when "Cancel" would read as the action itself. */
  cancelLabel?: string;
  danger?: boolean;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    // A destructive question starts on the way out: Enter alone must not delete or turn things off.
    <Dialog title={title} onClose={onClose} initialFocus={danger ? ".dialog-cancel" : ".dialog-confirm"}>
      <p>{body}</p>
      {details}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button dialog-cancel" onClick={onClose}>
          {cancelLabel ?? t("common.cancel")}
        </button>
        <button
          type="button"
          className={danger ? "button danger dialog-confirm" : "button primary dialog-confirm"}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } catch (cause) {
              setError(describeError(cause));
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
