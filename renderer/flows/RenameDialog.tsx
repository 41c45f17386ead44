import { useState } from "react";
import { t } from "../i18n";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { FormActions } from "../ui/FormActions";

export function RenameDialog({
  currentName,
  onClose,
  onRename,
}: {
  currentName: string;
  onClose: () => void;
  /** Resolves when renamed; throws to show the error in the dialog. */
  onRename: (name: string) => Promise<void>;
}) {
  const [name, setName] = useState(currentName);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t("create.nameRequired"));
      return;
    }
    setBusy(true);
    try {
      await onRename(name.trim());
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("rename.title")} onClose={onClose} initialFocus="#rename-flow-name">
      <form onSubmit={submit} className="form" noValidate>
        <label className="field">
          <span className="field-label">{t("rename.label")}</span>
          <input
            id="rename-flow-name"
            className="input"
            value={name}
            maxLength={200}
            onFocus={(event) => event.target.select()}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
        </label>
        <FormActions error={error} submitLabel={t("common.rename")} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
