import { CalendarDays } from "lucide-react";
import { useId, useRef, useState } from "react";
import { t } from "../../i18n";
import { type FieldInfo, formatNumber, isNumeric, typedNumber } from "./bc-model";
import { dateText, isIsoDay, parseTypedDate } from "./card-form";

/** A record another field's value may name (a vendor by its number), for the box's lookup. */
export interface LookupOption {
  value: string;
  label: string;
}

/**
 * One field of a record as a labelled input of its type: text, number (right-aligned, written
 * as the card writes numbers once left), date (written as the app writes dates, with a calendar),
 * option or check box. What is wrong with it is said under it.
 */
export function FieldInput({
  field,
  value,
  onChange,
  error,
  hint,
  disabled = false,
  required = false,
  lookup,
}: {
  field: FieldInfo;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  /** Why the value cannot be saved, said under the field. */
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
  required?: boolean;
  /** Existing records the value may name: the box suggests them as the person types. */
  lookup?: readonly LookupOption[] | undefined;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
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
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    className: isNumeric(field) ? "input sbx-num" : "input",
    disabled,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "data-field": field.name,
  };
  const text = String(value);
  let control: React.ReactNode;
  if (field.enum) {
    const options = field.enum.includes(text) ? field.enum : [text, ...field.enum];
    control = (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option.trim() === "" ? "—" : option}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "date") {
    control = <DateInput common={common} field={field} value={text} onChange={onChange} />;
  } else {
    control = (
      <>
        <input
          {...common}
          type={field.type === "email" ? "email" : "text"}
          inputMode={field.type === "number" ? "decimal" : field.type === "integer" ? "numeric" : undefined}
          list={lookup ? `${id}-lookup` : undefined}
          autoComplete={lookup ? "off" : undefined}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            // A number the card can read is written as the card writes numbers ("5,000.00").
            if (!isNumeric(field)) return;
            const number = typedNumber(text);
            if (number !== undefined && formatNumber(field, number) !== text)
              onChange(formatNumber(field, number));
          }}
        />
        {lookup && (
          <datalist id={`${id}-lookup`}>
            {lookup.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </datalist>
        )}
      </>
    );
  }
  return (
    <div className="sbx-field">
      {/* The mark stays out of the label: the field is named by its title alone, and is required. */}
      <span className="sbx-field-label">
        <label htmlFor={id}>{field.title}</label>
        {required && (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
      </span>
      {control}
      {error && (
        <span id={errorId} className="field-problem error sbx-field-error" data-testid="field-error">
          {error}
        </span>
      )}
      {hint && (
        <span id={hintId} className="muted sbx-field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * A day, written as the app writes days ("Nov 24, 2026") and typed as people type them
 * ("11/30/2026", "2026-11-30", "Nov 30 2026"); the button beside it opens the browser's calendar.
 * The form holds the day as "YYYY-MM-DD", or what was typed when it is not a day.
 */
function DateInput({
  common,
  field,
  value,
  onChange,
}: {
  common: React.InputHTMLAttributes<HTMLInputElement> & { "data-field": string };
  field: FieldInfo;
  value: string;
  onChange: (value: string) => void;
}) {
  // While the box has the keyboard it shows what is typed; once left, the day as the app writes it.
  const [typing, setTyping] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div className="sbx-date">
      <input
        {...common}
        type="text"
        autoComplete="off"
        value={typing ?? dateText(value)}
        onFocus={() => setTyping(dateText(value))}
        onBlur={() => setTyping(undefined)}
        onChange={(event) => {
          const typed = event.target.value;
          setTyping(typed);
          onChange(typed.trim() === "" ? "" : (parseTypedDate(typed) ?? typed));
        }}
      />
      <button
        type="button"
        className="icon-button sbx-date-pick"
        disabled={common.disabled}
        aria-label={t("sandbox.bc.pickDate", { field: field.title })}
        title={t("sandbox.bc.pickDate", { field: field.title })}
        onClick={() => {
          try {
            picker.current?.showPicker();
          } catch {
            // No calendar here (an old engine): the day is typed instead.
            picker.current?.focus();
          }
        }}
      >
        <CalendarDays size={16} aria-hidden="true" />
      </button>
      <input
        ref={picker}
        type="date"
        className="sbx-date-native"
        tabIndex={-1}
        aria-hidden="true"
        value={isIsoDay(value) ? value : ""}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
