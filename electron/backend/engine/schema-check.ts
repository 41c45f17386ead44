// ParseJson's schema check, loose as Power Automate's: types, required properties and array items,
// nothing else (formats, patterns and bounds are not checked). Returns what does not fit.
import { isJsonObject, type JsonValue } from "../../../shared/json";

const MAX_PROBLEMS = 10;

function typeMatches(type: string, value: JsonValue): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isJsonObject(value);
    default:
      return true;
  }
}

function describe(value: JsonValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

export function schemaProblems(value: JsonValue, schema: JsonValue | undefined): string[] {
  const out: string[] = [];
  const visit = (v: JsonValue, s: JsonValue | undefined, path: string, depth: number): void => {
    if (out.length >= MAX_PROBLEMS || depth > 64 || !isJsonObject(s)) return;
    const type = s.type;
    const types =
      typeof type === "string"
        ? [type]
        : Array.isArray(type)
          ? type.filter((t) => typeof t === "string")
          : [];
    if (types.length > 0 && !types.some((t) => typeMatches(t as string, v))) {
      out.push(`${path}: expected ${types.join(" or ")}, found ${describe(v)}`);
      return;
    }
    if (isJsonObject(v)) {
      if (Array.isArray(s.required)) {
        for (const name of s.required) {
          if (typeof name === "string" && !Object.hasOwn(v, name))
            out.push(`${path}: required property '${name}' is missing`);
        }
      }
      if (isJsonObject(s.properties)) {
        for (const [name, sub] of Object.entries(s.properties)) {
          const child = Object.hasOwn(v, name) ? v[name] : undefined;
          if (child !== undefined) visit(child, sub, `${path}.${name}`, depth + 1);
        }
      }
    } else if (Array.isArray(v) && s.items !== undefined) {
      v.forEach((item, i) => {
        visit(item, s.items, `${path}[${i}]`, depth + 1);
      });
    }
  };
  visit(value, schema, "$", 0);
  return out;
}
