import { useState } from "react";
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
  newRecordFields,
  patchOf,
  singularTitle,
  type TableInfo,
} from "./bc-model";
import { FieldInput } from "./FieldInput";

/** New record: the few fields that make one; the card opens next for the rest. */
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
  const fields = newRecordFields(table);
  const [form, setForm] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, f.type === "boolean" ? false : ""])),
  );
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      // Blank fields are left to Business Central (the number series, the dates).
      const blank: JsonObject = Object.fromEntries(
        fields.map((f) => [f.name, f.type === "boolean" ? false : ""]),
      );
      const created = await api.call("sandbox.records.create", {
        table: table.name,
        fields: patchOf(fields, blank, form),
        actingAs,
      });
      onCreated(created);
    } catch (cause) {
      const message = errorText(cause);
      const field = fieldOfError(cause instanceof ApiError ? cause.issues : undefined, message);
      const info = table.fields.find((f) => f.name === field);
      setError(info ? { message: fieldErrorText(message, info), field: info.name } : { message });
      setBusy(false);
    }
  };

  const hint = (field: FieldInfo) =>
    field.name === table.numberField ? t("sandbox.bc.new.numberHint") : undefined;

  return (
    <Dialog
      title={t("sandbox.bc.new.title", { what: singularTitle(table.title) })}
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
            invalid={error?.field === field.name}
            onChange={(value) => {
              setForm({ ...form, [field.name]: value });
              setError(undefined);
            }}
          />
        ))}
        <FormActions error={error?.message} submitLabel={t("common.create")} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
