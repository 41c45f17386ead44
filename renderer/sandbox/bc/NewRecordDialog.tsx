import { useMemo, useState } from "react";
import { ApiError } from "../../../shared/api";
import type { JsonObject } from "../../../shared/json";
import { api } from "../../api/client";
import { t } from "../../i18n";
import { Dialog } from "../../ui/Dialog";
import { FormActions } from "../../ui/FormActions";
import { errorText } from "../parts/errors";
import {
  type FieldInfo,
  fieldErrorText,
  fieldOfError,
  inSentence,
  lookupTable,
  newRecordFields,
  patchOf,
  requiredFields,
  singularTitle,
  type TableInfo,
} from "./bc-model";
import { formProblems } from "./card-form";
import { FieldInput } from "./FieldInput";
import { useLookup } from "./use-lookup";

/**
 * New record: the few fields that make one; the card opens next for the rest. What Business
 * Central requires (a name, a document's vendor or customer) is marked, and a form without it is
 * refused with a word under the field, before anything is created.
 */
export function NewRecordDialog({
  table,
  actingAs,
  onClose,
  onCreated,
}: {
  table: TableInfo;
  actingAs: string;
  onClose: () => void;
  onCreated: (record: JsonObject) => void;
}) {
  const fields = useMemo(() => newRecordFields(table), [table]);
  const required = useMemo(() => requiredFields(table), [table]);
  const lookupField = fields.find((f) => lookupTable(f) !== undefined);
  const lookup = useLookup(lookupField ? lookupTable(lookupField) : undefined);
  // Blank fields are left to Business Central (the number series, the dates).
  const blank: JsonObject = useMemo(
    () => Object.fromEntries(fields.map((f) => [f.name, f.type === "boolean" ? false : ""])),
    [fields],
  );
  const [form, setForm] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.type === "boolean" ? false : ""])),
  );
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const focus = (name: string) =>
    document.querySelector<HTMLElement>(`.sbx-new-form [data-field="${CSS.escape(name)}"]`)?.focus();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = formProblems(fields, blank, form, required);
    const first = fields.find((f) => found[f.name] !== undefined);
    if (first) {
      setProblems(found);
      setError(undefined);
      focus(first.name);
      return;
    }
    setBusy(true);
    try {
      const created = await api.call("sandbox.records.create", {
        table: table.name,
        fields: patchOf(fields, blank, form),
        actingAs,
      });
      onCreated(created);
    } catch (cause) {
      const message = errorText(cause);
      const field = fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message);
      const info = fields.find((f) => f.name === field);
      if (info) {
        setProblems({ [info.name]: fieldErrorText(message, info) });
        focus(info.name);
      } else setError(message);
      setBusy(false);
    }
  };

  const hint = (field: FieldInfo) =>
    field.name === table.numberField ? t("sandbox.bc.new.numberHint") : undefined;

  return (
    <Dialog
      title={t("sandbox.bc.new.title", { what: inSentence(singularTitle(table.title)) })}
      onClose={onClose}
      initialFocus=".sbx-new-form .input"
    >
      <form className="form sbx-new-form" onSubmit={submit} noValidate>
        {fields.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            value={form[field.name] ?? ""}
            hint={hint(field)}
            required={required.has(field.name)}
            error={problems[field.name]}
            lookup={field === lookupField ? lookup : undefined}
            onChange={(value) => {
              setForm({ ...form, [field.name]: value });
              if (problems[field.name] !== undefined) {
                const { [field.name]: _fixed, ...others } = problems;
                setProblems(others);
              }
              setError(undefined);
            }}
          />
        ))}
        <FormActions error={error} submitLabel={t("common.create")} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
