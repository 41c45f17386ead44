import { Plus, Trash2 } from "lucide-react";
import { useEffect, useState } from "react";
import type { WdlSwitchCase } from "../../../shared/flow";
import type { JsonPrimitive } from "../../../shared/json";
import { t } from "../../i18n";
import { displayName } from "../card-info";

/** The cases of a Switch: each case's value, add a case, remove one (with its steps). */
export function SwitchCasesEditor({
  cases,
  readOnly,
  onAdd,
  onRemove,
  onSetValue,
}: {
  cases: Readonly<Record<string, WdlSwitchCase>>;
  readOnly: boolean;
  onAdd: () => void;
  onRemove: (caseName: string) => void;
  onSetValue: (caseName: string, value: string | number) => void;
}) {
  return (
    <div className="field switch-cases" data-testid="switch-cases">
      <span className="field-label">{t("designer.switch.cases")}</span>
      <p className="field-help">{t("designer.switch.help")}</p>
      {Object.entries(cases).map(([name, entry]) => (
        <CaseRow
          key={name}
          name={name}
          value={entry.case ?? ""}
          readOnly={readOnly}
          onRemove={() => onRemove(name)}
          onSetValue={(v) => onSetValue(name, v)}
        />
      ))}
      <button type="button" className="link-button add-row" disabled={readOnly} onClick={onAdd}>
        <Plus size={14} aria-hidden="true" /> {t("designer.switch.addCase")}
      </button>
    </div>
  );
}

function CaseRow({
  name,
  value,
  readOnly,
  onRemove,
  onSetValue,
}: {
  name: string;
  value: JsonPrimitive;
  readOnly: boolean;
  onRemove: () => void;
  onSetValue: (value: string | number) => void;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  useEffect(() => setText(value === null ? "" : String(value)), [value]);
  const commit = () => {
    const next: string | number = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
    if (next !== value) onSetValue(next);
  };
  return (
    <div className="list-row">
      <label className="case-name" htmlFor={`case-${name}`}>
        {displayName(name)}
      </label>
      <input
        id={`case-${name}`}
        className="input"
        aria-label={t("designer.switch.caseValue", { case: displayName(name) })}
        readOnly={readOnly}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={t("designer.switch.removeCase", { case: displayName(name) })}
        disabled={readOnly}
        onClick={onRemove}
      >
        <Trash2 size={14} />
      </button>
    </div>
  );
}
