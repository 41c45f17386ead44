// Rewriting every string of a JSON value (expressions live in strings), sharing what is unchanged.
import type { JsonValue } from "../../json";
import { putOwn } from "../own";

/** `value` with `rewrite` applied to every string (not to keys); unchanged parts are the same objects. */
export function mapStrings<T extends JsonValue>(value: T, rewrite: (text: string) => string): T {
  if (typeof value === "string") return rewrite(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const next = mapStrings(item, rewrite);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === "object") {
    let changed = false;
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      const next = mapStrings(item, rewrite);
      if (next !== item) changed = true;
      putOwn(out, key, next);
    }
    return (changed ? out : value) as T;
  }
  return value;
}
