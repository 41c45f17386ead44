import { useEffect, useState } from "react";
import type { JsonValue } from "../../../shared/json";
import { t } from "../../i18n";

/** Raw JSON (schemas, adaptive cards): the text is kept while it does not parse, with the reason shown. */
export function JsonField({
  id,
  value,
  onChange,
  describedBy,
  readOnly,
}: {
  id: string;
  value: JsonValue | undefined;
  onChange: (value: JsonValue | undefined) => void;
  describedBy: string | undefined;
  readOnly: boolean;
}) {
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 2)));
  const [error, setError] = useState<string>();
  useEffect(() => {
    setText((current) => {
      try {
        if (current.trim() && JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // the person's half-typed text is replaced only by an outside change
      }
      return value === undefined ? "" : JSON.stringify(value, null, 2);
    });
  }, [value]);
  return (
    <>
      <textarea
        id={id}
        className="input json-field"
        spellCheck={false}
        rows={8}
        readOnly={readOnly}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value.trim()) {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value) as JsonValue);
            setError(undefined);
          } catch (cause) {
            setError(t("designer.field.invalidJson", { message: (cause as Error).message }));
          }
        }}
      />
      {error && <p className="field-problem error">{error}</p>}
    </>
  );
}
