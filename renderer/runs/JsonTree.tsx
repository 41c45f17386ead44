import { ChevronDown, ChevronRight } from "lucide-react";
import { useState } from "react";
import type { JsonValue } from "../../shared/json";

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
          {!open && `${entries.length} ${Array.isArray(value) ? "items" : "fields"}${brackets[1]}`}
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
