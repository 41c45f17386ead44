import { describe, expect, it } from "vitest";
import {
  actionDisabledReason,
  actionEnabled,
  displayValue,
  fieldErrorText,
  fieldOfError,
  listColumns,
  lockedReason,
  newRecordFields,
  patchOf,
  singularTitle,
  type TableInfo,
  tableInfo,
  typedNumber,
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

  it("shows a document's number, party, date, total and status", () => {
    expect(listColumns(invoices).map((f) => f.name)).toEqual([
      "number",
      "vendorName",
      "invoiceDate",
      "totalAmountIncludingTax",
      "status",
    ]);
    expect(listColumns(customers).map((f) => f.name)).toEqual(["number", "displayName", "creditLimit"]);
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
    // Not a number: sent as typed, so the backend's message names the field.
    expect(patchOf(customers.fields, record, { creditLimit: "lots" })).toEqual({ creditLimit: "lots" });
  });

  it("names the field by its title in the backend's message", () => {
    const limit = customers.fields.find((f) => f.name === "creditLimit");
    expect(fieldErrorText("Parameter 'creditLimit': must be a number, not string \"x\".", limit)).toBe(
      'Credit limit: must be a number, not string "x".',
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
    const total = invoices.fields.find((f) => f.name === "totalAmountIncludingTax");
    const date = invoices.fields.find((f) => f.name === "invoiceDate");
    const flag = invoices.fields.find((f) => f.name === "pricesIncludeTax");
    if (!total || !date || !flag) throw new Error("fields expected");
    expect(displayValue(total, 13235.1)).toBe("13,235.10");
    expect(displayValue(date, "0001-01-01")).toBe("");
    expect(displayValue(flag, true)).toBe("✓");
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
