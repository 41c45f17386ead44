import { describe, expect, it } from "vitest";
import { addRunFlowInput, runFlowFields } from "../../../shared/connectors";
import type { WdlTrigger } from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import { findTemplate } from "../../../shared/templates";
import { approvalScopeOf, overlap } from "./approval-scope";
import { formValues, instantSummary, offeredOn, readInstantTrigger } from "./instant";
import { pageParameterFor, readPageParameter, tableOfPage } from "./pages";

const triggerOf = (id: string): WdlTrigger => {
  const trigger = Object.values(findTemplate(id)?.definition.triggers ?? {})[0];
  if (!trigger) throw new Error(`no trigger in ${id}`);
  return trigger as WdlTrigger;
};

describe("pages of the For a selected record trigger", () => {
  it("reads tables, pages, lists and entity sets; empty means every page", () => {
    expect(readPageParameter("table23")).toEqual({ tables: ["vendors"], everywhere: false, unknown: [] });
    expect(readPageParameter("page21, table27")).toEqual({
      tables: ["customers", "items"],
      everywhere: false,
      unknown: [],
    });
    expect(readPageParameter("table36").tables).toEqual([
      "salesQuotes",
      "salesOrders",
      "salesInvoices",
      "salesCreditMemos",
    ]);
    expect(readPageParameter("")).toEqual({ tables: [], everywhere: true, unknown: [] });
    expect(readPageParameter("page99999").unknown).toEqual(["page99999"]);
    expect([tableOfPage("Vendors"), tableOfPage("page27"), tableOfPage("table36")]).toEqual([
      "vendors",
      "vendors",
      undefined,
    ]);
    expect(pageParameterFor("vendors")).toBe("table23");
  });

  it("Block vendor payments is a Vendors-page flow with its form", () => {
    const instant = readInstantTrigger(triggerOf("block-vendor-payments"));
    expect(instant && instantSummary(instant)).toBe("Vendors page");
    expect(instant && [offeredOn(instant, "vendors"), offeredOn(instant, "customers")]).toEqual([
      true,
      false,
    ]);
    expect(instant?.fields.map((f) => [f.key, f.required])).toEqual([
      ["text", true],
      ["boolean", false],
    ]);
  });
});

describe("the Run flow form's answers", () => {
  let schema: JsonObject = {};
  for (const [kind, required] of [
    ["text", true],
    ["number", false],
    ["boolean", true],
    ["email", false],
    ["date", false],
  ] as const) {
    schema = addRunFlowInput(schema, kind, { title: kind, required }).schema;
  }
  schema = addRunFlowInput(schema, "choice", { title: "pick", options: ["A", "B"] }).schema;
  const fields = runFlowFields(schema);

  it("converts each kind; unknown keys stay out; false is an answer", () => {
    expect(
      formValues(fields, {
        text: " hi ",
        number: "3",
        boolean: false,
        email: "a@b.example",
        date: "2026-01-05",
        text_1: "B",
        extra: 1,
      }),
    ).toEqual({
      text: " hi ",
      number: 3,
      boolean: false,
      email: "a@b.example",
      date: "2026-01-05",
      text_1: "B",
    });
  });

  it("names every missing or wrong input", () => {
    expect(() => formValues(fields, { text: "  ", email: "nope", text_1: "C" })).toThrow(
      "“text” is required: fill it in to run this flow. (and 3 more)",
    );
    try {
      formValues(fields, { text: "  ", email: "nope", text_1: "C" });
    } catch (error) {
      expect((error as { issues: unknown }).issues).toEqual([
        { path: "inputs.text", message: "“text” is required: fill it in to run this flow." },
        { path: "inputs.boolean", message: "“boolean” is required: fill it in to run this flow." },
        { path: "inputs.email", message: "“email” must be an email address." },
        { path: "inputs.text_1", message: "“pick” must be one of “A” and “B”." },
      ]);
    }
  });
});

describe("approval scopes", () => {
  it("Document Type narrows the tables; two scopes overlap only on the same event kind", () => {
    const invoices = approvalScopeOf(triggerOf("approve-purchase-invoice"));
    const orders = approvalScopeOf(triggerOf("approve-purchase-order"));
    const salesInvoices = approvalScopeOf(triggerOf("approve-sales-invoice"));
    expect(invoices).toEqual({
      eventKind: "purchaseDocument",
      triggerOperationId: "CreatePurchaseDocumentApprovalWebHookV3",
      tables: ["purchaseInvoices"],
    });
    if (!invoices || !orders || !salesInvoices) throw new Error("scopes");
    expect(overlap(invoices, orders)).toEqual([]);
    expect(overlap(invoices, salesInvoices)).toEqual([]);
    expect(
      overlap(invoices, { eventKind: "purchaseDocument", tables: ["purchaseOrders", "purchaseInvoices"] }),
    ).toEqual(["purchaseInvoices"]);
    expect(approvalScopeOf(triggerOf("block-vendor-payments"))).toBeUndefined();
  });
});
