import { useState } from "react";
import { t } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { describeError } from "../../ui/errors";
import { FormActions } from "../../ui/FormActions";

/** Publish with a note; the flow checker has already passed (the backend checks again, with the policy). */
export function PublishDialog({
  name,
  onClose,
  onPublish,
}: {
  name: string;
  onClose: () => void;
  onPublish: (note: string) => Promise<void>;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={t("publish.title", { name })} onClose={onClose} initialFocus="#publish-note">
      <form
        className="form"
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          try {
            await onPublish(note.trim());
          } catch (cause) {
            setError(describeError(cause));
            setBusy(false);
          }
        }}
      >
        <p className="muted">{t("publish.body")}</p>
        <label className="field">
          <span className="field-label">{t("publish.note")}</span>
          <input
            id="publish-note"
            className="input"
            maxLength={500}
            placeholder={t("publish.notePlaceholder")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <FormActions error={error} submitLabel={t("publish.submit")} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
