// What the Business Central pages need to know about tables and records: the tables as
// sandbox.tables describes them, the few columns each list shows, which actions a record's status
// allows, and turning what a person typed into the patch the backend checks.
import { type MethodOutput, RECORD_ACTIONS, type RecordAction } from "../../../shared/api";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { formatDate, formatDateTime, type MessageKey, t } from "../../i18n";

export type TableKind = "master" | "employee" | "document" | "line" | "journal" | "journalLine";
export type { RecordAction };

export interface FieldInfo {
  name: string;
  title: string;
  type: string;
  readOnly: boolean;
  enum?: string[];
}

export interface TableInfo {
  name: string;
  title: string;
  count: number;
  numberField: string;
  kind: TableKind;
  fields: FieldInfo[];
  actions: RecordAction[];
  linesTable: string | null;
  /** Lines: the table of their documents. */
  documentTable: string | null;
}

type TableSummary = MethodOutput<"sandbox.tables">[number];

const KINDS: readonly TableKind[] = ["master", "employee", "document", "line", "journal", "journalLine"];

const isString = (value: unknown): value is string => typeof value === "string";

/** A table summary of the contract, read defensively (its extra fields are not typed there). */
export function tableInfo(summary: TableSummary): TableInfo {
  const kind = KINDS.find((k) => k === summary.kind) ?? "master";
  const fields = Array.isArray(summary.fields) ? summary.fields : [];
  return {
    name: summary.name,
    title: summary.title,
    count: summary.count,
    numberField: isString(summary.numberField) ? summary.numberField : "number",
    kind,
    fields: fields.flatMap((raw): FieldInfo[] => {
      if (typeof raw !== "object" || raw === null) return [];
      const field = raw as Record<string, unknown>;
      if (!isString(field.name)) return [];
      return [
        {
          name: field.name,
          title: isString(field.title) ? field.title : field.name,
          type: isString(field.type) ? field.type : "string",
          readOnly: field.readOnly === true,
          ...(Array.isArray(field.enum) ? { enum: field.enum.filter(isString) } : {}),
        },
      ];
    }),
    actions: (Array.isArray(summary.actions) ? summary.actions : []).filter((a): a is RecordAction =>
      (RECORD_ACTIONS as readonly string[]).includes(a),
    ),
    linesTable: isString(summary.linesTable) ? summary.linesTable : null,
    documentTable: isString(summary.documentTable) ? summary.documentTable : null,
  };
}

/** The groups of the tables page; line tables are shown inside their documents. */
export const TABLE_GROUPS: readonly { title: MessageKey; test: (table: TableInfo) => boolean }[] = [
  { title: "sandbox.bc.group.master", test: (t) => t.kind === "master" || t.kind === "employee" },
  { title: "sandbox.bc.group.sales", test: (t) => t.kind === "document" && t.name.startsWith("sales") },
  { title: "sandbox.bc.group.purchase", test: (t) => t.kind === "document" && t.name.startsWith("purchase") },
  { title: "sandbox.bc.group.journals", test: (t) => t.kind === "journal" || t.kind === "journalLine" },
];

/** "Purchase invoices" → "Purchase invoice", "General journal batches" → "General journal batch". */
export function singularTitle(title: string): string {
  if (/ies$/.test(title)) return title.replace(/ies$/, "y");
  if (/(ch|sh|x|ss)es$/.test(title)) return title.replace(/es$/, "");
  return title.replace(/s$/, "");
}

/** A title inside a sentence: "Purchase invoice" → "purchase invoice" ("New purchase invoice"). */
export function inSentence(title: string): string {
  // An abbreviation ("GTIN") keeps its capitals.
  if (/^[A-Z]{2}/.test(title)) return title;
  return title.charAt(0).toLocaleLowerCase() + title.slice(1);
}

const LIST_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  customers: ["number", "displayName", "city", "phoneNumber", "creditLimit", "balanceDue", "blocked"],
  vendors: ["number", "displayName", "city", "phoneNumber", "balance", "blocked"],
  items: ["number", "displayName", "type", "inventory", "unitPrice", "unitCost", "blocked"],
  employees: ["number", "displayName", "jobTitle", "email", "status"],
  journals: ["code", "displayName", "templateDisplayName", "status"],
  journalLines: [
    "documentNumber",
    "journalDisplayName",
    "postingDate",
    "accountType",
    "accountNumber",
    "amount",
    "status",
  ],
};

