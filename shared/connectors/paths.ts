// Slash paths into JSON values ("inputs/interval/count", "inputs/variables/0/name"): read, and
// write without touching the original.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";

export function splitPath(path: string): string[] {
  return path === "" ? [] : path.split("/");
}

/** The value at the path, or undefined when any step of it is missing. "" is the value itself. */
export function getAt(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let current = value;
  for (const segment of splitPath(path)) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isJsonObject(current)) {
      current = Object.hasOwn(current, segment) ? current[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

function setIn(
  container: JsonValue | undefined,
  segments: readonly string[],
  value: JsonValue | undefined,
): JsonValue {
  const [head, ...rest] = segments;
  if (head === undefined) return value ?? null;
  const index = /^\d+$/.test(head) ? Number(head) : undefined;
  if (index !== undefined && (Array.isArray(container) || container === undefined)) {
    const copy = Array.isArray(container) ? [...container] : [];
    const child = rest.length === 0 ? value : setIn(copy[index], rest, value);
    if (child === undefined) copy.splice(index, 1);
    else {
      while (copy.length < index) copy.push(null);
      copy[index] = child;
    }
    return copy;
  }
  const copy: JsonObject = isJsonObject(container) ? { ...container } : {};
  const child = rest.length === 0 ? value : setIn(copy[head], rest, value);
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy;
}

/**
 * A copy of the object with the value placed at the path, creating objects (or arrays, for
 * numeric segments) on the way; undefined removes the last segment.
 */
export function setAt(root: JsonObject, path: string, value: JsonValue | undefined): JsonObject {
  const result = setIn(root, splitPath(path), value);
  return isJsonObject(result) ? result : root;
}

/** A deep copy of a JSON value (structuredClone is not part of the pure core's library). */
export function cloneJson<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Deep merge of plain objects; arrays and other values of `over` replace those of `base`. */
export function mergeJson(base: JsonObject, over: JsonObject): JsonObject {
  const result: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = result[key];
    result[key] =
      isJsonObject(existing) && isJsonObject(value) ? mergeJson(existing, value) : cloneJson(value);
  }
  return result;
}
