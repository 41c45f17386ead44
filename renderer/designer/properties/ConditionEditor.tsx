import { Plus, Trash2 } from "lucide-react";
import type { JsonValue } from "../../../shared/json";
import { t } from "../../i18n";
import { TokenInput } from "../expressions/TokenInput";
import {
  type ConditionModel,
  OPERATORS,
  type OperatorId,
  readCondition,
  writeCondition,
} from "./condition-model";
import { useFieldContext } from "./field-context";
import { JsonField } from "./JsonField";
import { asText, numberOrText } from "./values";

/** Rows of "value – operator – value", joined by And or Or, as Power Automate's condition card. */
export function ConditionEditor({
  value,
  onChange,
}: {
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
}) {
  const { labels, openPicker, readOnly } = useFieldContext();
  const model = readCondition(value);
  if (!model) {
    return (
      <>
        <p className="field-help">{t("designer.condition.nested")}</p>
        <JsonField
          id="condition-json"
          value={value}
          onChange={onChange}
          describedBy={undefined}
          readOnly={readOnly}
        />
      </>
    );
  }
  const update = (next: ConditionModel) => onChange(writeCondition(next));
  const updateRow = (index: number, patch: Partial<ConditionModel["rows"][number]>) =>
    update({ ...model, rows: model.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const operand = (text: string): JsonValue => {
    const n = numberOrText(text, false);
    return n === undefined ? "" : n;
  };
  return (
    <div className="condition-editor" data-testid="condition-editor">
      {model.rows.length > 1 && (
        <select
          className="input join-select"
          aria-label={t("designer.condition.join")}
          disabled={readOnly}
          value={model.join}
          onChange={(event) => update({ ...model, join: event.target.value as "and" | "or" })}
        >
          <option value="and">{t("designer.condition.and")}</option>
          <option value="or">{t("designer.condition.or")}</option>
        </select>
      )}
      {model.rows.map((row, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="condition-row">
          <TokenInput
            value={asText(row.left)}
            labels={labels}
            ariaLabel={t("designer.condition.left", { number: index + 1 })}
            readOnly={readOnly}
            onOpenPicker={openPicker}
            placeholder={t("designer.condition.chooseValue")}
            onChange={(text) => updateRow(index, { left: operand(text) })}
          />
          <select
            className="input"
            aria-label={t("designer.condition.operator", { number: index + 1 })}
            disabled={readOnly}
            value={row.operator}
            onChange={(event) => updateRow(index, { operator: event.target.value as OperatorId })}
          >
            {OPERATORS.map((operator) => (
              <option key={operator.id} value={operator.id}>
                {t(operator.title)}
              </option>
            ))}
          </select>
          <TokenInput
            value={asText(row.right)}
            labels={labels}
            ariaLabel={t("designer.condition.right", { number: index + 1 })}
            readOnly={readOnly}
            onOpenPicker={openPicker}
            placeholder={t("designer.condition.chooseValue")}
            onChange={(text) => updateRow(index, { right: operand(text) })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t("designer.condition.removeRow", { number: index + 1 })}
            disabled={readOnly || model.rows.length === 1}
            onClick={() => update({ ...model, rows: model.rows.filter((_, i) => i !== index) })}
          >
            <Trash2 size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button add-row"
        disabled={readOnly}
        onClick={() =>
          update({ ...model, rows: [...model.rows, { left: "", operator: "equals", right: "" }] })
        }
      >
        <Plus size={14} aria-hidden="true" /> {t("designer.condition.addRow")}
      </button>
    </div>
  );
}
