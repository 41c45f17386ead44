import { Plus, Trash2 } from "lucide-react";
import { t } from "../../i18n";
import { TokenInput } from "../expressions/TokenInput";
import { useFieldContext } from "./field-context";

/** Expressions that must all be true for the trigger to start a run; otherwise no run is created. */
export function TriggerConditions({
  conditions,
  readOnly,
  onChange,
}: {
  conditions: string[];
  readOnly: boolean;
  onChange: (conditions: string[]) => void;
}) {
  const { labels, openPicker } = useFieldContext();
  return (
    <div className="field" data-field="conditions" data-testid="trigger-conditions">
      <span className="field-label">{t("designer.triggerConditions.title")}</span>
      <p className="field-help">{t("designer.triggerConditions.help")}</p>
      {conditions.map((condition, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
        <div key={index} className="list-row">
          <TokenInput
            value={condition}
            labels={labels}
            ariaLabel={t("designer.triggerConditions.condition", { number: index + 1 })}
            readOnly={readOnly}
            onOpenPicker={openPicker}
            onChange={(text) => onChange(conditions.map((c, i) => (i === index ? text : c)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={t("designer.triggerConditions.remove", { number: index + 1 })}
            disabled={readOnly}
            onClick={() => onChange(conditions.filter((_, i) => i !== index))}
          >
            <Trash2 size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="link-button add-row"
        disabled={readOnly}
        onClick={() => onChange([...conditions, "@equals(1, 1)"])}
      >
        <Plus size={14} aria-hidden="true" /> {t("designer.triggerConditions.add")}
      </button>
    </div>
  );
}
