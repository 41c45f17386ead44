// Conversions between what a form field shows and what the definition stores.
import type { JsonValue } from "../../../shared/json";

export function asText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Number fields keep numbers as numbers, and anything else (a token, an expression) as text. */
export function numberOrText(text: string, integer: boolean): JsonValue | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
    const n = Number(trimmed);
    return integer && !Number.isInteger(n) ? text : n;
  }
  return text;
}

export function isExpression(value: JsonValue | undefined): boolean {
  return typeof value === "string" && value.startsWith("@") && !value.startsWith("@@");
}
