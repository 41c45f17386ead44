// String functions.
import { toText } from "../values";
import { fail, integerArg, numberArg, optionalString, stringArg } from "./args";
import { define } from "./define";
import { formatDotNetNumber, parseCultureNumber } from "./dotnetNumber";
import type { CallInfo, FunctionDefinition } from "./types";

function lower(text: string): string {
  return text.toLowerCase();
}

function randomHex(call: CallInfo, count: number): string {
  // Called on the context: its functions may be methods.
  const context = call.context;
  const random = () => (context.random ? context.random() : Math.random());
  let out = "";
  for (let i = 0; i < count; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** A version 4 GUID in .NET's N, D, B, P or X format. */
function makeGuid(call: CallInfo, format: string): string {
  const hex = randomHex(call, 32).split("");
  hex[12] = "4";
  hex[16] = "89ab"[Number.parseInt(hex[16] ?? "0", 16) & 3] ?? "8";
  const h = hex.join("");
  const d = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  switch (format) {
    case "N":
      return h;
    case "D":
      return d;
    case "B":
      return `{${d}}`;
    case "P":
      return `(${d})`;
    case "X": {
      const bytes = h.slice(16).match(/../g) ?? [];
      return `{0x${h.slice(0, 8)},0x${h.slice(8, 12)},0x${h.slice(12, 16)},{${bytes.map((b) => `0x${b}`).join(",")}}}`;
    }
    default:
      throw fail(call, `format must be one of 'N', 'D', 'B', 'P' or 'X', not '${format}'`);
  }
}

function nthIndexOf(text: string, search: string, occurrence: number): number {
  const t = lower(text);
  const s = lower(search);
  if (occurrence > 0) {
    let from = 0;
    for (let k = 1; ; k++) {
      const at = t.indexOf(s, from);
      if (at < 0) return -1;
      if (k === occurrence) return at;
      from = at + Math.max(1, s.length);
    }
  }
  let from = t.length;
  for (let k = -1; ; k--) {
    const at = t.lastIndexOf(s, from);
    if (at < 0) return -1;
    if (k === occurrence) return at;
    from = at - Math.max(1, s.length);
    if (from < 0) return -1;
  }
}

export const stringFunctions: FunctionDefinition[] = [
  define(
    "string",
    "concat(...texts: any): string",
    "Joins values into one string; non-strings are converted as in @{…}.",
    (args) => args.map(toText).join(""),
  ),
  define(
    "string",
    "substring(text: string, startIndex: integer, length?: integer): string",
    "Returns the characters from a 0-based position, optionally only `length` of them; out of range is an error.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const start = integerArg(args, 1, call, "an integer start index");
      if (start < 0 || start > text.length) {
        throw fail(call, `start index ${start} is out of range; the string has ${text.length} characters`);
      }
      if (args.length < 3 || args[2] === null) return text.slice(start);
      const length = integerArg(args, 2, call, "an integer length");
      if (length < 0) throw fail(call, `length must not be negative, got ${length}`);
      if (start + length > text.length) {
        throw fail(
          call,
          `start index ${start} plus length ${length} is past the end of the string, which has ${text.length} characters`,
        );
      }
      return text.slice(start, start + length);
    },
  ),
  define(
    "string",
    "slice(text: string, startIndex: integer, endIndex?: integer): string",
    "Returns the characters from startIndex up to (not including) endIndex; negative indexes count from the end.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const start = integerArg(args, 1, call, "an integer start index");
      if (args.length < 3 || args[2] === null) return text.slice(start);
      return text.slice(start, integerArg(args, 2, call, "an integer end index"));
    },
  ),
  define(
    "string",
    "replace(text: string, oldText: string, newText: string): string",
    "Replaces every occurrence of oldText (case-sensitive) with newText.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const oldText = stringArg(args, 1, call);
      const newText = args[2] === null ? "" : stringArg(args, 2, call);
      if (oldText.length === 0) throw fail(call, "cannot replace an empty string");
      return text.split(oldText).join(newText);
    },
  ),
  define(
    "string",
    "split(text: string, delimiter: string): array",
    "Splits a string at every occurrence of the delimiter.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const delimiter = stringArg(args, 1, call);
      return delimiter.length === 0 ? [text] : text.split(delimiter);
    },
  ),
  define("string", "toLower(text: string): string", "Returns the string in lowercase.", (args, call) =>
    stringArg(args, 0, call).toLowerCase(),
  ),
  define("string", "toUpper(text: string): string", "Returns the string in uppercase.", (args, call) =>
    stringArg(args, 0, call).toUpperCase(),
  ),
  define("string", "trim(text: string): string", "Removes leading and trailing whitespace.", (args, call) =>
    stringArg(args, 0, call).trim(),
  ),
  define(
    "string",
    "indexOf(text: string, searchText: string): integer",
    "The 0-based position of the first occurrence (case-insensitive), or -1.",
    (args, call) => lower(stringArg(args, 0, call)).indexOf(lower(stringArg(args, 1, call))),
  ),
  define(
    "string",
    "lastIndexOf(text: string, searchText: string): integer",
    "The 0-based position of the last occurrence (case-insensitive), or -1.",
    (args, call) => {
      const text = lower(stringArg(args, 0, call));
      const search = lower(stringArg(args, 1, call));
      if (search.length === 0) return text.length === 0 ? 0 : text.length - 1;
      return text.lastIndexOf(search);
    },
  ),
  define(
    "string",
    "nthIndexOf(text: string, searchText: string, occurrence: integer): integer",
    "The 0-based position of the nth occurrence (case-insensitive; negative counts from the end), or -1.",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const search = stringArg(args, 1, call);
      const occurrence = integerArg(args, 2, call, "an integer occurrence");
      if (occurrence === 0) throw fail(call, "occurrence must not be 0");
      return nthIndexOf(text, search, occurrence);
    },
  ),
  define(
    "string",
    "startsWith(text: string, searchText: string): boolean",
    "Whether the string starts with the substring (case-insensitive).",
    (args, call) => lower(stringArg(args, 0, call)).startsWith(lower(stringArg(args, 1, call))),
  ),
  define(
    "string",
    "endsWith(text: string, searchText: string): boolean",
    "Whether the string ends with the substring (case-insensitive).",
    (args, call) => lower(stringArg(args, 0, call)).endsWith(lower(stringArg(args, 1, call))),
  ),
  define(
    "string",
    "guid(format?: string): string",
    "A new random GUID; format N, D (default), B, P or X.",
    (args, call) => makeGuid(call, (optionalString(args, 0, call) ?? "D").toUpperCase()),
  ),
  define(
    "string",
    "formatNumber(number: number, format: string, locale?: string): string",
    "Formats a number with a .NET numeric format string ('C2', 'N0', '0.00', '#,##0.00'…) for a locale (default en-US).",
    (args, call) => {
      const n = numberArg(args, 0, call, "a number");
      const format = stringArg(args, 1, call);
      const locale = optionalString(args, 2, call) ?? "en-US";
      const isInteger = typeof args[0] === "number" && Number.isInteger(args[0]);
      const out = formatDotNetNumber(n, format, locale, isInteger);
      if (out === undefined) throw fail(call, `'${format}' is not a valid numeric format string`);
      return out;
    },
    { keepsFloat: true },
  ),
  define(
    "string",
    "isInt(text: string, locale?: string): boolean",
    "Whether the string is an integer number (as int() would read it).",
    (args, call) => {
      const text = stringArg(args, 0, call);
      const parsed = parseCultureNumber(text, optionalString(args, 1, call) ?? "en-US", false);
      return parsed !== undefined;
    },
  ),
  define(
    "string",
    "isFloat(text: string, locale?: string): boolean",
    "Whether the string is a floating-point number in the locale (default en-US, thousands separators allowed).",
    (args, call) => {
      const text = stringArg(args, 0, call);
      return parseCultureNumber(text, optionalString(args, 1, call) ?? "en-US", true) !== undefined;
    },
  ),
];
