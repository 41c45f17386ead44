// Math functions. Integer op Integer gives an Integer; any Float operand gives a Float.
import type { JsonValue } from "../../json";
import { float, isFloatTyped, isNumber, numberOf, type Value } from "../values";
import { fail, integerArg, numberArg, typeError } from "./args";
import { define } from "./define";
import type { CallInfo, FunctionDefinition } from "./types";

function arithmetic(args: Value[], call: CallInfo, op: (a: number, b: number) => number): Value {
  const a = numberArg(args, 0, call);
  const b = numberArg(args, 1, call);
  const result = op(a, b);
  if (!Number.isFinite(result)) throw fail(call, "result is not a finite number");
  return isFloatTyped(args[0] ?? null) || isFloatTyped(args[1] ?? null) ? float(result) : result;
}

function extreme(args: Value[], call: CallInfo, pick: (a: number, b: number) => boolean): Value {
  const first = args[0] ?? null;
  const values: Value[] = args.length === 1 && Array.isArray(first) ? (first as JsonValue[]) : args;
  if (values.length === 0) throw fail(call, "needs at least one number; the array is empty");
  let best: Value | undefined;
  values.forEach((value, i) => {
    if (!isNumber(value))
      throw typeError(call, "numbers or an array of numbers", args.length === 1 ? 0 : i, value);
    if (best === undefined || pick(numberOf(value), numberOf(best as number))) best = value;
  });
  return best ?? null;
}

export const mathFunctions: FunctionDefinition[] = [
  define(
    "math",
    "add(summand1: number, summand2: number): number",
    "The sum of two numbers.",
    (args, call) => arithmetic(args, call, (a, b) => a + b),
    { keepsFloat: true },
  ),
  define(
    "math",
    "sub(minuend: number, subtrahend: number): number",
    "The second number subtracted from the first.",
    (args, call) => arithmetic(args, call, (a, b) => a - b),
    { keepsFloat: true },
  ),
  define(
    "math",
    "mul(multiplicand1: number, multiplicand2: number): number",
    "The product of two numbers.",
    (args, call) => arithmetic(args, call, (a, b) => a * b),
    { keepsFloat: true },
  ),
  define(
    "math",
    "div(dividend: number, divisor: number): number",
    "The quotient; integer division (truncated) when both numbers are integers.",
    (args, call) => {
      const divisor = numberArg(args, 1, call);
      numberArg(args, 0, call);
      if (divisor === 0) throw fail(call, "cannot divide by zero");
      const floats = isFloatTyped(args[0] ?? null) || isFloatTyped(args[1] ?? null);
      return arithmetic(args, call, (a, b) => (floats ? a / b : Math.trunc(a / b)));
    },
    { keepsFloat: true },
  ),
  define(
    "math",
    "mod(dividend: number, divisor: number): number",
    "The remainder of the division (it has the sign of the dividend).",
    (args, call) => {
      const divisor = numberArg(args, 1, call);
      numberArg(args, 0, call);
      if (divisor === 0) throw fail(call, "cannot divide by zero");
      return arithmetic(args, call, (a, b) => a % b);
    },
    { keepsFloat: true },
  ),
  define(
    "math",
    "min(...numbers: number | array): number",
    "The lowest of the numbers, or of the numbers in one array.",
    (args, call) => extreme(args, call, (a, b) => a < b),
    { keepsFloat: true },
  ),
  define(
    "math",
    "max(...numbers: number | array): number",
    "The highest of the numbers, or of the numbers in one array.",
    (args, call) => extreme(args, call, (a, b) => a > b),
    { keepsFloat: true },
  ),
  define(
    "math",
    "range(startIndex: integer, count: integer): array",
    "An array of count consecutive integers starting at startIndex (count at most 100,000).",
    (args, call) => {
      const start = integerArg(args, 0, call, "integers");
      const count = integerArg(args, 1, call, "integers");
      if (count < 0) throw fail(call, `count must not be negative, got ${count}`);
      if (count > 100_000) throw fail(call, `count must not exceed 100000, got ${count}`);
      if (start + count > 2_147_483_647) throw fail(call, "startIndex plus count must not exceed 2147483647");
      return Array.from({ length: count }, (_, i) => start + i);
    },
  ),
  define(
    "math",
    "rand(minValue: integer, maxValue: integer): integer",
    "A random integer from minValue (inclusive) to maxValue (exclusive).",
    (args, call) => {
      const min = integerArg(args, 0, call, "integers");
      const max = integerArg(args, 1, call, "integers");
      if (min >= max) throw fail(call, `minValue (${min}) must be less than maxValue (${max})`);
      const r = call.context.random ? call.context.random() : Math.random();
      return Math.min(max - 1, min + Math.floor(r * (max - min)));
    },
  ),
];
