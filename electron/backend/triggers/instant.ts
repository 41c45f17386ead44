// Instant triggers: which pages offer a flow in their Automate menu, the Run flow form's answers
// checked against the form, and the outputs the trigger produces when a person runs the flow, shaped
// as Power Automate shapes them (headers x-ms-user-*, the form's answers in the body under their
// schema keys, and for Business Central's "For a selected record" the record's ids and link).
import { createHash } from "node:crypto";
import { ApiError, type Issue } from "../../../shared/api";
import { operationOfAction, type RunFlowField, runFlowFields } from "../../../shared/connectors";
import type { WdlTrigger } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { DEMO_COMPANY, DEMO_ENVIRONMENT } from "../../../shared/templates/demo";
import { BC_PAGES, type PageParameter, pageTitle, readPageParameter } from "./pages";
import { listWords } from "./words";

/**
 * - "selected-record": Business Central's "For a selected record (V3)"; offered on the pages of its
 *   page parameter, or on every page when that is empty (as its environment and company are).
 * - "button": "Manually trigger a flow" (and the other person-started Request kinds): it names no
 *   page, so every page's Automate menu offers it, after the page's own flows; it gets no record.
 * - "http": "When an HTTP request is received": run from the workflow list only, never a menu.
 */
export type InstantKind = "selected-record" | "button" | "http";

export interface InstantTrigger {
  kind: InstantKind;
  pages: PageParameter;
  /** The Run flow form (inputs.schema). */
  schema: JsonValue | undefined;
  fields: RunFlowField[];
  /** The trigger's Business Central environment and company, for its outputs. */
  environment: string;
  company: string;
}

const MANUAL_KINDS = new Set(["button", "powerapp", "powerappv2", "skills", "virtualagent"]);

function inputs(trigger: WdlTrigger): JsonObject {
  const value = (trigger as { inputs?: JsonValue }).inputs;
  return isJsonObject(value) ? value : {};
}

/** The instant trigger's facts, or undefined when the trigger is not one a person starts. */
export function readInstantTrigger(trigger: WdlTrigger): InstantTrigger | undefined {
  const type = String(trigger.type ?? "").toLowerCase();
  if (type !== "request") return undefined;
  const ins = inputs(trigger);
  const schema = ins.schema;
  const operation = operationOfAction(trigger as unknown as JsonValue);
  const params = isJsonObject(ins.parameters) ? ins.parameters : {};
  const text = (v: JsonValue | undefined): string => (typeof v === "string" ? v.trim() : "");
  const base = {
    schema,
    fields: runFlowFields(schema),
    environment: text(params.bcenvironment) || DEMO_ENVIRONMENT,
    company: text(params.company) || DEMO_COMPANY,
  };
  if (operation?.operationId === "ForASelectedRecordV3") {
    return { kind: "selected-record", pages: readPageParameter(text(params.page)), ...base };
  }
  const kind = String((trigger as { kind?: JsonValue }).kind ?? "").toLowerCase();
  if (MANUAL_KINDS.has(kind)) return { kind: "button", pages: everywhere(), ...base };
  if (kind === "http" || kind === "") return { kind: "http", pages: nowhere(), ...base };
  return undefined;
}

const everywhere = (): PageParameter => ({ tables: [], everywhere: true, unknown: [] });
const nowhere = (): PageParameter => ({ tables: [], everywhere: false, unknown: [] });

/** Whether the flow is in the Automate menu of this sandbox table's pages. */
export function offeredOn(instant: InstantTrigger, table: string): boolean {
  if (instant.kind === "http") return false;
  return instant.pages.everywhere || instant.pages.tables.includes(table);
}

/** "Vendors page", "Customers and Vendors pages", "Every page". */
export function instantSummary(instant: InstantTrigger): string {
  if (instant.kind === "http") return "When an HTTP request is received";
  if (instant.kind === "button") return "Run by a person, from any page's Automate menu";
  if (instant.pages.everywhere) return "Every page (for a selected record)";
  const titles = instant.pages.tables.map(pageTitle);
  const unknown = instant.pages.unknown.map((t) => `${t} (not in the sandbox)`);
  const all = [...titles, ...unknown];
  if (all.length === 0) return "No page";
  return `${listWords(all)} page${all.length > 1 ? "s" : ""}`;
}

