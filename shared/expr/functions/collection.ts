// Collection functions: strings, arrays and (for some) objects.
import type { JsonObject, JsonValue } from "../../json";
import { describeType, getOwn, isObject, setOwn, type Value, valuesEqual } from "../values";
import { arrayArg, fail, integerArg, optionalString, stringArg, typeError } from "./args";
import { define } from "./define";
import type { CallInfo, FunctionDefinition } from "./types";

function stringOrArray(args: Value[], index: number, call: CallInfo): string | JsonValue[] {
  const value = args[index] ?? null;
  if (typeof value === "string" || Array.isArray(value)) return value;
  throw typeError(call, "a string or an array", index, value);
}

function countArg(args: Value[], index: number, call: CallInfo): number {
  const count = integerArg(args, index, call, "an integer count");
  if (count < 0) throw fail(call, `count must not be negative, got ${count}`);
  return count;
}

/**
 * A key under which values that WDL calls equal (valuesEqual) meet: numbers and booleans
 * by numeric value, null with '', arrays and objects by content (keys sorted).
 */
function equalityKey(value: JsonValue): string {
  if (value === null || value === "") return "s:";
  switch (typeof value) {
    case "string":
      return `s:${value}`;
    case "number":
      return `n:${value}`;
    case "boolean":
      return `n:${value ? 1 : 0}`;
    default:
      if (Array.isArray(value)) return `a:[${value.map(equalityKey).join(",")}]`;
      return `o:{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${equalityKey(value[k] as JsonValue)}`)
        .join(",")}}`;
  }
}

/** Appends the items not seen before (by equalityKey), in order. */
function distinctPush(out: JsonValue[], seen: Set<string>, item: JsonValue): void {
  const key = equalityKey(item);
  if (seen.has(key)) return;
  seen.add(key);
  out.push(item);
}

/** All arrays or all objects, never mixed. */
function collections(args: Value[], call: CallInfo): { arrays?: JsonValue[][]; objects?: JsonObject[] } {
  const first = args[0] ?? null;
  if (Array.isArray(first)) {
    return { arrays: args.map((_, i) => arrayArg(args, i, call, "collections that are all arrays")) };
  }
  if (isObject(first)) {
    return {
      objects: args.map((a, i) => {
        if (!isObject(a)) throw typeError(call, "collections that are all objects", i, a);
        return a;
      }),
    };
  }
  throw typeError(call, "arrays or objects", 0, first);
}

function compareForSort(a: JsonValue, b: JsonValue, call: CallInfo): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  throw fail(call, `cannot compare ${describeType(a)} with ${describeType(b)}`);
}

export const collectionFunctions: FunctionDefinition[] = [
  define(
    "collection",
    "contains(collection: string | array | object, value: any): boolean",
    "Whether a string has a substring (case-sensitive), an array has an item, or an object has a key.",
    (args, call) => {
      const collection = args[0] ?? null;
      const value = args[1] ?? null;
      if (typeof collection === "string") {
        if (typeof value !== "string") throw typeError(call, "a string to look for in a string", 1, value);
        return collection.includes(value);
      }
      if (Array.isArray(collection)) return collection.some((item) => valuesEqual(item, value));
      if (isObject(collection)) {
        if (typeof value !== "string")
          throw typeError(call, "a string key to look for in an object", 1, value);
        return Object.hasOwn(collection, value);
      }
      throw typeError(call, "a string, an array or an object", 0, collection);
    },
  ),
  define(
    "collection",
    "empty(collection: string | array | object): boolean",
    "Whether a string, array or object is empty (null counts as empty).",
    (args, call) => {
      const value = args[0] ?? null;
      if (value === null) return true;
      if (typeof value === "string" || Array.isArray(value)) return value.length === 0;
      if (isObject(value)) return Object.keys(value).length === 0;
      throw typeError(call, "a string, an array or an object", 0, value);
    },
  ),
  define(
    "collection",
    "first(collection: string | array): any",
    "The first character of a string or item of an array (null when empty).",
    (args, call) => {
      const c = stringOrArray(args, 0, call);
      return c.length === 0 ? null : (c[0] as JsonValue);
    },
  ),
  define(
    "collection",
    "last(collection: string | array): any",
    "The last character of a string or item of an array (null when empty).",
    (args, call) => {
      const c = stringOrArray(args, 0, call);
      return c.length === 0 ? null : (c[c.length - 1] as JsonValue);
    },
  ),
  define(
    "collection",
    "length(collection: string | array): integer",
    "The number of characters in a string or items in an array.",
    (args, call) => stringOrArray(args, 0, call).length,
  ),
  define(
    "collection",
    "join(collection: array, delimiter: string): string",
    "Joins the items of an array into one string with the delimiter between them.",
    (args, call) => {
      const items = arrayArg(args, 0, call);
      const delimiter = stringArg(args, 1, call);
      return items
        .map((item) =>
          item === null ? "" : typeof item === "object" ? JSON.stringify(item) : joinText(item),
        )
        .join(delimiter);
    },
  ),
  define(
    "collection",
    "union(...collections{2}: array | object): any",
    "All the items of the arrays without duplicates, or all the properties of the objects (the last one wins).",
    (args, call) => {
      const { arrays, objects } = collections(args, call);
      if (arrays) {
        const out: JsonValue[] = [];
        const seen = new Set<string>();
        for (const array of arrays) for (const item of array) distinctPush(out, seen, item);
        return out;
      }
      const out: JsonObject = {};
      for (const object of objects ?? []) {
        for (const key of Object.keys(object)) setOwn(out, key, object[key] as JsonValue);
      }
      return out;
    },
  ),
  define(
    "collection",
    "intersection(...collections{2}: array | object): any",
    "Only the items found in every array, or the properties (same name and value) found in every object.",
    (args, call) => {
      const { arrays, objects } = collections(args, call);
      if (arrays) {
        const [first = [], ...rest] = arrays;
        const restKeys = rest.map((array) => new Set(array.map(equalityKey)));
        const out: JsonValue[] = [];
        const seen = new Set<string>();
        for (const item of first) {
          const key = equalityKey(item);
          if (restKeys.every((keys) => keys.has(key))) distinctPush(out, seen, item);
        }
        return out;
      }
      const [first = {}, ...rest] = objects ?? [];
      const out: JsonObject = {};
      for (const key of Object.keys(first)) {
        const value = first[key] as JsonValue;
        if (
          rest.every((o) => {
            const other = getOwn(o, key);
            return other !== undefined && valuesEqual(other, value);
          })
        ) {
          const lastObject = rest[rest.length - 1] ?? first;
          setOwn(out, key, getOwn(lastObject, key) ?? value);
        }
      }
      return out;
    },
  ),
  define(
    "collection",
    "skip(collection: string | array, count: integer): any",
    "Removes count items from the front and returns the rest.",
    (args, call) => {
      const c = stringOrArray(args, 0, call);
      return c.slice(countArg(args, 1, call));
    },
  ),
  define(
    "collection",
    "take(collection: string | array, count: integer): any",
    "Returns the first count items.",
    (args, call) => {
      const c = stringOrArray(args, 0, call);
      return c.slice(0, countArg(args, 1, call));
    },
  ),
  define(
    "collection",
    "reverse(collection: array): array",
    "The items of an array in reverse order.",
    (args, call) => [...arrayArg(args, 0, call)].reverse(),
  ),
  define(
    "collection",
    "sort(collection: array, sortBy?: string): array",
    "Sorts numbers, strings or booleans ascending; objects by the property named sortBy.",
    (args, call) => {
      const items = arrayArg(args, 0, call);
      const sortBy = optionalString(args, 1, call);
      if (sortBy === undefined) return [...items].sort((a, b) => compareForSort(a, b, call));
      const keyOf = (item: JsonValue): JsonValue => {
        if (!isObject(item))
          throw fail(call, `can only sort objects by '${sortBy}', not ${describeType(item)}`);
        return getOwn(item, sortBy) ?? null;
      };
      return [...items].sort((a, b) => compareForSort(keyOf(a), keyOf(b), call));
    },
  ),
  define(
    "collection",
    "chunk(collection: string | array, length: integer): array",
    "Splits a string or an array into pieces of the given length (the last may be shorter).",
    (args, call) => {
      const c = stringOrArray(args, 0, call);
      const size = integerArg(args, 1, call, "an integer length");
      if (size <= 0) throw fail(call, `length must be greater than 0, got ${size}`);
      const out: JsonValue[] = [];
      for (let i = 0; i < c.length; i += size) out.push(c.slice(i, i + size));
      return out;
    },
  ),
];

function joinText(value: string | number | boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  return typeof value === "number" ? String(value) : value;
}
