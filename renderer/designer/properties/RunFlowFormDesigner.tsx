import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import {
  addRunFlowInput,
  RUN_FLOW_INPUT_KINDS,
  type RunFlowField,
  type RunFlowInputKind,
  runFlowFields,
} from "../../../shared/connectors";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { t } from "../../i18n";

/**
 * The Run flow form of an instant flow: the inputs a person fills in before the flow runs
 * (text, yes/no, number, date, email, file, a list of choices), written as Power Automate's schema.
 */
export function RunFlowFormDesigner({
  schema,
  onChange,
  readOnly,
}: {
  schema: JsonValue | undefined;
  onChange: (schema: JsonObject) => void;
  readOnly: boolean;
}) {
  const fields = runFlowFields(schema);
  const [adding, setAdding] = useState(false);
  const base: JsonObject =
    typeof schema === "object" && schema !== null && !Array.isArray(schema)
      ? schema
      : { type: "object", properties: {}, required: [] };
  const properties = (
    typeof base.properties === "object" && base.properties !== null && !Array.isArray(base.properties)
      ? base.properties
      : {}
  ) as JsonObject;
  const required = Array.isArray(base.required)
    ? base.required.filter((r): r is string => typeof r === "string")
    : [];

  const updateField = (key: string, change: (property: JsonObject) => JsonObject) => {
    const current = properties[key];
    if (typeof current !== "object" || current === null || Array.isArray(current)) return;
    onChange({ ...base, properties: { ...properties, [key]: change(current) } });
  };
  const setRequired = (key: string, on: boolean) =>
    onChange({
      ...base,
      required: on ? [...new Set([...required, key])] : required.filter((r) => r !== key),
    });
  const remove = (key: string) => {
    const { [key]: _gone, ...rest } = properties;
    onChange({ ...base, properties: rest, required: required.filter((r) => r !== key) });
  };

  return (
    <div className="field run-flow-form" data-testid="run-flow-form">
      <span className="field-label">{t("designer.runFlowForm.title")}</span>
      <p className="field-help">{t("designer.runFlowForm.help")}</p>
      {fields.length === 0 && <p className="muted">{t("designer.runFlowForm.empty")}</p>}
      {fields.map((field) => (
        <FormField
          key={field.key}
          field={field}
          readOnly={readOnly}
          onTitle={(title) => updateField(field.key, (p) => ({ ...p, title }))}
          onDescription={(description) => updateField(field.key, (p) => ({ ...p, description }))}
          onOptions={(options) => updateField(field.key, (p) => ({ ...p, enum: options }))}
          onRequired={(on) => setRequired(field.key, on)}
          onRemove={() => remove(field.key)}
        />
      ))}
      {adding ? (
        <fieldset className="add-input-kinds" aria-label={t("designer.runFlowForm.chooseKind")}>
          {RUN_FLOW_INPUT_KINDS.map((kind) => (
            <button
              key={kind.kind}
              type="button"
              className="button"
              onClick={() => {
                setAdding(false);
                const options =
                  kind.kind === "choice"
                    ? {
                        options: [
                          t("designer.runFlowForm.firstOption"),
                          t("designer.runFlowForm.secondOption"),
                        ],
                      }
                    : {};
                onChange(addRunFlowInput(schema, kind.kind as RunFlowInputKind, options).schema);
              }}
            >
              {kind.title}
            </button>
          ))}
          <button type="button" className="link-button" onClick={() => setAdding(false)}>
            {t("common.cancel")}
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button add-input"
          disabled={readOnly}
          onClick={() => setAdding(true)}
        >
          <Plus size={14} aria-hidden="true" /> {t("designer.runFlowForm.add")}
        </button>
      )}
    </div>
  );
}

function FormField({
  field,
  readOnly,
  onTitle,
  onDescription,
  onOptions,
  onRequired,
  onRemove,
}: {
  field: RunFlowField;
  readOnly: boolean;
  onTitle: (title: string) => void;
  onDescription: (description: string) => void;
  onOptions: (options: string[]) => void;
  onRequired: (on: boolean) => void;
  onRemove: () => void;
}) {
  const kind = RUN_FLOW_INPUT_KINDS.find((k) => k.kind === field.kind);
  return (
    <fieldset className="object-row run-flow-field" data-testid="run-flow-field">
      <legend>
        {kind?.title ?? field.kind}
        <button
          type="button"
          className="icon-button"
          aria-label={t("designer.runFlowForm.remove", { title: field.title })}
          disabled={readOnly}
          onClick={onRemove}
        >
          <Trash2 size={14} />
        </button>
      </legend>
      <label className="field">
        <span className="field-label">{t("designer.runFlowForm.fieldTitle")}</span>
        <input
          className="input"
          aria-label={t("designer.runFlowForm.fieldTitleLabel")}
          readOnly={readOnly}
          value={field.title}
          onChange={(e) => onTitle(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field-label">{t("designer.runFlowForm.hint")}</span>
        <input
          className="input"
          aria-label={t("designer.runFlowForm.hintLabel")}
          readOnly={readOnly}
          value={field.description}
          onChange={(e) => onDescription(e.target.value)}
        />
      </label>
      {field.kind === "choice" && (
        <label className="field">
          <span className="field-label">{t("designer.runFlowForm.choices")}</span>
          <textarea
            className="input"
            aria-label={t("designer.runFlowForm.choicesLabel")}
            rows={3}
            readOnly={readOnly}
            value={(field.options ?? []).join("\n")}
            onChange={(e) => onOptions(e.target.value.split("\n"))}
          />
        </label>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={field.required}
          disabled={readOnly}
          onChange={(e) => onRequired(e.target.checked)}
        />{" "}
        {t("designer.runFlowForm.required")}
      </label>
    </fieldset>
  );
}
