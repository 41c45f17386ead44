import { describe, expect, it } from "vitest";
import {
  actionDisabledReason,
  actionDoneText,
  actionEnabled,
  cardSections,
  cellKind,
  DOCUMENT_COLUMN,
  displayValue,
  fieldErrorText,
  fieldOfError,
  inputValue,
  inSentence,
  listColumns,
  lockedReason,
  newRecordFields,
  patchOf,
  recordName,
  requiredFields,
  singularTitle,
  statusText,
  type TableInfo,
  tableInfo,
  typedNumber,
  visibleActions,
} from "./bc-model";

const invoices: TableInfo = tableInfo({
  name: "purchaseInvoices",
  title: "Purchase invoices",
  count: 25,
  numberField: "number",
  kind: "document",
  linesTable: "purchaseInvoiceLines",
  actions: ["release", "reopen", "post", "sendForApproval", "cancelApprovalRequest", "dance"],
  fields: [
    { name: "id", title: "Id", type: "string", readOnly: true },
    { name: "number", title: "No.", type: "string", readOnly: false },
    { name: "invoiceDate", title: "Document date", type: "date", readOnly: false },
    { name: "dueDate", title: "Due date", type: "date", readOnly: false },
    { name: "lastModifiedDateTime", title: "Last modified", type: "date-time", readOnly: true },
    { name: "vendorId", title: "Vendor id", type: "string", readOnly: false },
    { name: "vendorNumber", title: "Vendor no.", type: "string", readOnly: false },
    { name: "vendorName", title: "Vendor name", type: "string", readOnly: false },
    { name: "vendorInvoiceNumber", title: "Vendor invoice no.", type: "string", readOnly: false },
    { name: "totalAmountIncludingTax", title: "Total", type: "number", readOnly: true },
    { name: "pricesIncludeTax", title: "Prices include tax", type: "boolean", readOnly: false },
    { name: "status", title: "Status", type: "string", readOnly: false, enum: ["Open", "Released"] },
  ],
});
const customers: TableInfo = tableInfo({
  name: "customers",
  title: "Customers",
  count: 50,
  numberField: "number",
  kind: "master",
  linesTable: null,
  actions: ["sendForApproval", "cancelApprovalRequest"],
  fields: [
    { name: "number", title: "No.", type: "string", readOnly: false },
    { name: "displayName", title: "Name", type: "string", readOnly: false },
    { name: "creditLimit", title: "Credit limit", type: "number", readOnly: false },
  ],
});
const invoiceLines: TableInfo = tableInfo({
  name: "purchaseInvoiceLines",
  title: "Purchase invoice lines",
  count: 61,
  numberField: "sequence",
  kind: "line",
  documentTable: "purchaseInvoices",
  fields: [
    { name: "id", title: "Id", type: "string", readOnly: true },
    { name: "documentId", title: "Document id", type: "string", readOnly: false },
    { name: "sequence", title: "Line no.", type: "integer", readOnly: false },
    { name: "lineObjectNumber", title: "No.", type: "string", readOnly: false },
    { name: "description", title: "Description", type: "string", readOnly: false },
    { name: "quantity", title: "Quantity", type: "number", readOnly: false },
    { name: "amountIncludingTax", title: "Line amount incl. tax", type: "number", readOnly: true },
  ],
});