/**
 * The column of a line list that names the line's document ("PI-1001"): lines carry only the
 * document's id, so the list page looks the numbers up. Not a field of the table.
 */
export const DOCUMENT_COLUMN = "@document";

/**
 * The few columns a list page shows: the number, who, when, how much and the status; lines lead
 * with their document, so lines of different documents tell apart.
 */
export function listColumns(table: TableInfo): FieldInfo[] {
  const byName = new Map(table.fields.map((field) => [field.name, field]));
  let names = LIST_COLUMNS[table.name];
  if (!names) {
    if (table.kind === "document") {
      const partyNumber = table.fields.find((f) => f.name === "customerNumber" || f.name === "vendorNumber");
      const party = table.fields.find((f) => f.name === "customerName" || f.name === "vendorName");
      const date = table.fields.find((f) => f.type === "date");
      const due = table.fields.find((f) => f.name === "dueDate");
      names = [
        table.numberField,
        partyNumber?.name,
        party?.name,
        date?.name,
        due?.name,
        "totalAmountIncludingTax",
        "status",
      ].filter(isString);
    } else if (table.kind === "line") {
      names = ["sequence", "lineObjectNumber", "description", "quantity", "amountIncludingTax"];
    } else {
      names = [
        table.numberField,
        ...table.fields
          .filter((f) => f.name !== table.numberField && f.name !== "id" && !f.name.endsWith("Id"))
          .slice(0, 4)
          .map((f) => f.name),
      ];
    }
  }
  const columns = names.flatMap((name) => {
    const field = byName.get(name);
    return field ? [field] : [];
  });
  if (table.kind === "line" && table.documentTable) {
    columns.unshift({
      name: DOCUMENT_COLUMN,
      title: t("sandbox.bc.documentNo"),
      type: "string",
      readOnly: true,
    });
  }
  return columns;
}

/**
 * How a list cell lays its value out: numbers, codes, dates and options stay on one line (a
 * number cut in two is misread); names and other text are cut with "…" when they run long.
 */
export type CellKind = "text" | "code" | "number" | "date" | "flag";

export function cellKind(field: FieldInfo): CellKind {
  if (isNumeric(field)) return "number";
  if (field.type === "date" || field.type === "date-time") return "date";
  if (field.type === "boolean") return "flag";
  if (field.enum || field.name === DOCUMENT_COLUMN) return "code";
  if (/^(number|code|gtin)$|Number$|Code$|^phone|Phone/.test(field.name)) return "code";
  return "text";
}

