// Field values of Business Central records: the blank record of a table, and turning what a flow
// or a person typed into the field's type ("1200.50" into 1200.5, "true" into true, an option into
// its exact spelling), with a 400 naming the field when it cannot be.
import type { BcField } from "../../../shared/connectors";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { badParameter } from "./errors";
import { describe } from "./params";
import type { SandboxTable } from "./tables";

export const BLANK_DATE = "0001-01-01";
export const BLANK_DATE_TIME = "0001-01-01T00:00:00Z";

export function blankValue(field: BcField): JsonValue {
  if (field.enum) return field.enum[0] ?? "";
  switch (field.type) {
    case "number":
    case "integer":
      return 0;
    case "boolean":
      return false;
    case "date":
      return BLANK_DATE;
    case "date-time":
      return BLANK_DATE_TIME;
    default:
      return "";
  }
}

/** Every field of the table at its blank value, in the table's field order. */
export function blankRecord(table: SandboxTable): JsonObject {
  const record: JsonObject = {};
  for (const field of table.fields) record[field.name] = blankValue(field);
  return record;
}

/** The value in the field's type; `parameter` is what a 400 names ("item/creditLimit"). */
export function coerceField(field: BcField, value: JsonValue, parameter: string): JsonValue {
  if (typeof value === "object" && value !== null) {
    throw badParameter(parameter, `must be a single value, not ${describe(value)}.`);
  }
  if (field.enum) {
    const given = value === null ? "" : String(value);
    const exact = field.enum.find((option) => option === given);
    if (exact !== undefined) return exact;
    const loose = field.enum.find((option) => option.trim().toLowerCase() === given.trim().toLowerCase());
    if (loose !== undefined) return loose;
    const options = field.enum.map((option) => `'${option}'`).join(", ");
    throw badParameter(parameter, `'${given}' is not one of ${options}.`);
  }
  switch (field.type) {
    case "number":
    case "integer": {
      if (value === null || value === "") return 0;
      const number =
        typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
      if (!Number.isFinite(number))
        throw badParameter(parameter, `must be a number, not ${describe(value)}.`);
      if (field.type === "integer" && !Number.isInteger(number)) {
        throw badParameter(parameter, `must be a whole number, not ${number}.`);
      }
      return number;
    }
    case "boolean": {
      if (typeof value === "boolean") return value;
      if (value === null || value === "") return false;
      const lower = String(value).toLowerCase();
      if (lower === "true" || lower === "1" || lower === "yes") return true;
      if (lower === "false" || lower === "0" || lower === "no") return false;
      throw badParameter(parameter, `must be true or false, not ${describe(value)}.`);
    }
    case "date": {
      if (value === null || value === "") return BLANK_DATE;
      const text = String(value);
      const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
      if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) {
        throw badParameter(parameter, `must be a date like 2026-01-31, not ${describe(value)}.`);
      }
      return new Date(time).toISOString().slice(0, 10);
    }
    case "date-time": {
      if (value === null || value === "") return BLANK_DATE_TIME;
      const time = Date.parse(String(value));
      if (Number.isNaN(time)) {
        throw badParameter(
          parameter,
          `must be a date and time like 2026-01-31T09:00:00Z, not ${describe(value)}.`,
        );
      }
      return new Date(time).toISOString();
    }
    default:
      return value === null ? "" : String(value);
  }
}

/**
 * Checks and converts the fields a write gives: unknown and read-only fields are refused, each
 * value is coerced. `prefix` is how the parameters name fields ("item/").
 */
export function writableFields(table: SandboxTable, given: JsonObject, prefix: string): JsonObject {
  const result: JsonObject = {};
  for (const [name, value] of Object.entries(given)) {
    // The record's own envelope fields come back when a flow passes a read record on: ignore them.
    if (name.startsWith("@odata.")) continue;
    const field =
      table.fields.find((candidate) => candidate.name === name) ??
      table.fields.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!field) throw badParameter(`${prefix}${name}`, `table ${table.name} has no field '${name}'.`);
    if (field.readOnly)
      throw badParameter(`${prefix}${field.name}`, "is read-only: Business Central sets it.");
    result[field.name] = coerceField(field, value, `${prefix}${field.name}`);
  }
  return result;
}