describe("tables", () => {
  it("reads a summary and keeps only the actions it knows", () => {
    expect(invoices.actions).toEqual([
      "release",
      "reopen",
      "post",
      "sendForApproval",
      "cancelApprovalRequest",
    ]);
    expect(invoices.fields.find((f) => f.name === "status")?.enum).toEqual(["Open", "Released"]);
  });

  it("names one record of a table", () => {
    expect(singularTitle("Purchase invoices")).toBe("Purchase invoice");
    expect(singularTitle("General journal batches")).toBe("General journal batch");
    expect(singularTitle("Sales quote lines")).toBe("Sales quote line");
    expect(singularTitle("Items")).toBe("Item");
  });

  it("names one record inside a sentence, keeping abbreviations", () => {
    expect(inSentence("Purchase invoice")).toBe("purchase invoice");
    expect(inSentence("General journal batches")).toBe("general journal batches");
    expect(inSentence("GTIN")).toBe("GTIN");
  });

  it("shows a document's number, party, dates, total and status", () => {
    expect(listColumns(invoices).map((f) => f.name)).toEqual([
      "number",
      "vendorNumber",
      "vendorName",
      "invoiceDate",
      "dueDate",
      "totalAmountIncludingTax",
      "status",
    ]);
    expect(listColumns(customers).map((f) => f.name)).toEqual(["number", "displayName", "creditLimit"]);
  });

  it("leads a line list with the line's document, so lines of different documents tell apart", () => {
    const columns = listColumns(invoiceLines);
    expect(columns.map((f) => f.name)).toEqual([
      DOCUMENT_COLUMN,
      "sequence",
      "lineObjectNumber",
      "description",
      "quantity",
      "amountIncludingTax",
    ]);
    expect(columns[0]?.title).toBe("Document no.");
  });

  it("keeps numbers, codes and dates on one line and cuts text", () => {
    const kinds = Object.fromEntries(
      [...invoices.fields, ...listColumns(invoiceLines)].map((f) => [f.name, cellKind(f)]),
    );
    expect(kinds).toMatchObject({
      number: "code",
      vendorNumber: "code",
      vendorInvoiceNumber: "code",
      [DOCUMENT_COLUMN]: "code",
      lineObjectNumber: "code",
      invoiceDate: "date",
      lastModifiedDateTime: "date",
      totalAmountIncludingTax: "number",
      sequence: "number",
      status: "code",
      pricesIncludeTax: "flag",
      vendorName: "text",
      description: "text",
    });
    expect(cellKind({ name: "phoneNumber", title: "Phone no.", type: "string", readOnly: false })).toBe(
      "code",
    );
  });

  it("calls a record by its name, party or description", () => {
    expect(recordName({ number: "PI-1002", vendorName: "Bluebird Fittings Ltd." })).toBe(
      "Bluebird Fittings Ltd.",
    );
    expect(recordName({ number: "C1", displayName: " Heron " })).toBe("Heron");
    expect(recordName({ number: "X" })).toBe("");
  });

  it("asks a new document for its vendor", () => {
    expect(newRecordFields(invoices).map((f) => f.name)).toEqual(["vendorNumber", "vendorInvoiceNumber"]);
  });
});

describe("actions by status", () => {
  const enabled = (record: Record<string, string | boolean>, requestOpen: boolean) =>
    invoices.actions.filter((action) => actionEnabled(invoices, action, record, requestOpen));

  it("follows the document's status and its approval request", () => {
    expect(enabled({ status: "Open", posted: false }, false)).toEqual(["release", "post", "sendForApproval"]);
    expect(enabled({ status: "Pending Approval", posted: false }, true)).toEqual(["cancelApprovalRequest"]);
    // Pending with no request to cancel (nothing the backend would accept): nothing to do.
    expect(enabled({ status: "Pending Approval", posted: false }, false)).toEqual([]);
    expect(enabled({ status: "Released", posted: false }, false)).toEqual(["reopen", "post"]);
    expect(enabled({ status: "Released", posted: true }, false)).toEqual([]);
  });

  it("tells a master record's approval actions by its request, since it has no status", () => {
    const master = (requestOpen: boolean) =>
      customers.actions.filter((a) => actionEnabled(customers, a, {}, requestOpen));
    expect(master(false)).toEqual(["sendForApproval"]);
    expect(master(true)).toEqual(["cancelApprovalRequest"]);
  });

  it("says why an approval action is greyed out", () => {
    expect(actionDisabledReason("sendForApproval", true)).toBe("sandbox.bc.request.alreadyOpen");
    expect(actionDisabledReason("sendForApproval", false)).toBeUndefined();
    expect(actionDisabledReason("cancelApprovalRequest", false)).toBe("sandbox.bc.request.noneOpen");
    expect(actionDisabledReason("cancelApprovalRequest", true)).toBeUndefined();
    expect(actionDisabledReason("release", true)).toBeUndefined();
  });

  it("says why a record is locked", () => {
    expect(lockedReason(invoices, { status: "Open", posted: false })).toBeUndefined();
    expect(lockedReason(invoices, { status: "Released", posted: false })).toBe("sandbox.bc.locked.status");
    expect(lockedReason(invoices, { status: "Released", posted: true })).toBe("sandbox.bc.locked.posted");
  });
});

