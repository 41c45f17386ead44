// Argument checks shared by the library, with the messages users see.
import type { JsonObject, JsonValue } from "../../json";
import { ExpressionError } from "../errors";
import { describeType, FloatValue, isObject, numberOf, type Value } from "../values";
import type { CallInfo } from "./types";

export function fail(call: CallInfo, message: string): ExpressionError {
  return new ExpressionError("runtime", `'${call.name}' ${message}`);
}

export function typeError(call: CallInfo, expects: string, index: number, value: Value): ExpressionError {
  return new ExpressionError(
    "type",
    `'${call.name}' expects ${expects}; argument ${index + 1} is ${describeType(value)}`,
  );
}

function arg(args: Value[], index: number): Value {
  const value = args[index];
  return value === undefined ? null : value;
}

export function optionalArg(args: Value[], index: number): Value | undefined {
  return args[index];
}

export function stringArg(args: Value[], index: number, call: CallInfo, expects = "a string"): string {
  const value = arg(args, index);
  if (typeof value !== "string") throw typeError(call, expects, index, value);
  return value;
}

export function optionalString(args: Value[], index: number, call: CallInfo): string | undefined {
  const value = args[index];
  if (value === undefined || value === null) return undefined;
  return stringArg(args, index, call);
}

export function numberArg(args: Value[], index: number, call: CallInfo, expects = "numbers"): number {
  const value = arg(args, index);
  if (typeof value === "number") return value;
  if (value instanceof FloatValue) return value.value;
  throw typeError(call, expects, index, value);
}

export function integerArg(args: Value[], index: number, call: CallInfo, expects = "an integer"): number {
  const value = arg(args, index);
  if (typeof value === "number" && Number.isInteger(value)) return value;
  throw typeError(call, expects, index, value);
}

export function booleanArg(args: Value[], index: number, call: CallInfo, expects = "booleans"): boolean {
  const value = arg(args, index);
  if (typeof value !== "boolean") throw typeError(call, expects, index, value);
  return value;
}

export function arrayArg(args: Value[], index: number, call: CallInfo, expects = "an array"): JsonValue[] {
  const value = arg(args, index);
  if (!Array.isArray(value)) throw typeError(call, expects, index, value);
  return value;
}

export function objectArg(args: Value[], index: number, call: CallInfo, expects = "an object"): JsonObject {
  const value = arg(args, index);
  if (!isObject(value)) throw typeError(call, expects, index, value);
  return value;
}

export function plainNumber(value: number | FloatValue): number {
  return numberOf(value);
}
