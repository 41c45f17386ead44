import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import { xmlText } from "../../shared/expr";
import type { JsonValue } from "../../shared/json";
import { t } from "../i18n";

/** A JSON value as a tree whose objects and arrays fold; long strings wrap; copy-friendly. */
export function JsonTree({ value, label, depth = 0 }: { value: JsonValue; label?: string; depth?: number }) {
  const [open, setOpen] = useState(depth < 2);
  const name = label !== undefined ? <span className="json-key">{label}: </span> : null;
  if (value === null || typeof value !== "object") {
    return (
      <div className="json-line">
        {name}
        <span className={`json-${value === null ? "null" : typeof value}`}>
          {typeof value === "string" ? JSON.stringify(value) : String(value)}
        </span>
      </div>
    );
  }
  // XML that a step built or a service returned is content ({$content-type, $content: base64}):
  // shown as its text, as a person reads it.
  const xml = xmlText(value);
  if (xml !== undefined) {
    return (
      <div className="json-line">
        {name}
        <span className="json-badge">{t("runs.xmlContent")}</span> <span className="json-xml">{xml}</span>
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value);
  const brackets = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    return (
      <div className="json-line">
        {name}
        <span className="json-empty">{brackets.join("")}</span>
      </div>
    );
  }
  return (
    <div className="json-node">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? <ChevronDown size={12} aria-hidden="true" /> : <ChevronRight size={12} aria-hidden="true" />}
        {name}
        <span className="json-summary">
          {brackets[0]}
          {!open &&
            `${t(Array.isArray(value) ? "runs.jsonItems" : "runs.jsonFields", { count: entries.length })}${brackets[1]}`}
        </span>
      </button>
      {open && (
        <div className="json-children">
          {entries.map(([key, child]) => (
            <JsonTree key={key} label={key} value={child} depth={depth + 1} />
          ))}
          <div className="json-line">{brackets[1]}</div>
        </div>
      )}
    </div>
  );
}