/** What a record is called next to its number: a name, a party, a description; "" for none. */
export function recordName(record: JsonObject): string {
  for (const name of ["displayName", "vendorName", "customerName", "description"]) {
    const value = record[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return "";
}

/** The fields a New record dialog asks for; the rest is filled in on the record's card. */
export function newRecordFields(table: TableInfo): FieldInfo[] {
  const wanted: Readonly<Record<string, readonly string[]>> = {
    customers: ["number", "displayName", "email", "phoneNumber", "city", "creditLimit"],
    vendors: ["number", "displayName", "email", "phoneNumber", "city"],
    items: ["number", "displayName", "type", "unitPrice", "unitCost"],
    employees: ["givenName", "surname", "jobTitle", "email"],
    journals: ["code", "displayName", "templateDisplayName"],
    journalLines: [
      "journalDisplayName",
      "accountType",
      "accountNumber",
      "postingDate",
      "amount",
      "description",
    ],
  };
  let names = wanted[table.name];
  if (!names) {
    if (table.kind === "document") {
      const party = table.fields.find((f) => f.name === "customerNumber" || f.name === "vendorNumber");
      const external = table.fields.find((f) => /^(external|vendor).*Number$/.test(f.name) && f !== party);
      names = [party?.name, external?.name].filter(isString);
    } else {
      names = listColumns(table).map((f) => f.name);
    }
  }
  const byName = new Map(table.fields.map((field) => [field.name, field]));
  return names.flatMap((name) => {
    const field = byName.get(name);
    return field && !field.readOnly ? [field] : [];
  });
}

/** A part of a card: a few fields under a title, open or folded, before or after the lines. */
export interface CardSection {
  id: "general" | "address" | "invoicing" | "prices" | "administration" | "details" | "technical";
  title: MessageKey;
  fields: FieldInfo[];
  folded: boolean;
}

// Ids and system stamps: what a flow reads, not what a person works with; folded at the end.
const isTechnical = (field: FieldInfo): boolean =>
  field.name === "id" ||
  /Id$/.test(field.name) ||
  field.name === "systemModifiedAt" ||
  field.name === "lastModifiedDateTime";

// Fields nobody reads on a card: the status says Posted.
const HIDDEN = new Set(["posted"]);

const CONTACT = [
  "addressLine1",
  "addressLine2",
  "city",
  "state",
  "postalCode",
  "country",
  "phoneNumber",
  "mobilePhone",
  "email",
  "personalEmail",
  "website",
];

/** Business Central's FastTabs of the cards that have them, by table; other fields go to General. */
const SECTIONS: Readonly<Record<string, Partial<Record<CardSection["id"], readonly string[]>>>> = {
  customers: {
    address: CONTACT,
    invoicing: ["currencyCode", "paymentTermsCode", "taxLiable", "taxRegistrationNumber"],
  },
  vendors: {
    address: CONTACT,
    invoicing: [
      "currencyCode",
      "paymentTermsCode",
      "paymentMethodCode",
      "taxLiable",
      "taxRegistrationNumber",
    ],
  },
  items: {
    prices: [
      "unitPrice",
      "priceIncludesTax",
      "unitCost",
      "taxGroupCode",
      "generalProductPostingGroupCode",
      "inventoryPostingGroupCode",
    ],
  },
  employees: {
    address: CONTACT,
    administration: ["employmentDate", "terminationDate", "birthDate"],
  },
};

const SECTION_TITLES: Readonly<Record<CardSection["id"], MessageKey>> = {
  general: "sandbox.bc.general",
  address: "sandbox.bc.section.address",
  invoicing: "sandbox.bc.section.invoicing",
  prices: "sandbox.bc.section.prices",
  administration: "sandbox.bc.section.administration",
  details: "sandbox.bc.details",
  technical: "sandbox.bc.section.technical",
};

/**
 * How a card groups its fields, as Business Central's FastTabs do: General first; then a
 * customer's or vendor's Address & contact and Invoicing (an item's Prices & posting, an
 * employee's Administration); a document's addresses and codes after its lines, folded; the ids
 * and system stamps last, folded. Empty sections are left out.
 */
export function cardSections(table: TableInfo): CardSection[] {
  const shown = table.fields.filter((f) => !HIDDEN.has(f.name));
  const technical = shown.filter(isTechnical);
  const rest = shown.filter((f) => !isTechnical(f));
  const sections: CardSection[] = [];
  const add = (id: CardSection["id"], fields: FieldInfo[], folded = false) => {
    if (fields.length > 0) sections.push({ id, title: SECTION_TITLES[id], fields, folded });
  };
  if (table.kind === "document") {
    const general = rest.filter(
      (f) =>
        f.name === table.numberField ||
        f.type === "date" ||
        /^(customer|vendor)(Number|Name)$/.test(f.name) ||
        /^(externalDocument|vendorInvoice|vendorCreditMemo)Number$/.test(f.name) ||
        /^total/.test(f.name) ||
        f.name === "status",
    );
    add("general", general);
    add(
      "details",
      rest.filter((f) => !general.includes(f)),
      true,
    );
  } else {
    const named = SECTIONS[table.name] ?? {};
    const placed = new Set(Object.values(named).flat());
    add(
      "general",
      rest.filter((f) => !placed.has(f.name)),
    );
    for (const id of ["address", "invoicing", "prices", "administration"] as const) {
      const names = named[id] ?? [];
      add(
        id,
        names.flatMap((name) => rest.filter((f) => f.name === name)),
      );
    }
  }
  add("technical", technical, true);
  return sections;
}

/**
 * The fields Business Central will not do without when a record is made: a name or description,
 * a document's customer or vendor, a journal batch's name.
 */
export function requiredFields(table: TableInfo): ReadonlySet<string> {
  const names = new Set<string>();
  if (table.name === "customers" || table.name === "vendors" || table.name === "items")
    names.add("displayName");
  if (table.kind === "document") {
    for (const f of table.fields)
      if (f.name === "customerNumber" || f.name === "vendorNumber") names.add(f.name);
  }
  if (table.kind === "journal") names.add(table.numberField);
  return names;
}

/** The table a field's value is a number of, for a lookup of its records ("vendorNumber" → vendors). */
export function lookupTable(field: FieldInfo): string | undefined {
  switch (field.name) {
    case "customerNumber":
    case "billToCustomerNumber":
      return "customers";
    case "vendorNumber":
    case "payToVendorNumber":
      return "vendors";
    case "lineObjectNumber":
      return "items";
    default:
      return undefined;
  }
}

/** Fields a person edits on the card: not read-only, not ids, and never a status (actions move it). */
export function isEditable(table: TableInfo, field: FieldInfo): boolean {
  if (field.readOnly || field.name === "id") return false;
  if (field.name === "status" && table.kind !== "employee") return false;
  if (table.kind === "document" && (field.name === "customerId" || field.name === "vendorId")) return false;
  return true;
}

/** Why a record cannot be edited now, or undefined when it can. */
export function lockedReason(table: TableInfo, record: JsonObject): MessageKey | undefined {
  if (record.posted === true) return "sandbox.bc.locked.posted";
  if (table.kind === "document" && record.status === "Pending Approval") return "sandbox.bc.locked.pending";
  if (table.kind === "document" && record.status !== undefined && record.status !== "Open")
    return "sandbox.bc.locked.status";
  return undefined;
}

/**
 * Whether an action makes sense for the record's status and its approval request: Business Central
 * greys out the others. Sending needs no request open, canceling needs one, for every kind of
 * table (customers, vendors and items have no status to tell).
 */
export function actionEnabled(
  table: TableInfo,
  action: RecordAction,
  record: JsonObject,
  requestOpen: boolean,
): boolean {
  if (record.posted === true) return false;
  if (action === "cancelApprovalRequest") return requestOpen;
  if (action === "sendForApproval" && requestOpen) return false;
  const status = typeof record.status === "string" ? record.status : undefined;
  if (status === "Pending Approval") return false;
  switch (action) {
    case "sendForApproval":
      return status === undefined || table.kind === "employee" || status === "Open";
    case "release":
      return status === "Open";
    case "reopen":
      return status === "Released" || status === "Pending Prepayment" || status === "Approved";
    case "post":
    case "makeOrder":
    case "makeInvoice":
      return true;
  }
}

/**
 * The actions a card offers: a posted document has none left (Business Central's posted documents
 * are another page, without Release, Post or approvals); the others show them all, greyed out
 * when the status does not allow them.
 */
export function visibleActions(table: TableInfo, record: JsonObject): RecordAction[] {
  return record.posted === true ? [] : table.actions;
}

/** What a status field says: "Posted" once the document is posted, whatever its status was. */
export function statusText(record: JsonObject): string {
  return record.posted === true ? t("sandbox.bc.posted") : String(record.status ?? "");
}

/**
 * The sentence a toast says once an action is done: "PI-1004 released.", "SQ-1001 made into
 * order SO-1005." (the new document's number, when the result has one).
 */
export function actionDoneText(action: RecordAction, number: string, result: unknown): string {
  const made =
    typeof result === "object" && result !== null && "number" in result && typeof result.number === "string"
      ? result.number
      : "";
  const lines =
    typeof result === "object" &&
    result !== null &&
    "postedLines" in result &&
    typeof result.postedLines === "number"
      ? result.postedLines
      : undefined;
  switch (action) {
    case "release":
      return t("sandbox.bc.done.release", { number });
    case "reopen":
      return t("sandbox.bc.done.reopen", { number });
    case "post":
      if (lines !== undefined) return t("sandbox.bc.done.postJournal", { number, count: lines });
      return made && made !== number
        ? t("sandbox.bc.done.postAs", { number, made })
        : t("sandbox.bc.done.post", { number });
    case "makeOrder":
      return made
        ? t("sandbox.bc.done.makeOrderAs", { number, made })
        : t("sandbox.bc.done.makeOrder", { number });
    case "makeInvoice":
      return made
        ? t("sandbox.bc.done.makeInvoiceAs", { number, made })
        : t("sandbox.bc.done.makeInvoice", { number });
    case "cancelApprovalRequest":
      return t("sandbox.bc.done.cancelApprovalRequest", { number });
    case "sendForApproval":
      return t("sandbox.bc.sentForApproval", { number });
  }
}

/** Why an approval action is greyed out, as its button's title; undefined for the others. */
export function actionDisabledReason(action: RecordAction, requestOpen: boolean): MessageKey | undefined {
  if (action === "sendForApproval" && requestOpen) return "sandbox.bc.request.alreadyOpen";
  if (action === "cancelApprovalRequest" && !requestOpen) return "sandbox.bc.request.noneOpen";
  return undefined;
}

export const ACTION_LABELS: Readonly<Record<RecordAction, MessageKey>> = {
  sendForApproval: "sandbox.bc.action.sendForApproval",
  cancelApprovalRequest: "sandbox.bc.action.cancelApprovalRequest",
  release: "sandbox.bc.action.release",
  reopen: "sandbox.bc.action.reopen",
  post: "sandbox.bc.action.post",
  makeOrder: "sandbox.bc.action.makeOrder",
  makeInvoice: "sandbox.bc.action.makeInvoice",
};

/** Actions that end with the record gone (converted or posted into another): the page moves on. */
export function replacesRecord(table: TableInfo, action: RecordAction): boolean {
  return (
    action === "makeOrder" || action === "makeInvoice" || (action === "post" && table.name.endsWith("Orders"))
  );
}

// One formatter per locale and kind: making one costs far more than using it, and a list page
// formats every cell of every row.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, kind: "amount" | "quantity" | "integer"): Intl.NumberFormat {
  const key = `${locale}|${kind}`;
  let made = formatters.get(key);
  if (!made) {
    made =
      kind === "amount"
        ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        : kind === "quantity"
          ? new Intl.NumberFormat(locale, { maximumFractionDigits: 5 })
          : new Intl.NumberFormat(locale);
    formatters.set(key, made);
  }
  return made;
}

/** Line numbers (10000, 20000) are names of lines, not amounts: never grouped ("10,000"). */
function isLineNumber(field: FieldInfo): boolean {
  return field.name === "sequence" || field.name === "lineNumber";
}

/** Quantities and percentages show the decimals they have ("36", "2.5"); amounts always two. */
function isQuantity(field: FieldInfo): boolean {
  return /quantity|inventory|percent/i.test(field.name);
}

/** A number as a card's input shows it once left: "5,000.00", "36", "10000". */
export function formatNumber(field: FieldInfo, value: number, locale = "en"): string {
  if (isLineNumber(field)) return String(value);
  if (field.type === "integer") return formatter(locale, "integer").format(value);
  return formatter(locale, isQuantity(field) ? "quantity" : "amount").format(value);
}

/**
 * A value as a list cell or read-only field shows it: amounts with two decimals, days and
 * moments as the rest of the app writes them ("Nov 24, 2026", "Nov 24, 2026, 4:00 PM").
 */
export function displayValue(field: FieldInfo, value: JsonValue | undefined, locale = "en"): string {
  if (value === undefined || value === null) return "";
  switch (field.type) {
    case "number":
    case "integer":
      return typeof value === "number" ? formatNumber(field, value, locale) : String(value);
    case "date": {
      if (typeof value !== "string" || value === "0001-01-01") return "";
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    }
    case "date-time": {
      if (typeof value !== "string" || value.startsWith("0001-01-01")) return "";
      return Number.isNaN(Date.parse(value)) ? value : formatDateTime(value);
    }
    case "boolean":
      return value === true ? "✓" : "";
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value).trim();
  }
}

