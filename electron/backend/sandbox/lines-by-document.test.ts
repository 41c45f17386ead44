// The sandbox's line lists sort by the document each line belongs to, like any other column.
import { describe, expect, it } from "vitest";
import { testWorld } from "./test-support";

describe("a line list sorted by document no.", () => {
  it("orders lines by their document's number, numbers as numbers, each document's lines in line order", () => {
    const w = testWorld();
    const numberOf = (documentId: unknown) =>
      String(w.sandbox.getRecord("purchaseInvoices", String(documentId)).number);
    const all = w.sandbox.listRecords("purchaseInvoiceLines", { byDocument: "asc", top: 1000 });
    expect(all.items.length).toBeGreaterThan(10);
    const keys = all.items.map((line) => [numberOf(line.documentId), Number(line.sequence)] as const);
    const expected = [...keys].sort(
      (a, b) => a[0].localeCompare(b[0], "en", { numeric: true }) || a[1] - b[1],
    );
    expect(keys).toEqual(expected);
    expect(new Set(keys.map(([number]) => number)).size).toBeGreaterThan(1);

    const down = w.sandbox.listRecords("purchaseInvoiceLines", { byDocument: "desc", top: 1000 });
    const first = down.items[0];
    const last = all.items[all.items.length - 1];
    expect(numberOf(first?.documentId)).toBe(numberOf(last?.documentId));
    // Line order inside a document stays ascending either way.
    const ofFirst = down.items.filter((line) => line.documentId === first?.documentId).map((l) => l.sequence);
    expect(ofFirst).toEqual([...ofFirst].sort((a, b) => Number(a) - Number(b)));
  });

  it("pages after sorting", () => {
    const w = testWorld();
    const all = w.sandbox.listRecords("purchaseInvoiceLines", { byDocument: "asc", top: 1000 });
    const second = w.sandbox.listRecords("purchaseInvoiceLines", { byDocument: "asc", top: 5, skip: 5 });
    expect(second.total).toBe(all.total);
    expect(second.items.map((l) => l.id)).toEqual(all.items.slice(5, 10).map((l) => l.id));
  });

  it("is refused for a table that has no documents", () => {
    const w = testWorld();
    expect(() => w.sandbox.listRecords("customers", { byDocument: "asc" })).toThrow(
      /only for document lines/,
    );
  });
});