describe("editing", () => {
  it("sends only what changed, numbers as numbers where they are numbers", () => {
    const record = { number: "C10000", displayName: "Adatum", creditLimit: 1000 };
    expect(
      patchOf(customers.fields, record, {
        number: "C10000",
        displayName: "Adatum Corp",
        creditLimit: "1000",
      }),
    ).toEqual({
      displayName: "Adatum Corp",
    });
    expect(patchOf(customers.fields, record, { creditLimit: "2500.5" })).toEqual({ creditLimit: 2500.5 });
    // As the card writes it, or with thousands separators: the same number, nothing to send.
    expect(patchOf(customers.fields, record, { creditLimit: "1,000.00" })).toEqual({});
    expect(patchOf(customers.fields, record, { creditLimit: "12,500.75" })).toEqual({
      creditLimit: 12500.75,
    });
    // Emptied: zero, as Business Central has it.
    expect(patchOf(customers.fields, record, { creditLimit: " " })).toEqual({ creditLimit: 0 });
    // Not a number: sent as typed, so the backend's message names the field.
    expect(patchOf(customers.fields, record, { creditLimit: "lots" })).toEqual({ creditLimit: "lots" });
  });

  it("writes numbers in inputs as the card does", () => {
    const limit = customers.fields.find((f) => f.name === "creditLimit");
    const line = invoiceLines.fields.find((f) => f.name === "sequence");
    const quantity = invoiceLines.fields.find((f) => f.name === "quantity");
    if (!limit || !line || !quantity) throw new Error("fields expected");
    expect(inputValue(limit, 5000)).toBe("5,000.00");
    expect(inputValue(line, 20000)).toBe("20000");
    expect(inputValue(quantity, 36)).toBe("36");
  });

  it("says the backend's messages about a field in people's words, naming it by its title", () => {
    const limit = customers.fields.find((f) => f.name === "creditLimit");
    const vendor = invoices.fields.find((f) => f.name === "vendorNumber");
    expect(fieldErrorText("Parameter 'creditLimit': must be a number, not string \"x\".", limit)).toBe(
      "Credit limit must be a number.",
    );
    expect(fieldErrorText("Parameter 'item/vendorNumber': is required.", vendor)).toBe(
      "Vendor no. is required.",
    );
    expect(fieldErrorText("Parameter 'vendorNumber': there is no vendor 'V99999'.", vendor)).toBe(
      "There is no vendor V99999.",
    );
    expect(fieldErrorText("Parameter 'creditLimit': must not be negative.", limit)).toBe(
      "Credit limit must not be negative.",
    );
    expect(fieldErrorText("Parameter 'creditLimit': is out of range.", limit)).toBe(
      "Credit limit: is out of range.",
    );
    expect(fieldErrorText("Vendor V1 is blocked.", undefined)).toBe("Vendor V1 is blocked.");
  });

  it("finds the field a backend error names", () => {
    expect(fieldOfError([{ path: "creditLimit" }], "")).toBe("creditLimit");
    expect(fieldOfError(undefined, "Parameter 'item/creditLimit': must be a number, not 'x'.")).toBe(
      "creditLimit",
    );
    expect(fieldOfError(undefined, "The vendor is blocked.")).toBeUndefined();
  });

  it("shows values as Business Central does", () => {
    const field = (table: TableInfo, name: string) => {
      const found = table.fields.find((f) => f.name === name);
      if (!found) throw new Error(`no field ${name}`);
      return found;
    };
    expect(displayValue(field(invoices, "totalAmountIncludingTax"), 13235.1)).toBe("13,235.10");
    expect(displayValue(field(invoices, "pricesIncludeTax"), true)).toBe("✓");
    // Quantities show the decimals they have; line numbers are never grouped.
    expect(displayValue(field(invoiceLines, "quantity"), 36)).toBe("36");
    expect(displayValue(field(invoiceLines, "quantity"), 2.5)).toBe("2.5");
    expect(displayValue(field(invoiceLines, "sequence"), 10000)).toBe("10000");
  });

  it("writes days and moments as the rest of the app does, the same day everywhere", () => {
    const date = invoices.fields.find((f) => f.name === "invoiceDate");
    const moment = invoices.fields.find((f) => f.name === "lastModifiedDateTime");
    if (!date || !moment) throw new Error("fields expected");
    expect(displayValue(date, "2026-11-24")).toBe("Nov 24, 2026");
    expect(displayValue(date, "2026-01-01")).toBe("Jan 1, 2026");
    expect(displayValue(date, "0001-01-01")).toBe("");
    expect(displayValue(moment, "2026-10-23T16:00:00Z")).toMatch(/^Oct 2[34], 2026, \d{1,2}:00 [AP]M$/);
    expect(displayValue(moment, "0001-01-01T00:00:00Z")).toBe("");
  });
});

describe("numbers typed in a grid cell", () => {
  it("reads a decimal comma or point, and refuses empty text and words", () => {
    expect(typedNumber("2,5")).toBe(2.5);
    expect(typedNumber("0,125")).toBe(0.125);
    // Thousands separators as the sandbox shows them: never read as a decimal comma.
    expect(typedNumber("1,000")).toBe(1000);
    expect(typedNumber("12,821.39")).toBe(12821.39);
    expect(typedNumber("1,5000")).toBeUndefined();
    expect(typedNumber("1,000,00")).toBeUndefined();
    expect(typedNumber(" 41 ")).toBe(41);
    expect(typedNumber("-3.25")).toBe(-3.25);
    expect(typedNumber("")).toBeUndefined();
    expect(typedNumber("  ")).toBeUndefined();
    expect(typedNumber("lots")).toBeUndefined();
  });
});

