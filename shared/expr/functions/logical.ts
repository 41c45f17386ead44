// Logical comparison functions.
import { FloatValue, type Value, valuesEqual } from "../values";
import { booleanArg, typeError } from "./args";
import { define } from "./define";
import type { CallInfo, FunctionDefinition } from "./types";

/** Compares two numbers or two strings (null is read as ''), as greater() and friends do. */
function compare(args: Value[], call: CallInfo): number {
  let a = args[0] ?? null;
  let b = args[1] ?? null;
  if (a instanceof FloatValue) a = a.value;
  if (b instanceof FloatValue) b = b.value;
  if (a === null) a = typeof b === "number" ? 0 : "";
  if (b === null) b = typeof a === "number" ? 0 : "";
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a !== "number" && typeof a !== "string") {
    throw typeError(call, "two numbers or two strings", 0, a);
  }
  throw typeError(call, "two numbers or two strings", 1, b);
}

export const logicalFunctions: FunctionDefinition[] = [
  define(
    "logical",
    "and(...expressions: boolean): boolean",
    "True when every argument is true.",
    (args, call) => {
      let result = true;
      for (let i = 0; i < args.length; i++) result = booleanArg(args, i, call) && result;
      return result;
    },
  ),
  define(
    "logical",
    "or(...expressions: boolean): boolean",
    "True when at least one argument is true.",
    (args, call) => {
      let result = false;
      for (let i = 0; i < args.length; i++) result = booleanArg(args, i, call) || result;
      return result;
    },
  ),
  define("logical", "not(expression: boolean): boolean", "True when the argument is false.", (args, call) => {
    return !booleanArg(args, 0, call, "a boolean");
  }),
  define(
    "logical",
    "equals(value: any, compareTo: any): boolean",
    "Whether two values are equivalent (numbers by value, true equals 1, null equals '', objects deeply).",
    (args) => valuesEqual(args[0] ?? null, args[1] ?? null),
    { keepsFloat: true },
  ),
  define(
    "logical",
    "greater(value: number | string, compareTo: number | string): boolean",
    "Whether the first value is greater than the second.",
    (args, call) => compare(args, call) > 0,
    { keepsFloat: true },
  ),
  define(
    "logical",
    "greaterOrEquals(value: number | string, compareTo: number | string): boolean",
    "Whether the first value is greater than or equal to the second.",
    (args, call) => compare(args, call) >= 0,
    { keepsFloat: true },
  ),
  define(
    "logical",
    "less(value: number | string, compareTo: number | string): boolean",
    "Whether the first value is less than the second.",
    (args, call) => compare(args, call) < 0,
    { keepsFloat: true },
  ),
  define(
    "logical",
    "lessOrEquals(value: number | string, compareTo: number | string): boolean",
    "Whether the first value is less than or equal to the second.",
    (args, call) => compare(args, call) <= 0,
    { keepsFloat: true },
  ),
  define(
    "logical",
    "if(expression: boolean, valueIfTrue: any, valueIfFalse: any): any",
    "Returns valueIfTrue when the expression is true, otherwise valueIfFalse (both are evaluated).",
    (args, call) =>
      booleanArg(args, 0, call, "a boolean condition") ? (args[1] ?? null) : (args[2] ?? null),
    { keepsFloat: true },
  ),
];
