// Runtime values. Expressions compute JSON values, with one refinement: WDL tells
// Integer from Float (div(11, 5) is 2 but div(11, 5.0) is 2.2) while a JS number does
// not. A Float whose value happens to be integral travels boxed in a FloatValue between
// the functions that care (math and conversions); everywhere else it is a plain number.
import type { JsonObject, JsonValue } from "../json";
import { base64Decode, utf8Decode } from "./functions/encoding";

export class FloatValue {
  constructor(readonly value: number) {}
}

export type Value = JsonValue | FloatValue;

export type ValueType = "string" | "integer" | "float" | "boolean" | "array" | "object" | "null";

export function typeOf(value: Value): ValueType {
  if (value === null) return "null";
  if (value instanceof FloatValue) return "float";
  switch (typeof value) {
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "integer" : "float";
    case "boolean":
      return "boolean";
    default:
      return Array.isArray(value) ? "array" : "object";
  }
}

/** "a string", "an integer", "null"… for error messages. */
export function describeType(value: Value): string {
  const type = typeOf(value);
  if (type === "null") return "null";
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

export function unbox(value: Value): JsonValue {
  return value instanceof FloatValue ? value.value : value;
}

export function isNumber(value: Value): value is number | FloatValue {
  return typeof value === "number" || value instanceof FloatValue;
}

export function numberOf(value: number | FloatValue): number {
  return typeof value === "number" ? value : value.value;
}

export function isFloatTyped(value: Value): boolean {
  return value instanceof FloatValue || (typeof value === "number" && !Number.isInteger(value));
}

/** A number result typed as Float: boxed when integral so the type survives. */
export function float(n: number): number | FloatValue {
  return Number.isInteger(n) ? new FloatValue(n) : n;
}

export function isObject(value: Value | undefined): value is JsonObject {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof FloatValue)
  );
}

/** Own-property lookup: never reaches the prototype chain. */
export function getOwn(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own data property even for keys like "__proto__" (never changes a prototype). */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  // "__proto__" is the one accessor of Object.prototype: any other key assigns an own data property
  // (the cheap path, taken for nearly every key).
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}

/** A shallow copy made with own data properties only. */
export function copyObject(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object)) setOwn(out, key, object[key] as JsonValue);
  return out;
}

/** JSON.parse that keeps "__proto__" keys as plain data. */
export function parseJson(text: string): JsonValue {
  return JSON.parse(text, (_key, value: JsonValue) => {
    if (isObject(value) && Object.hasOwn(value, "__proto__")) {
      const out: JsonObject = {};
      for (const k of Object.keys(value)) setOwn(out, k, value[k] as JsonValue);
      return out;
    }
    return value;
  }) as JsonValue;
}

/** The content type xml() gives its values. */
export const XML_CONTENT_TYPE = "application/xml;charset=utf-8";

/**
 * Logic Apps' form of content that is not JSON: exactly { "$content-type": type, "$content": base64 }.
 * binary(), xml() and connectors returning files or XML give values of this form.
 */
export function contentOf(value: Value | undefined): { type: string; base64: string } | undefined {
  if (!isObject(value) || Object.keys(value).length !== 2) return undefined;
  const type = getOwn(value, "$content-type");
  const base64 = getOwn(value, "$content");
  return typeof type === "string" && typeof base64 === "string" ? { type, base64 } : undefined;
}

/** application/xml, text/xml and any …+xml media type, with or without parameters. */
export function isXmlContentType(type: string): boolean {
  const media = (type.split(";")[0] ?? "").trim().toLowerCase();
  return media === "application/xml" || media === "text/xml" || media.endsWith("+xml");
}

/** The XML text of an XML value (from xml() or xpath(), or XML content a connector returned). */
export function xmlText(value: Value | undefined): string | undefined {
  const content = contentOf(value);
  if (content === undefined || !isXmlContentType(content.type)) return undefined;
  const bytes = base64Decode(content.base64);
  return bytes === undefined ? undefined : utf8Decode(bytes);
}

/** Number to text as .NET prints it (shortest round-trip; 'E' exponents with two digits). */
export function formatNumberInvariant(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n === 0 ? "0" : String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-4) {
    const [mantissa = "", exponent = "0"] = n.toExponential().split("e");
    const e = Number(exponent);
    return `${mantissa}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(n);
}

/**
 * The text of a value inside `@{…}`, concat() and string(): JSON for arrays and objects, and the
 * XML text for an XML value.
 */
export function toText(value: Value): string {
  if (value === null) return "";
  if (value instanceof FloatValue) return formatNumberInvariant(value.value);
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return formatNumberInvariant(value);
    case "boolean":
      return value ? "True" : "False";
    default:
      return xmlText(value) ?? JSON.stringify(value);
  }
}

/**
 * WDL equality (equals(), contains(), union()…): numbers by value, true equals 1 and
 * false equals 0, null equals the empty string, arrays and objects deeply.
 */
export function valuesEqual(a: Value, b: Value): boolean {
  const x = unbox(a);
  const y = unbox(b);
  if (x === y) return true;
  if (x === null) return y === "";
  if (y === null) return x === "";
  if (typeof x === "boolean" && typeof y === "number") return x === (y !== 0);
  if (typeof x === "number" && typeof y === "boolean") return y === (x !== 0);
  if (typeof x !== "object" || typeof y !== "object") return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!valuesEqual(x[i] as JsonValue, y[i] as JsonValue)) return false;
    return true;
  }
  if (Array.isArray(y)) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(y, key)) return false;
    if (!valuesEqual(x[key] as JsonValue, y[key] as JsonValue)) return false;
  }
  return true;
}
