import { useState } from "react";
import { FLOW_KINDS, type FlowKind } from "../../shared/api";
import { t } from "../i18n";
import { Dialog } from "../ui/Dialog";
import { describeError } from "../ui/errors";
import { FormActions } from "../ui/FormActions";
import { KindIcon, kindDescription, kindLabel } from "./kinds";

export function CreateFlowDialog({
  onClose,
  onCreate,
}: {
  onClose: () => void;
  onCreate: (name: string, kind: FlowKind) => Promise<void>;
}) {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<FlowKind>("automated");
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
      await onCreate(name.trim(), kind);
    } catch (cause) {
      setError(describeError(cause));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("create.title")} onClose={onClose} size="wide" initialFocus="#create-flow-name">
      <form onSubmit={submit} className="form" noValidate>
        <label className="field">
          <span className="field-label">{t("create.nameLabel")}</span>
          <input
            id="create-flow-name"
            className="input"
            value={name}
            maxLength={200}
            placeholder={t("create.namePlaceholder")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "create-flow-error" : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setError(undefined);
            }}
          />
        </label>
        <fieldset className="kind-choices">
          <legend className="field-label">{t("create.kindLabel")}</legend>
          {FLOW_KINDS.map((option) => (
            <label key={option} className={option === kind ? "kind-choice selected" : "kind-choice"}>
              <input
                type="radio"
                name="kind"
                value={option}
                checked={option === kind}
                onChange={() => setKind(option)}
              />
              <KindIcon kind={option} size={22} />
              <span className="kind-choice-title">{kindLabel(option)}</span>
              <span className="kind-choice-text">{kindDescription(option)}</span>
            </label>
          ))}
        </fieldset>
        <FormActions
          error={error}
          errorId="create-flow-error"
          submitLabel={t("create.submit")}
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
