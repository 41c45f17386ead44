// Conversion functions: between types, and between text encodings.
import type { JsonObject, JsonValue } from "../../json";
import { ExpressionError } from "../errors";
import { MAX_JSON_DEPTH } from "../limits";
import { FloatValue, float, getOwn, isObject, parseJson, toText, type Value, xmlText } from "../values";
import { fail, stringArg, typeError } from "./args";
import { define } from "./define";
import { parseCultureNumber } from "./dotnetNumber";
import {
  base64Decode,
  base64Encode,
  escapeDataString,
  unescapeDataBytes,
  utf8Decode,
  utf8Encode,
} from "./encoding";
import type { CallInfo, FunctionDefinition } from "./types";
import { xmlToJson } from "./xml";

/** Text of a value for the encoding functions: strings as they are, other values as in @{…}. */
function textOf(value: Value): string {
  return toText(value);
}

function decodeBase64Text(call: CallInfo, text: string): string {
  const bytes = base64Decode(text);
  if (bytes === undefined) throw fail(call, `expects a base64-encoded string, not '${shorten(text)}'`);
  return utf8Decode(bytes);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Logic Apps' content envelope for binary data. */
function envelope(contentType: string, base64: string): JsonObject {
  return { "$content-type": contentType, $content: base64 };
}

interface DataUri {
  mediaType: string;
  base64: boolean;
  data: string;
}

function parseDataUri(call: CallInfo, text: string): DataUri {
  const match = /^data:([^,]*?),(.*)$/s.exec(text.trim());
  if (!match) throw fail(call, `expects a data URI (data:[type][;base64],data), not '${shorten(text)}'`);
  let meta = match[1] ?? "";
  const base64 = /;base64$/i.test(meta);
  if (base64) meta = meta.slice(0, -7);
  return { mediaType: meta === "" ? "text/plain;charset=US-ASCII" : meta, base64, data: match[2] ?? "" };
}

function dataUriBytes(call: CallInfo, uri: DataUri): number[] {
  const bytes = uri.base64 ? base64Decode(uri.data) : unescapeDataBytes(uri.data);
  if (bytes === undefined) throw fail(call, "the data URI's data is not valid");
  return bytes;
}

function unescapeText(call: CallInfo, text: string): number[] {
  const bytes = unescapeDataBytes(text);
  if (bytes === undefined) throw fail(call, `found an invalid escape sequence in '${shorten(text)}'`);
  return bytes;
}

function jsonDepth(value: JsonValue, depth: number): number {
  if (depth > MAX_JSON_DEPTH) return depth;
  let max = depth;
  if (Array.isArray(value)) for (const v of value) max = Math.max(max, jsonDepth(v, depth + 1));
  else if (isObject(value))
    for (const k of Object.keys(value)) max = Math.max(max, jsonDepth(value[k] as JsonValue, depth + 1));
  return max;
}

/** Convert.ToInt64 on a double: rounds half to even. */
function roundHalfEven(n: number): number {
  const floor = Math.floor(n);
  const diff = n - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export const conversionFunctions: FunctionDefinition[] = [
  define(
    "conversion",
    "int(value: string | number): integer",
    "Converts a string holding an integer (or a number) to an integer.",
    (args, call) => {
      const value = args[0] ?? null;
      if (value instanceof FloatValue) return value.value;
      if (typeof value === "number") return Number.isInteger(value) ? value : roundHalfEven(value);
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value !== "string") throw typeError(call, "a string or a number", 0, value);
      const text = value.trim();
      if (!/^[+-]?\d+$/.test(text)) throw fail(call, `could not parse '${shorten(value)}' as an integer`);
      const n = Number(text);
      const big = BigInt(text.replace(/^\+/, ""));
      if (big > 9_223_372_036_854_775_807n || big < -9_223_372_036_854_775_808n) {
        throw fail(call, `the value '${shorten(value)}' is outside the range of an integer`);
      }
      return n === 0 ? 0 : n;
    },
    { keepsFloat: true },
  ),
  define(
    "conversion",
    "float(value: string | number, locale?: string): float",
    "Converts a string holding a number (thousands separators allowed) to a floating-point number.",
    (args, call) => {
      const value = args[0] ?? null;
      if (value instanceof FloatValue) return value;
      if (typeof value === "number") return float(value);
      if (typeof value !== "string") throw typeError(call, "a string or a number", 0, value);
      const locale = args[1] === undefined || args[1] === null ? "en-US" : stringArg(args, 1, call);
      const n = parseCultureNumber(value, locale, true);
      if (n === undefined) throw fail(call, `could not parse '${shorten(value)}' as a floating-point number`);
      return float(n);
    },
    { keepsFloat: true },
  ),
  define(
    "conversion",
    "decimal(value: string | number): float",
    "Converts a string holding a decimal number to a number (held as a double in Flowsmith).",
    (args, call) => {
      const value = args[0] ?? null;
      if (value instanceof FloatValue) return value;
      if (typeof value === "number") return float(value);
      if (typeof value !== "string") throw typeError(call, "a string or a number", 0, value);
      const n = parseCultureNumber(value, "en-US", true);
      if (n === undefined) throw fail(call, `could not parse '${shorten(value)}' as a decimal number`);
      return float(n);
    },
    { keepsFloat: true },
  ),
  define(
    "conversion",
    "string(value: any): string",
    "The text of a value: null gives '', booleans 'True'/'False', arrays and objects their JSON.",
    (args) => toText(args[0] ?? null),
  ),
  define(
    "conversion",
    "bool(value: any): boolean",
    "Converts 'true'/'false' (any letter case), numbers (0 is false) and booleans to a boolean.",
    (args, call) => {
      const value = args[0] ?? null;
      if (typeof value === "boolean") return value;
      if (typeof value === "number") return value !== 0;
      if (value === null) return false;
      if (typeof value === "string") {
        const text = value.trim().toLowerCase();
        if (text === "true") return true;
        if (text === "false") return false;
        if (/^[+-]?\d+$/.test(text)) return Number(text) !== 0;
        throw fail(call, `could not convert '${shorten(value)}' to a boolean`);
      }
      throw typeError(call, "a string, a number or a boolean", 0, value);
    },
  ),
  define(
    "conversion",
    "json(value: string | object): any",
    "Parses a JSON string into its value, or converts XML to JSON (null gives an empty object; objects and arrays pass through).",
    (args, call) => {
      const value = args[0] ?? null;
      if (value === null) return {};
      const xml = xmlText(value);
      if (xml !== undefined) return xmlToJson(call, xml);
      if (typeof value !== "string") return value;
      let parsed: JsonValue;
      try {
        parsed = parseJson(value);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw fail(call, `could not parse the string as JSON: ${detail}`);
      }
      if (jsonDepth(parsed, 1) > MAX_JSON_DEPTH) {
        throw new ExpressionError("limit", `'json' value is nested deeper than ${MAX_JSON_DEPTH} levels`);
      }
      return parsed;
    },
  ),
  define("conversion", "array(value: any): array", "An array holding the single value.", (args) => [
    (args[0] ?? null) as JsonValue,
  ]),
  define(
    "conversion",
    "createArray(...values?: any): array",
    "An array of the values, in order.",
    (args) => args as JsonValue[],
  ),
  define(
    "conversion",
    "base64(value: string): string",
    "The base64 encoding of the string's UTF-8 bytes.",
    (args) => base64Encode(utf8Encode(textOf(args[0] ?? null))),
  ),
  define(
    "conversion",
    "base64ToString(value: string): string",
    "Decodes a base64 string to text (UTF-8).",
    (args, call) => decodeBase64Text(call, stringArg(args, 0, call)),
  ),
  define(
    "conversion",
    "decodeBase64(value: string): string",
    "Decodes a base64 string to text; deprecated, use base64ToString().",
    (args, call) => decodeBase64Text(call, stringArg(args, 0, call)),
  ),
  define(
    "conversion",
    "base64ToBinary(value: string): object",
    "Binary content ({ $content-type, $content }) from a base64 string.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const bytes = base64Decode(text);
      if (bytes === undefined) throw fail(call, `expects a base64-encoded string, not '${shorten(text)}'`);
      return envelope("application/octet-stream", base64Encode(bytes));
    },
  ),
  define(
    "conversion",
    "binary(value: string): object",
    "Binary content ({ $content-type, $content }) holding the string's UTF-8 bytes.",
    (args) => envelope("application/octet-stream", base64Encode(utf8Encode(textOf(args[0] ?? null)))),
  ),
  define(
    "conversion",
    "dataUri(value: string): string",
    "A data URI (text/plain, UTF-8, base64) for the string.",
    (args) => {
      const value = args[0] ?? null;
      if (isObject(value) && typeof getOwn(value, "$content") === "string") {
        const type = getOwn(value, "$content-type");
        return `data:${typeof type === "string" ? type : "application/octet-stream"};base64,${getOwn(value, "$content")}`;
      }
      return `data:text/plain;charset=utf-8;base64,${base64Encode(utf8Encode(textOf(value)))}`;
    },
  ),
  define(
    "conversion",
    "dataUriToString(value: string): string",
    "The text held by a data URI.",
    (args, call) => utf8Decode(dataUriBytes(call, parseDataUri(call, stringArg(args, 0, call)))),
  ),
  define(
    "conversion",
    "dataUriToBinary(value: string): object",
    "Binary content ({ $content-type, $content }) held by a data URI.",
    (args, call) => {
      const uri = parseDataUri(call, stringArg(args, 0, call));
      return envelope(uri.mediaType, base64Encode(dataUriBytes(call, uri)));
    },
  ),
  define(
    "conversion",
    "decodeDataUri(value: string): object",
    "Binary content held by a data URI; the same as dataUriToBinary().",
    (args, call) => {
      const uri = parseDataUri(call, stringArg(args, 0, call));
      return envelope(uri.mediaType, base64Encode(dataUriBytes(call, uri)));
    },
  ),
  define(
    "conversion",
    "encodeUriComponent(value: string): string",
    "Escapes every character that is not URL-safe (%XX of the UTF-8 bytes).",
    (args) => escapeDataString(textOf(args[0] ?? null)),
  ),
  define(
    "conversion",
    "uriComponent(value: string): string",
    "Escapes every character that is not URL-safe; the same as encodeUriComponent().",
    (args) => escapeDataString(textOf(args[0] ?? null)),
  ),
  define(
    "conversion",
    "decodeUriComponent(value: string): string",
    "Replaces %XX escape sequences with the characters they stand for.",
    (args, call) => utf8Decode(unescapeText(call, stringArg(args, 0, call))),
  ),
  define(
    "conversion",
    "uriComponentToString(value: string): string",
    "Decodes a URI-encoded string; the same as decodeUriComponent().",
    (args, call) => utf8Decode(unescapeText(call, stringArg(args, 0, call))),
  ),
  define(
    "conversion",
    "uriComponentToBinary(value: string): object",
    "Binary content ({ $content-type, $content }) of a decoded URI-encoded string.",
    (args, call) =>
      envelope("application/octet-stream", base64Encode(unescapeText(call, stringArg(args, 0, call)))),
  ),
];
