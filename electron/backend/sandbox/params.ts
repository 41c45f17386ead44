// Reads a connector call's parameters by their catalog names. Power Automate writes them flattened
// ("emailMessage/To") or nested under a prefix ({"emailMessage": {"To": …}}); both are read, and a
// missing or wrong value fails with a 400 that names the parameter.
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { badParameter } from "./errors";

export class Params {
  constructor(readonly raw: JsonObject) {}

  /** The value at a catalog name, flattened or nested; undefined when absent. */
  get(name: string): JsonValue | undefined {
    if (Object.hasOwn(this.raw, name)) return this.raw[name];
    const segments = name.split("/");
    for (let i = segments.length - 1; i > 0; i--) {
      const prefix = segments.slice(0, i).join("/");
      const nested = this.raw[prefix];
      if (!isJsonObject(nested)) continue;
      let current: JsonValue | undefined = nested;
      for (const segment of segments.slice(i)) {
        current = isJsonObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
      }
      if (current !== undefined) return current;
    }
    return undefined;
  }

  has(name: string): boolean {
    const value = this.get(name);
    return value !== undefined && value !== null && value !== "";
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined || value.trim() === "") throw badParameter(name, "is required.");
    return value;
  }

  optionalString(name: string): string | undefined {
    const value = this.get(name);
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badParameter(name, `must be text, not ${describe(value)}.`);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.get(name);
    if (value === undefined || value === null || value === "") return fallback;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "True") return true;
    if (value === "false" || value === "False") return false;
    throw badParameter(name, `must be true or false, not ${JSON.stringify(value)}.`);
  }

  optionalInteger(name: string, minimum: number): number | undefined {
    const value = this.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
    if (!Number.isInteger(number))
      throw badParameter(name, `must be a whole number, not ${JSON.stringify(value)}.`);
    if (number < minimum) throw badParameter(name, `must be at least ${minimum}.`);
    return number;
  }

  /** An array; a JSON text holding an array is accepted too (values typed into a text box). */
  optionalArray(name: string): JsonValue[] | undefined {
    const value = this.get(name);
    if (value === undefined || value === null || value === "") return undefined;
    if (Array.isArray(value)) return value;
    if (typeof value === "string") {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed)) return parsed as JsonValue[];
      } catch {
        // reported below
      }
    }
    throw badParameter(name, `must be a list, not ${describe(value)}.`);
  }

  /**
   * The fields of an object input: a nested object under the name, merged with flattened
   * "name/field" keys (a field name may itself contain slashes).
   */
  fields(name: string): JsonObject {
    const result: JsonObject = {};
    const nested = this.raw[name];
    if (isJsonObject(nested)) Object.assign(result, nested);
    else if (typeof nested === "string" && nested.trim().startsWith("{")) {
      try {
        const parsed: unknown = JSON.parse(nested);
        if (isJsonObject(parsed)) Object.assign(result, parsed);
      } catch {
        throw badParameter(name, "is not a valid JSON object.");
      }
    } else if (nested !== undefined && nested !== null && nested !== "") {
      throw badParameter(name, `must be an object, not ${describe(nested)}.`);
    }
    const prefix = `${name}/`;
    for (const [key, value] of Object.entries(this.raw)) {
      if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
    }
    return result;
  }
}

export function describe(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}

const EMAIL = /^[^\s@;,<>]+@[^\s@;,<>]+\.[^\s@;,<>]+$/;

/**
 * Addresses separated by semicolons (or commas), trimmed, without empties and duplicates; "Name
 * <a@b.c>" gives a@b.c. A malformed address fails with a 400 naming the parameter.
 */
export function parseAddresses(text: string, parameter: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const part of text.split(/[;,]/)) {
    let address = part.trim();
    const angled = /<([^>]+)>/.exec(address);
    if (angled?.[1]) address = angled[1].trim();
    if (address === "") continue;
    if (!EMAIL.test(address)) throw badParameter(parameter, `'${address}' is not an email address.`);
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(address);
  }
  return result;
}
