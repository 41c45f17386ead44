// What a person typed on a card or in a New record dialog, read the way people type it: dates in
// several forms, numbers with thousands separators, and every field that cannot be read said in
// people's words under the field ("Credit limit (LCY) must be a number."), before anything is sent.
import type { JsonObject } from "../../../shared/json";
import { formatDate, t } from "../../i18n";
import { type FieldInfo, inputValue, isNumeric, typedNumber } from "./bc-model";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(text: string): boolean {
  return (
    ISO_DAY.test(text) &&
    dayOf(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8))) !== undefined
  );
}

/** "2026-11-24" for a real day, undefined for 2026-02-30 and the like. */
function dayOf(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const fullYear = (text: string): number => {
  const year = Number(text);
  return text.length <= 2 ? 2000 + year : year;
};

/**
 * A day as a person types it, as "YYYY-MM-DD": "2026-11-24", "11/24/2026" (month first, as the
 * app's English writes dates), "11/24/26", "Nov 24, 2026", "24 Nov 2026", "November 24 2026".
 * Undefined when it is not a day.
 */
export function parseTypedDate(text: string): string | undefined {
  const s = text.trim().toLowerCase().replace(/,/g, " ").replace(/\s+/g, " ");
  if (s === "") return undefined;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(s);
  if (match) return dayOf(fullYear(match[3] ?? ""), Number(match[1]), Number(match[2]));
  const month = (name: string | undefined) =>
    name && name.length >= 3 ? MONTHS.indexOf(name.slice(0, 3)) + 1 : 0;
  match = /^([a-z]+)\.? (\d{1,2}) (\d{2}|\d{4})$/.exec(s);
  if (match && month(match[1]) > 0) return dayOf(fullYear(match[3] ?? ""), month(match[1]), Number(match[2]));
  match = /^(\d{1,2}) ([a-z]+)\.? (\d{2}|\d{4})$/.exec(s);
  if (match && month(match[2]) > 0) return dayOf(fullYear(match[3] ?? ""), month(match[2]), Number(match[1]));
  return undefined;
}

/** What a date box shows for a form value: the day as the app writes it, or what was typed. */
export function dateText(value: string): string {
  return isIsoDay(value) ? formatDate(value) : value;
}

const EMAIL = /^[^\s@;,<>]+@[^\s@;,<>]+\.[^\s@;,<>]+$/;

/** Why a typed value cannot be saved, in people's words; undefined when it can. */
export function fieldProblem(
  field: FieldInfo,
  value: string | boolean,
  required: boolean,
): string | undefined {
  if (typeof value === "boolean") return undefined;
  const text = value.trim();
  if (text === "") return required ? t("sandbox.bc.problem.required", { field: field.title }) : undefined;
  if (isNumeric(field)) {
    const number = typedNumber(text);
    if (number === undefined) return t("sandbox.bc.problem.number", { field: field.title });
    if (field.type === "integer" && !Number.isInteger(number))
      return t("sandbox.bc.problem.wholeNumber", { field: field.title });
    return undefined;
  }
  if (field.type === "date" && !isIsoDay(text))
    return t("sandbox.bc.problem.date", { field: field.title, example: formatDate("2026-11-24") });
  if (field.type === "email" && !EMAIL.test(text))
    return t("sandbox.bc.problem.email", { field: field.title });
  return undefined;
}

/**
 * The problems of a form, by field name, for the fields that changed (a value the record had
 * already is not the person's to fix now) and the required ones.
 */
export function formProblems(
  fields: readonly FieldInfo[],
  record: JsonObject,
  form: Readonly<Record<string, string | boolean>>,
  required: ReadonlySet<string> = new Set(),
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const typed = form[field.name];
    if (typed === undefined) continue;
    const before = inputValue(field, record[field.name]);
    if (typed === before && !required.has(field.name)) continue;
    const problem = fieldProblem(field, typed, required.has(field.name));
    if (problem) problems[field.name] = problem;
  }
  return problems;
}
