// Variable types of InitializeVariable and the values each accepts.
import type { JsonValue } from "../../../shared/json";

export type VariableType = "string" | "integer" | "float" | "boolean" | "array" | "object";

const TYPES: readonly VariableType[] = ["string", "integer", "float", "boolean", "array", "object"];

export function variableType(written: string): VariableType | undefined {
  const lower = written.trim().toLowerCase();
  return TYPES.find((t) => t === lower);
}

export function valueFits(type: VariableType, value: JsonValue): boolean {
  if (value === null) return true;
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && !Array.isArray(value);
  }
}

export function defaultValue(type: VariableType): JsonValue {
  switch (type) {
    case "string":
      return "";
    case "integer":
    case "float":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return {};
  }
}

export function typeOfValue(value: JsonValue): string {
  if (value === null) return "Null";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "number") return Number.isInteger(value) ? "Integer" : "Float";
  if (typeof value === "object") return "Object";
  return typeof value === "string" ? "String" : "Boolean";
}
