import type { JsonValue } from "../../shared/json";

/** A field of a Run flow form, as the trigger's schema declares it (see shared/connectors/runflowform). */
export interface RunFlowFieldShape {
  key: string;
  kind: string;
  title: string;
  description: string;
  required: boolean;
  options?: string[];
}

/**
 * One input of a Run flow form: a checkbox for yes/no, a list for choices, otherwise a text, number,
 * date or email box; required fields are marked, for screen readers too. The Automate menu's Run
 * flow pane and the designer's Test dialog show the same form.
 */
export function RunFlowFormField({
  field,
  value,
  onChange,
}: {
  field: RunFlowFieldShape;
  value: JsonValue | undefined;
  onChange: (value: JsonValue) => void;
}) {
  const label = (
    <span className="field-label">
      {field.title}
      {field.required && (
        <span className="required" aria-hidden="true">
          {" "}
          *
        </span>
      )}
      {field.required && <span className="visually-hidden"> (required)</span>}
    </span>
  );
  if (field.kind === "boolean") {
    return (
      <label className="check">
        <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
    );
  }
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the select or the input below is the label's control
    <label className="field">
      {label}
      {field.kind === "choice" ? (
        <select className="input" value={String(value ?? "")} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          className="input"
          type={
            field.kind === "number"
              ? "number"
              : field.kind === "date"
                ? "date"
                : field.kind === "email"
                  ? "email"
                  : "text"
          }
          value={String(value ?? "")}
          onChange={(e) => onChange(field.kind === "number" ? Number(e.target.value) : e.target.value)}
        />
      )}
      {field.description && <span className="field-help">{field.description}</span>}
    </label>
  );
}
