import { describe, expect, it } from "vitest";
import { eventsOf, failed, succeeded, testWorld } from "./test-support";

const X = "shared_excelonlinebusiness";
const WHERE = {
  source: "me",
  drive: "b!cronus-demo-documents",
  file: "/Approvals log.xlsx",
  table: "ApprovalsLog",
};

describe("Add a row into a table", () => {
  it("adds a row by column name, empty where not given", async () => {
    const w = testWorld();
    const table = w.sandbox.listWorkbooks()[0]?.tables[0];
    const before = Number(table?.rowCount);
    const added = succeeded(
      await w.call(X, "AddRowV2", {
        ...WHERE,
        "item/Document": "PI-1001",
        "item/Amount": 13235.11,
        "item/outcome": "Approve",
      }),
    );
    expect(added.body).toMatchObject({
      Document: "PI-1001",
      Amount: "13235.11",
      Outcome: "Approve",
      Comments: "",
    });
    expect(added.body.ItemInternalId).toBeTypeOf("string");
    const rows = w.sandbox.listExcelRows(String(table?.id));
    expect(rows.total).toBe(before + 1);
    expect(rows.items.at(-1)?.values.Document).toBe("PI-1001");
    expect(eventsOf(w.events, "excel.rowAdded")[0]).toMatchObject({
      file: "/Approvals log.xlsx",
      table: "ApprovalsLog",
    });
  });

  it("finds the workbook by name and the drive by its name too", async () => {
    const w = testWorld();
    succeeded(
      await w.call(X, "AddRowV2", {
        source: "me",
        drive: "Documents",
        file: "Sales report.xlsx",
        table: "Targets",
        item: { Salesperson: "SL" },
      }),
    );
  });

  it("names the missing workbook, table or column", async () => {
    const w = testWorld();
    expect(
      failed(await w.call(X, "AddRowV2", { ...WHERE, file: "/Nope.xlsx", item: {} })).error.message,
    ).toMatch(/^Parameter 'file': there is no workbook '\/Nope.xlsx'/);
    expect(failed(await w.call(X, "AddRowV2", { ...WHERE, table: "Log", item: {} })).error.message).toBe(
      "Parameter 'table': Approvals log.xlsx has no table 'Log'; tables: ApprovalsLog.",
    );
    expect(
      failed(await w.call(X, "AddRowV2", { ...WHERE, drive: "Nowhere", item: {} })).error.message,
    ).toMatch(/^Parameter 'drive'/);
    expect(failed(await w.call(X, "AddRowV2", { ...WHERE, "item/Colour": "red" })).error.message).toMatch(
      /^Parameter 'item\/Colour': table ApprovalsLog has no column 'Colour'/,
    );
  });
});
