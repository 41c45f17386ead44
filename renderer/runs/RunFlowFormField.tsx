import { CircleAlert } from "lucide-react";
import type { JsonValue } from "../../shared/json";
import { fieldHelp, type RunFlowFieldShape, runFlowProblemMessage } from "./run-flow-form";
import type { RunFlowFormState } from "./use-run-flow-form";

export type { RunFlowFieldShape };

/**
 * One input of a Run flow form: a checkbox for yes/no, a list for choices, otherwise a text, number,
 * date or email box; required fields are marked, for screen readers too. A problem is said under
 * the box, which is marked invalid and described by it. The Automate menu's Run flow pane, the
 * workflow list's Run dialog and the designer's Test dialog show the same form.
 */
export function RunFlowFormField({
  field,
  id,
  value,
  problem,
  onChange,
}: {
  field: RunFlowFieldShape;
  id: string;
  value: JsonValue | undefined;
  /** What is wrong with it, said under it. */
  problem?: string | undefined;
  /** unreadable: the box holds what the browser cannot give as a value (a date half typed). */
  onChange: (value: JsonValue, unreadable?: boolean) => void;
}) {
  const help = fieldHelp(field);
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const describedBy = [help && helpId, problem && problemId].filter(Boolean).join(" ") || undefined;
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
      <div className="field">
        <label className="check">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.checked)}
          />
          {label}
        </label>
        {help && (
          <span className="field-help" id={helpId}>
            {help}
          </span>
        )}
      </div>
    );
  }
  const common = {
    id,
    className: "input",
    "aria-invalid": problem ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": field.required || undefined,
  } as const;
  return (
    <div className="field run-flow-field">
      <label htmlFor={id}>{label}</label>
      {field.kind === "choice" ? (
        <select {...common} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((option) => (
            <option key={option}>{option}</option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          // A number is typed as text (the browser's number box silently drops what it cannot read),
          // then checked: "ten" is said to be wrong rather than sent as nothing.
          type={field.kind === "date" ? "date" : field.kind === "email" ? "email" : "text"}
          inputMode={field.kind === "number" ? "decimal" : undefined}
          autoComplete={field.kind === "email" ? "email" : undefined}
          value={String(value ?? "")}
          onChange={(e) => onChange(e.target.value, e.target.validity.badInput)}
        />
      )}
      {help && (
        <span className="field-help" id={helpId}>
          {help}
        </span>
      )}
      {problem && (
        <span className="field-problem error run-flow-problem" id={problemId}>
          <CircleAlert size={14} aria-hidden="true" />
          {problem}
        </span>
      )}
    </div>
  );
}

/** Every field of a Run flow form, each with its problem from the last Continue. */
export function RunFlowFormFields({ form }: { form: RunFlowFormState }) {
  return (
    <>
      {form.fields.map((field) => {
        const problem = form.problems.find((p) => p.key === field.key);
        return (
          <RunFlowFormField
            key={field.key}
            field={field}
            id={form.idOf(field.key)}
            value={form.values[field.key]}
            problem={problem && runFlowProblemMessage(problem)}
            onChange={(value, unreadable) => form.change(field.key, value, unreadable)}
          />
        );
      })}
    </>
  );
}
