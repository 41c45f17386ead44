// The rest of a records query: $orderby, $top/$skip, and the search box of the sandbox's lists.
import type { JsonValue } from "../../../shared/json";
import { ODataError } from "./odata-filter";
import type { SandboxRecord } from "./types";

export interface OrderKey {
  field: string;
  descending: boolean;
}

/** "number desc, displayName" → keys; fields checked case-insensitively against the given names. */
export function parseOrderBy(text: string, fieldNames: readonly string[]): OrderKey[] {
  const byLower = new Map(fieldNames.map((name) => [name.toLowerCase(), name]));
  const keys: OrderKey[] = [];
  let offset = 0;
  for (const part of text.split(",")) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    const [name, direction, extra] = words;
    if (name === undefined) throw new ODataError("Expected a field name", offset);
    const field = byLower.get(name.toLowerCase());
    if (field === undefined) throw new ODataError(`Unknown field '${name}'`, offset + part.indexOf(name));
    const dir = direction?.toLowerCase();
    if (extra !== undefined || (dir !== undefined && dir !== "asc" && dir !== "desc")) {
      throw new ODataError(`Expected asc or desc after '${name}'`, offset + part.indexOf(name));
    }
    keys.push({ field, descending: dir === "desc" });
    offset += part.length + 1;
  }
  return keys;
}

function rank(value: JsonValue | undefined): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === "boolean") return 1;
  if (typeof value === "number") return 2;
  return 3;
}

function compareValues(a: JsonValue | undefined, b: JsonValue | undefined): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = typeof a === "string" ? a : JSON.stringify(a ?? null);
  const sb = typeof b === "string" ? b : JSON.stringify(b ?? null);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sorts a copy by the keys; records that tie keep their order. */
export function sortRecords(records: readonly SandboxRecord[], keys: readonly OrderKey[]): SandboxRecord[] {
  if (keys.length === 0) return [...records];
  return [...records].sort((x, y) => {
    for (const key of keys) {
      const order = compareValues(x[key.field], y[key.field]);
      if (order !== 0) return key.descending ? -order : order;
    }
    return 0;
  });
}

/** The search box: every word must appear in some text or number field, case-insensitively. */
export function matchesSearch(record: SandboxRecord, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = Object.values(record)
    .filter((value) => typeof value === "string" || typeof value === "number")
    .join("\u0000")
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function page<T>(items: readonly T[], skip = 0, top?: number): T[] {
  return top === undefined ? items.slice(skip) : items.slice(skip, skip + top);
}
