// The Business Central tables the sandbox has, and the triggers that refer to them.
import { describe, expect, it } from "vitest";
import { allOperations } from "./catalog";
import { flowKindOf } from "./recognize";
import { BC_TABLE_OPTIONS, BC_TABLES, bcTable } from "./tables";

describe("Business Central tables", () => {
  it.each(BC_TABLES.map((table) => [table.name, table] as const))("%s is well formed", (_, table) => {
    const names = table.fields.map((field) => field.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("id");
    expect(names).toContain(table.numberField);
    expect(table.fields.find((field) => field.name === "id")?.readOnly).toBe(true);
    for (const field of table.fields) {
      expect(field.title.trim()).not.toBe("");
      if (field.enum) expect(field.type).toBe("string");
    }
  });

  it("include the tables the sandbox company needs", () => {
    expect(BC_TABLES.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        "customers",
        "vendors",
        "items",
        "employees",
        "salesQuotes",
        "salesOrders",
        "salesInvoices",
        "salesCreditMemos",
        "purchaseOrders",
        "purchaseInvoices",
        "purchaseCreditMemos",
        "journals",
        "journalLines",
      ]),
    );
    expect(BC_TABLE_OPTIONS.find((option) => option.value === "salesInvoices")?.title).toBe("Sales invoices");
  });

  it("are found by name in any letter case", () => {
    expect(bcTable("SALESINVOICES")?.name).toBe("salesInvoices");
    expect(bcTable("glEntries")).toBeUndefined();
  });

  it("cover every table an approval trigger reports", () => {
    const approvalTriggers = allOperations().filter((op) => op.approvalTables !== undefined);
    expect(approvalTriggers).toHaveLength(7);
    for (const op of approvalTriggers) {
      for (const table of op.approvalTables ?? [])
        expect(bcTable(table), `${op.operationId}: ${table}`).toBeDefined();
    }
  });
});

describe("flowKindOf", () => {
  it("tells the kind of flow from its trigger", () => {
    expect(flowKindOf({ type: "Recurrence", recurrence: { frequency: "Week", interval: 1 } })).toBe(
      "scheduled",
    );
    expect(flowKindOf({ type: "Request", kind: "Button", inputs: { schema: {} } })).toBe("instant");
    expect(
      flowKindOf({
        type: "OpenApiConnectionWebhook",
        inputs: {
          host: {
            apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
            connectionName: "shared_dynamicssmbsaas",
            operationId: "CreateOnNewItemsSubscriptionV3",
          },
        },
      }),
    ).toBe("automated");
    expect(flowKindOf({ type: "Request", kind: "PowerAppV2" })).toBeUndefined();
  });
});
