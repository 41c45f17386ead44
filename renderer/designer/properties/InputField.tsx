import { Plus, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import type { InputDeclaration } from "../../../shared/connectors";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { t } from "../../i18n";
import { TokenInput } from "../expressions/TokenInput";
import { ConditionEditor } from "./ConditionEditor";
import { useFieldContext } from "./field-context";
import { JsonField } from "./JsonField";
import { asText, isExpression, numberOrText } from "./values";

export interface FieldProblem {
  message: string;
  severity: "error" | "warning";
}

interface Props {
  input: InputDeclaration;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  problem?: FieldProblem | undefined;
  /** Extra choices for this field (variable names declared in the flow…). */
  suggestions?: readonly string[];
  /** Set when the checker asked to focus this field. */
  focusRequested?: boolean;
}

/** One input of a step, with the editor its declaration calls for. */
export function InputField({ input, value, onChange, problem, suggestions, focusRequested }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const problemId = `${id}-problem`;
  const described =
    [input.help ? helpId : "", problem ? problemId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={`field property-field${focusRequested ? " focus-requested" : ""}`}
      data-field={input.name}
      data-testid="property-field"
    >
      <label className="field-label" htmlFor={id}>
        {input.title}
        {input.required && (
          <span className="required" aria-hidden="true">
            {" "}
            *
          </span>
        )}
        {input.required && <span className="visually-hidden"> {t("designer.field.required")}</span>}
      </label>
      <Editor
        id={id}
        input={input}
        value={value}
        onChange={onChange}
        describedBy={described}
        invalid={problem?.severity === "error"}
        suggestions={suggestions}
      />
      {input.help && (
        <p className="field-help" id={helpId}>
          {input.help}
        </p>
      )}
      {problem && (
        <p
          className={`field-problem ${problem.severity}`}
          id={problemId}
          role={problem.severity === "error" ? "alert" : undefined}
        >
          {problem.message}
        </p>
      )}
    </div>
  );
}

function Editor({
  id,
  input,
  value,
  onChange,
  describedBy,
  invalid,
  suggestions,
}: {
  id: string;
  input: InputDeclaration;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  describedBy: string | undefined;
  invalid: boolean;
  suggestions: readonly string[] | undefined;
}) {
  const { labels, openPicker, readOnly } = useFieldContext();
  const [custom, setCustom] = useState(false);
  const token = (
    multiline = false,
    convert: (text: string) => JsonValue | undefined = (text) => (text === "" ? undefined : text),
  ) => (
    <TokenInput
      id={id}
      value={asText(value)}
      onChange={(text) => onChange(convert(text))}
      labels={labels}
      multiline={multiline}
      invalid={invalid}
      ariaLabel={input.title}
      ariaDescribedBy={describedBy}
      readOnly={readOnly}
      onOpenPicker={openPicker}
      placeholder={input.required ? t("designer.field.requiredPlaceholder") : ""}
    />
  );

  if (input.format === "condition") return <ConditionEditor value={value} onChange={onChange} />;
  if (
    input.format === "json-schema" ||
    input.format === "adaptive-card" ||
    (input.type === "object" && !input.fields)
  ) {
    return (
      <JsonField id={id} value={value} onChange={onChange} describedBy={describedBy} readOnly={readOnly} />
    );
  }

  const choices =
    input.enum ??
    (input.type === "boolean"
      ? [
          { value: true, title: t("designer.field.yes") },
          { value: false, title: t("designer.field.no") },
        ]
      : undefined);
  const options =
    choices ??
    (suggestions && suggestions.length > 0 ? suggestions.map((s) => ({ value: s, title: s })) : undefined);
  if (
    options &&
    input.type !== "array" &&
    !custom &&
    !isExpression(value) &&
    (value === undefined || options.some((o) => o.value === value))
  ) {
    return (
      <select
        id={id}
        className="input"
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        disabled={readOnly}
        value={value === undefined ? "" : JSON.stringify(value)}
        onChange={(event) => {
          if (event.target.value === "__custom") setCustom(true);
          else
            onChange(event.target.value === "" ? undefined : (JSON.parse(event.target.value) as JsonValue));
        }}
      >
        <option value="">{input.required ? t("designer.field.choose") : "—"}</option>
        {options.map((option) => (
          <option key={JSON.stringify(option.value)} value={JSON.stringify(option.value)}>
            {option.title}
          </option>
        ))}
        <option value="__custom">{t("designer.field.custom")}</option>
      </select>
    );
  }

  if (input.type === "array" && input.fields)
    return <ObjectListField input={input} value={value} onChange={onChange} />;
  if (
    input.type === "array" &&
    input.items &&
    !isExpression(value) &&
    (value === undefined || Array.isArray(value))
  ) {
    return <ValueListField input={input} value={value} onChange={onChange} />;
  }
  if (input.type === "integer" || input.type === "number")
    return token(false, (text) => numberOrText(text, input.type === "integer"));
  return token(input.format === "multiline" || input.format === "markdown" || input.type === "html");
}

/** An array of plain values (e.g. "at these hours"): one row each. */
function ValueListField({
  input,
  value,
  onChange,
}: {
  input: InputDeclaration;
  value: JsonValue | undefined;
  onChange: (v: JsonValue | undefined) => void;
}) {
  const { labels, openPicker, readOnly } = useFieldContext();
  const list = Array.isArray(value) ? value : [];
  const set = (next: JsonValue[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <div className="list-field">
      {list.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div key={index} className="list-row">
          {input.enum ? (
            <select
              className="input"
              aria-label={t("designer.field.row", { title: input.title, number: index + 1 })}
              disabled={readOnly}
              value={JSON.stringify(item)}
              onChange={(event) =>
                set(list.map((v, i) => (i === index ? (JSON.parse(event.target.value) as JsonValue) : v)))
              }
            >
              {input.enum.map((option) => (
                <option key={JSON.stringify(option.value)} value={JSON.stringify(option.value)}>
                  {option.title}
                </option>
              ))}
            </select>
          ) : (
            <TokenInput
              value={asText(item)}
              labels={labels}
              ariaLabel={t("designer.field.row", { title: input.title, number: index + 1 })}
              readOnly={readOnly}
              onOpenPicker={openPicker}
              onChange={(text) =>
                set(
                  list.map((v, i) =>
                    i === index
                      ? input.items === "integer" || input.items === "number"
                        ? (numberOrText(text, input.items === "integer") ?? "")
                        : text
                      : v,
                  ),
                )
              }
            />
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t("designer.field.removeRow", { title: input.title, number: index + 1 })}
            disabled={readOnly}
            onClick={() => set(list.filter((_, i) => i !== index))}
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
          set([
            ...list,
            input.enum?.[0]?.value ?? (input.items === "integer" || input.items === "number" ? 0 : ""),
          ])
        }
      >
        <Plus size={14} aria-hidden="true" /> {t("designer.field.add")}
      </button>
    </div>
  );
}

/** An array of objects with declared fields (attachments, Select's mapping rows…). */
function ObjectListField({
  input,
  value,
  onChange,
}: {
  input: InputDeclaration;
  value: JsonValue | undefined;
  onChange: (v: JsonValue | undefined) => void;
}) {
  const { readOnly } = useFieldContext();
  const list = Array.isArray(value)
    ? value.map((v) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : {}))
    : [];
  const set = (next: JsonObject[]) => onChange(next.length === 0 ? undefined : next);
  return (
    <div className="list-field">
      {list.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <fieldset key={index} className="object-row">
          <legend>
            {t("designer.field.row", { title: input.title, number: index + 1 })}
            <button
              type="button"
              className="icon-button"
              aria-label={t("designer.field.removeRow", { title: input.title, number: index + 1 })}
              disabled={readOnly}
              onClick={() => set(list.filter((_, i) => i !== index))}
            >
              <Trash2 size={14} />
            </button>
          </legend>
          {(input.fields ?? []).map((field) => (
            <InputField
              key={field.name}
              input={field}
              value={item[field.name]}
              onChange={(v) => {
                const next = { ...item };
                if (v === undefined) delete next[field.name];
                else next[field.name] = v;
                set(list.map((row, i) => (i === index ? next : row)));
              }}
            />
          ))}
        </fieldset>
      ))}
      <button
        type="button"
        className="link-button add-row"
        disabled={readOnly}
        onClick={() => set([...list, {}])}
      >
        <Plus size={14} aria-hidden="true" />{" "}
        {t("designer.field.addObject", { title: input.title.toLowerCase() })}
      </button>
    </div>
  );
}