// --- the Run flow form ---

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The form's answers as the flow receives them: each known input converted to its kind, unknown keys
 * left out. Throws invalid_input naming every input that is missing or wrong.
 */
export function formValues(fields: readonly RunFlowField[], answers: JsonObject): JsonObject {
  const values: JsonObject = {};
  const issues: Issue[] = [];
  for (const field of fields) {
    const raw = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    const label = `“${field.title}”`;
    const missing =
      raw === undefined ||
      raw === null ||
      (typeof raw === "string" && raw.trim() === "" && field.kind !== "boolean");
    if (missing) {
      if (field.required)
        issues.push({
          path: `inputs.${field.key}`,
          message: `${label} is required: fill it in to run this flow.`,
        });
      continue;
    }
    const converted = convert(field, raw);
    if (typeof converted === "string" && converted.startsWith("!")) {
      issues.push({ path: `inputs.${field.key}`, message: `${label} ${converted.slice(1)}` });
      continue;
    }
    values[field.key] = converted;
  }
  const first = issues[0];
  if (first) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new ApiError({ code: "invalid_input", message: `${first.message}${more}`, issues });
  }
  return values;
}

/** The value for the flow, or "!<what is wrong>". */
function convert(field: RunFlowField, raw: JsonValue): JsonValue {
  switch (field.kind) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "false") return raw === "true";
      return "!must be yes or no.";
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim()) : Number.NaN;
      return Number.isFinite(n) ? n : "!must be a number.";
    }
    case "date":
      return typeof raw === "string" && DATE.test(raw.trim()) && !Number.isNaN(Date.parse(raw.trim()))
        ? raw.trim()
        : "!must be a date (YYYY-MM-DD).";
    case "email":
      return typeof raw === "string" && EMAIL.test(raw.trim()) ? raw.trim() : "!must be an email address.";
    case "file":
      return isJsonObject(raw) && typeof raw.name === "string" && typeof raw.contentBytes === "string"
        ? { name: raw.name, contentBytes: raw.contentBytes }
        : "!must be a file (a name and its content).";
    case "choice":
      if (typeof raw !== "string") return "!must be one of the choices.";
      return field.options && !field.options.includes(raw)
        ? `!must be one of ${listWords(field.options.map((o) => `“${o}”`))}.`
        : raw;
    default:
      return typeof raw === "string"
        ? raw
        : typeof raw === "number" || typeof raw === "boolean"
          ? String(raw)
          : "!must be text.";
  }
}

// --- the trigger's outputs ---

export interface InstantRunContext {
  user: { name: string; email: string };
  /** The form's answers, already checked (formValues). */
  values: JsonObject;
  now: number;
  /** For "For a selected record": the record and the page it was run from. */
  record?: { table: string; id: string };
  /** The page the person ran it from ("page26"); the table's card page when absent. */
  pageId?: number;
}

const base64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

/** { headers, body } as trigger()['outputs'] reads it. */
export function instantOutputs(instant: InstantTrigger, context: InstantRunContext): JsonObject {
  const at = new Date(context.now).toISOString();
  const headers: JsonObject = {
    "x-ms-user-name": context.user.name,
    "x-ms-user-email": context.user.email,
    "x-ms-user-name-encoded": base64(context.user.name),
    "x-ms-user-email-encoded": base64(context.user.email),
    "x-ms-user-timestamp": at,
  };
  if (instant.kind !== "selected-record" || !context.record) {
    return { headers, body: { ...context.values } };
  }
  const { table, id } = context.record;
  const info = BC_PAGES[table];
  const pageId = context.pageId ?? info?.cardPage ?? 0;
  const filter = encodeURIComponent(`'SystemId' IS '${id}'`);
  const body: JsonObject = {
    EnvironmentName: instant.environment,
    CompanyId: companyId(instant.company),
    TableId: info?.table ?? 0,
    PageId: pageId,
    SystemId: id,
    WebClientUrl: `https://businesscentral.dynamics.com/${encodeURIComponent(instant.environment)}/?company=${encodeURIComponent(instant.company)}&page=${info?.cardPage ?? pageId}&filter=${filter}`,
    ...context.values,
  };
  return { headers, body };
}

/** A company's id, stable for its name (the sandbox has one company and no GUID for it). */
export function companyId(company: string): string {
  const hex = createHash("sha256").update(`company:${company}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