describe("cards", () => {
  const vendors: TableInfo = tableInfo({
    name: "vendors",
    title: "Vendors",
    count: 30,
    numberField: "number",
    kind: "master",
    fields: [
      { name: "id", title: "Id (system id)", type: "string", readOnly: true },
      { name: "number", title: "No.", type: "string", readOnly: false },
      { name: "displayName", title: "Name", type: "string", readOnly: false },
      { name: "addressLine1", title: "Address", type: "string", readOnly: false },
      { name: "phoneNumber", title: "Phone no.", type: "string", readOnly: false },
      { name: "paymentTermsCode", title: "Payment terms code", type: "string", readOnly: false },
      { name: "taxLiable", title: "Tax liable", type: "boolean", readOnly: false },
      { name: "balance", title: "Balance (LCY)", type: "number", readOnly: true },
      { name: "lastModifiedDateTime", title: "Last modified", type: "date-time", readOnly: true },
      { name: "systemModifiedAt", title: "System modified at", type: "date-time", readOnly: true },
    ],
  });
  const names = (sections: ReturnType<typeof cardSections>) =>
    sections.map((s) => [s.id, s.folded, s.fields.map((f) => f.name)]);

  it("groups a vendor's fields as Business Central's FastTabs, ids and stamps folded last", () => {
    expect(names(cardSections(vendors))).toEqual([
      ["general", false, ["number", "displayName", "balance"]],
      ["address", false, ["addressLine1", "phoneNumber"]],
      ["invoicing", false, ["paymentTermsCode", "taxLiable"]],
      ["technical", true, ["id", "lastModifiedDateTime", "systemModifiedAt"]],
    ]);
  });

  it("keeps a document's General before its lines, the rest folded, and drops the posted flag", () => {
    const posted = tableInfo({
      ...invoices,
      fields: [...invoices.fields, { name: "posted", title: "Posted", type: "boolean", readOnly: true }],
    });
    expect(names(cardSections(posted))).toEqual([
      [
        "general",
        false,
        [
          "number",
          "invoiceDate",
          "dueDate",
          "vendorNumber",
          "vendorName",
          "vendorInvoiceNumber",
          "totalAmountIncludingTax",
          "status",
        ],
      ],
      ["details", true, ["pricesIncludeTax"]],
      ["technical", true, ["id", "lastModifiedDateTime", "vendorId"]],
    ]);
  });

  it("requires what Business Central will not do without", () => {
    expect([...requiredFields(vendors)]).toEqual(["displayName"]);
    expect([...requiredFields(invoices)]).toEqual(["vendorNumber"]);
    expect([...requiredFields(invoiceLines)]).toEqual([]);
  });

  it("offers a posted document none of its actions, and calls its status Posted", () => {
    expect(visibleActions(invoices, { status: "Released", posted: true })).toEqual([]);
    expect(visibleActions(invoices, { status: "Released", posted: false })).toEqual(invoices.actions);
    expect(statusText({ status: "Released", posted: true })).toBe("Posted");
    expect(statusText({ status: "Released", posted: false })).toBe("Released");
  });

  it("says what an action did in one sentence", () => {
    expect(actionDoneText("release", "PI-1004", {})).toBe("PI-1004 released.");
    expect(actionDoneText("reopen", "PI-1004", {})).toBe("PI-1004 reopened.");
    expect(actionDoneText("post", "PI-1002", { number: "PI-1002" })).toBe("PI-1002 posted.");
    expect(actionDoneText("post", "SO-1001", { number: "SI-1009" })).toBe(
      "SO-1001 posted as invoice SI-1009.",
    );
    expect(actionDoneText("post", "GENERAL", { code: "GENERAL", postedLines: 3 })).toBe(
      "GENERAL posted: 3 lines.",
    );
    expect(actionDoneText("makeOrder", "SQ-1001", { number: "SO-1006" })).toBe(
      "SQ-1001 made into order SO-1006.",
    );
    expect(actionDoneText("makeInvoice", "SQ-1001", null)).toBe("SQ-1001 made into an invoice.");
    expect(actionDoneText("cancelApprovalRequest", "C10000", {})).toBe(
      "Approval request for C10000 canceled.",
    );
  });
});