export function isNumeric(field: FieldInfo): boolean {
  return field.type === "number" || field.type === "integer";
}

/**
 * A number as a person types it in a grid cell: "1,000" and "1,000.50" with thousands separators
 * (the sandbox shows numbers that way), "2,5" as 2.5; undefined when it is not one, or when a comma
 * could mean either ("1,5000"), rather than guess a number the person did not mean.
 */
export function typedNumber(text: string): number | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  let plain = s;
  if (/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(s)) plain = s.replaceAll(",", "");
  else if (/^[-+]?\d*,\d{1,2}$/.test(s) || /^[-+]?0,\d+$/.test(s)) plain = s.replace(",", ".");
  else if (s.includes(",")) return undefined;
  const n = Number(plain);
  return Number.isFinite(n) ? n : undefined;
}

/** What an input shows for a field's value: numbers as the card writes them ("5,000.00"). */
export function inputValue(field: FieldInfo, value: JsonValue | undefined): string | boolean {
  if (field.type === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (field.type === "date" && value === "0001-01-01") return "";
  if (isNumeric(field) && typeof value === "number") return formatNumber(field, value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The patch of what changed between the record and the form: numbers as numbers ("1,000.50" is
 * 1000.5; an emptied number is 0), the rest as typed. A number that cannot be read goes as typed,
 * for the backend to name (the card says so under the field before it gets there).
 */
export function patchOf(
  fields: readonly FieldInfo[],
  record: JsonObject,
  form: Readonly<Record<string, string | boolean>>,
): JsonObject {
  const patch: JsonObject = {};
  for (const field of fields) {
    if (!(field.name in form)) continue;
    const typed = form[field.name];
    if (typed === undefined) continue;
    if (isNumeric(field) && typeof typed === "string") {
      const number = typed.trim() === "" ? 0 : typedNumber(typed);
      if (number === undefined) patch[field.name] = typed;
      else if (number !== (record[field.name] ?? 0)) patch[field.name] = number;
      continue;
    }
    if (typed === inputValue(field, record[field.name])) continue;
    patch[field.name] = typed;
  }
  return patch;
}

/** The field a backend error names ("Parameter 'creditLimit': must be a number…"), if any. */
export function fieldOfError(
  issues: readonly { path: string }[] | undefined,
  message: string,
): string | undefined {
  const path = issues?.[0]?.path ?? /^Parameter '([^']+)'/.exec(message)?.[1];
  return path?.split("/").pop();
}

/**
 * A backend message about a field in people's words, naming the field by its title:
 * "Parameter 'creditLimit': must be a number, not string "lots"." → "Credit limit must be a
 * number."; "Parameter 'lineObjectNumber': there is no item '99999'." → "There is no item 99999."
 */
export function fieldErrorText(message: string, field: FieldInfo | undefined): string {
  if (!field) return message;
  const reason = message.replace(/^Parameter '[^']+':\s*/, "").trim();
  const title = field.title;
  if (/^must be a number\b/.test(reason)) return t("sandbox.bc.problem.number", { field: title });
  if (/^must be a whole number\b/.test(reason)) return t("sandbox.bc.problem.wholeNumber", { field: title });
  if (/^is required\.?$/.test(reason)) return t("sandbox.bc.problem.required", { field: title });
  if (/^must not be negative\.?$/.test(reason)) return t("sandbox.bc.problem.negative", { field: title });
  if (/^must be a date\b/.test(reason))
    return t("sandbox.bc.problem.date", { field: title, example: formatDate("2026-11-24") });
  const missing = /^there is no (.+?) '(.*)'\.?$/.exec(reason);
  if (missing) return t("sandbox.bc.problem.noSuch", { what: missing[1] ?? "", value: missing[2] ?? "" });
  const option = /^'(.*)' is not one of (.*?)\.?$/.exec(reason);
  if (option)
    return t("sandbox.bc.problem.option", {
      field: title,
      value: option[1] ?? "",
      options: (option[2] ?? "").replaceAll("'", ""),
    });
  return `${title}: ${reason}`;
}

/** Tones of status badges. */
export function statusTone(status: string, posted: boolean): "neutral" | "warning" | "success" | "info" {
  if (posted) return "info";
  switch (status) {
    case "Pending Approval":
    case "Pending Prepayment":
      return "warning";
    case "Released":
    case "Approved":
    case "Paid":
      return "success";
    default:
      return "neutral";
  }
}
