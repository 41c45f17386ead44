import { t } from "../i18n";

/**
 * The end of a dialog's form: the error of the last submit, if any, then Cancel (or Back) and the
 * submit button, which is disabled while the submit is under way.
 */
export function FormActions({
  error,
  errorId,
  submitLabel,
  busy,
  onCancel,
  cancelLabel = t("common.cancel"),
  disabled = false,
}: {
  error: string | undefined;
  /** For an input's aria-describedby. */
  errorId?: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  cancelLabel?: string;
  /** The submit cannot be made (the form says why). */
  disabled?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="form-error" id={errorId} role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button primary" disabled={busy || disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
