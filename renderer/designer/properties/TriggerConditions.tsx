import { Plus, Trash2 } from "lucide-react";
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
      <span className="field-label">Trigger conditions</span>
      <p className="field-help">
        The flow starts only when every condition is true, e.g. @greater(triggerBody()?['amount'], 10000).
        With none, every event starts it.
      </p>
      {conditions.map((condition, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity but their place
        <div key={index} className="list-row">
          <TokenInput
            value={condition}
            labels={labels}
            ariaLabel={`Trigger condition ${index + 1}`}
            readOnly={readOnly}
            onOpenPicker={openPicker}
            onChange={(text) => onChange(conditions.map((c, i) => (i === index ? text : c)))}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove condition ${index + 1}`}
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
        <Plus size={14} aria-hidden="true" /> Add a condition
      </button>
    </div>
  );
}
