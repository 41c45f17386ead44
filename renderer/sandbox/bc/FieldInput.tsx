import { useId } from "react";
import type { FieldInfo } from "./bc-model";

/** One field of a record as a labelled input of its type: text, number, date, option or check box. */
export function FieldInput({
  field,
  value,
  onChange,
  invalid = false,
  hint,
  disabled = false,
}: {
  field: FieldInfo;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  invalid?: boolean;
  hint?: string | undefined;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  if (field.type === "boolean") {
    return (
      <label className="sbx-field sbx-field-check">
        <input
          type="checkbox"
          checked={value === true}
          disabled={disabled}
          onChange={(event) => onChange(event.target.checked)}
          data-field={field.name}
        />
        <span>{field.title}</span>
      </label>
    );
  }
  const common = {
    id,
    className: "input",
    disabled,
    "aria-invalid": invalid || undefined,
    "aria-describedby": hint ? hintId : undefined,
    "data-field": field.name,
  };
  let control: React.ReactNode;
  if (field.enum) {
    const options = field.enum.includes(String(value)) ? field.enum : [String(value), ...field.enum];
    control = (
      <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option.trim() === "" ? "—" : option}
          </option>
        ))}
      </select>
    );
  } else {
    const type = field.type === "date" ? "date" : field.type === "email" ? "email" : "text";
    control = (
      <input
        {...common}
        type={type}
        inputMode={field.type === "number" ? "decimal" : field.type === "integer" ? "numeric" : undefined}
        value={String(value)}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className="sbx-field">
      <label htmlFor={id} className="sbx-field-label">
        {field.title}
      </label>
      {control}
      {hint && (
        <span id={hintId} className="muted sbx-field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
