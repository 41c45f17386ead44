// The checks of a Run flow form, shared by the workflow list's Run dialog, the sandbox's Run flow
// pane and the designer's Test dialog: every problem at once, one per field, in the form's order,
// and the inputs the flow gets once there are none.
import type { JsonObject, JsonValue } from "../../shared/json";
import { t } from "../i18n";

/** A field of a Run flow form, as the trigger's schema declares it (see shared/connectors/runflowform). */
export interface RunFlowFieldShape {
  key: string;
  kind: string;
  title: string;
  description: string;
  required: boolean;
  options?: string[];
}

/** What is wrong with one field: nothing typed in a required one, or what is typed is not of its kind. */
export type RunFlowProblemKind = "required" | "notNumber" | "notEmail" | "notDate" | "notChoice";

export interface RunFlowProblem {
  key: string;
  title: string;
  kind: RunFlowProblemKind;
}

/** What the person has typed or chosen so far, by field key (a number field keeps its text). */
export type RunFlowValues = Readonly<Record<string, JsonValue | undefined>>;

// The browser's own rule for type="email" (HTML Living Standard), so both agree.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isBlank(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** The number a number field's text stands for, or undefined when it stands for none. */
export function parseFormNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The problem of one field, if any. `unreadable` is the browser's word that the box holds
 * something it cannot give as a value (a date with only its month typed).
 */
export function runFlowFieldProblem(
  field: RunFlowFieldShape,
  value: JsonValue | undefined,
  unreadable = false,
): RunFlowProblemKind | undefined {
  // A checkbox always has an answer: unticked is "no".
  if (field.kind === "boolean") return undefined;
  if (unreadable && isBlank(value)) return field.kind === "number" ? "notNumber" : "notDate";
  if (isBlank(value)) return field.required ? "required" : undefined;
  const text = typeof value === "string" ? value.trim() : value;
  switch (field.kind) {
    case "number":
      return parseFormNumber(value) === undefined ? "notNumber" : undefined;
    case "email":
      return typeof text === "string" && EMAIL.test(text) ? undefined : "notEmail";
    case "date":
      return typeof text === "string" && isRealDate(text) ? undefined : "notDate";
    case "choice":
      return field.options && !field.options.includes(String(text)) ? "notChoice" : undefined;
    default:
      return undefined;
  }
}

/** Every problem of the form, in the order of its fields. */
export function runFlowProblems(
  fields: readonly RunFlowFieldShape[],
  values: RunFlowValues,
  unreadable: ReadonlySet<string> = new Set(),
): RunFlowProblem[] {
  return fields.flatMap((field) => {
    const kind = runFlowFieldProblem(field, values[field.key], unreadable.has(field.key));
    return kind ? [{ key: field.key, title: field.title, kind }] : [];
  });
}

/**
 * What the flow gets from a form without problems: numbers as numbers, text trimmed of nothing,
 * fields left empty left out, and a required Yes/No left unticked as false.
 */
export function runFlowInputs(fields: readonly RunFlowFieldShape[], values: RunFlowValues): JsonObject {
  const inputs: JsonObject = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.kind === "boolean") {
      if (value !== undefined) inputs[field.key] = value === true;
      else if (field.required) inputs[field.key] = false;
      continue;
    }
    if (isBlank(value) || value === undefined) continue;
    if (field.kind === "number") {
      const number = parseFormNumber(value);
      if (number !== undefined) inputs[field.key] = number;
      continue;
    }
    inputs[field.key] = typeof value === "string" && field.kind !== "text" ? value.trim() : value;
  }
  return inputs;
}

/** The message under a field. */
export function runFlowProblemMessage(problem: Pick<RunFlowProblem, "kind" | "title">): string {
  switch (problem.kind) {
    case "required":
      return t("runs.form.required", { field: problem.title });
    case "notNumber":
      return t("runs.form.notNumber", { field: problem.title });
    case "notEmail":
      return t("runs.form.notEmail", { field: problem.title });
    case "notDate":
      return t("runs.form.notDate", { field: problem.title });
    case "notChoice":
      return t("runs.form.notChoice", { field: problem.title });
  }
}

/** The line at the form's end: "Fill in 4 fields: Reason, Amount, Due date, Email." */
export function runFlowProblemsSummary(problems: readonly RunFlowProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  const missing = problems.filter((problem) => problem.kind === "required").length;
  const params = { count: problems.length, fields: problems.map((problem) => problem.title).join(", ") };
  if (missing === problems.length) return t("runs.form.summaryMissing", params);
  if (missing === 0) return t("runs.form.summaryWrong", params);
  return t("runs.form.summaryBoth", params);
}

/** A form schema's date hint says "(YYYY-MM-DD)", which the browser's date box does not show: left out. */
export function fieldHelp(field: RunFlowFieldShape): string {
  if (field.kind !== "date") return field.description;
  return field.description.replace(/\s*\(\s*yyyy-mm-dd\s*\)/i, "").trim();
}
