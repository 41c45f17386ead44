// JSON manipulation functions. Objects are never modified: each returns a copy.
import type { JsonValue } from "../../json";
import { copyObject, unbox } from "../values";
import { fail, objectArg, stringArg } from "./args";
import { define } from "./define";
import type { FunctionDefinition } from "./types";

export const manipulationFunctions: FunctionDefinition[] = [
  define(
    "manipulation",
    "coalesce(...values: any): any",
    "The first argument that is not null (empty strings, arrays and objects are not null).",
    (args) => {
      for (const value of args) if (value !== null) return value;
      return null;
    },
    { keepsFloat: true },
  ),
  define(
    "manipulation",
    "addProperty(object: object, property: string, value: any): object",
    "A copy of the object with a new property; fails if the property already exists.",
    (args, call) => {
      const object = objectArg(args, 0, call);
      const name = stringArg(args, 1, call);
      if (Object.hasOwn(object, name))
        throw fail(call, `property '${name}' already exists; use setProperty()`);
      const out = copyObject(object);
      Object.defineProperty(out, name, {
        value: unbox(args[2] ?? null) as JsonValue,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return out;
    },
  ),
  define(
    "manipulation",
    "setProperty(object: object, property: string, value: any): object",
    "A copy of the object with the property set (added when missing).",
    (args, call) => {
      const object = objectArg(args, 0, call);
      const name = stringArg(args, 1, call);
      const out = copyObject(object);
      Object.defineProperty(out, name, {
        value: unbox(args[2] ?? null) as JsonValue,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return out;
    },
  ),
  define(
    "manipulation",
    "removeProperty(object: object, property: string): object",
    "A copy of the object without the property (unchanged when it is missing).",
    (args, call) => {
      const object = objectArg(args, 0, call);
      const name = stringArg(args, 1, call);
      const out = copyObject(object);
      if (Object.hasOwn(out, name)) delete out[name];
      return out;
    },
  ),
];
