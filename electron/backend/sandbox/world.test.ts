import { describe, expect, it } from "vitest";
import { eventsOf, testWorld } from "./test-support";

const MARCUS = "marcus.bell@cronus-demo.example";

describe("transactions and events", () => {
  it("a batch commits together and emits its events after the commit", () => {
    const w = testWorld();
    const counts: number[] = [];
    w.sandbox.events.on("record.modified", () => counts.push(w.events.length));
    const ids = w.sandbox.listRecords("customers", { top: 3 }).items.map((r) => String(r.id));
    w.sandbox.batch(() => {
      for (const id of ids) w.sandbox.updateRecord("customers", id, { creditLimit: 1234 }, MARCUS);
      expect(w.events).toHaveLength(0);
    });
    expect(eventsOf(w.events, "record.modified")).toHaveLength(3);
    expect(counts).toEqual([1, 2, 3]);
  });

  it("a batch that throws changes nothing and emits nothing", () => {
    const w = testWorld();
    const [first] = w.sandbox.listRecords("customers", { top: 1 }).items;
    expect(() =>
      w.sandbox.batch(() => {
        w.sandbox.updateRecord("customers", String(first?.id), { creditLimit: 1 }, MARCUS);
        w.sandbox.updateRecord("customers", String(first?.id), { blocked: "Never" }, MARCUS);
      }),
    ).toThrow("'Never' is not one of");
    expect(w.events).toHaveLength(0);
    expect(w.sandbox.getRecord("customers", String(first?.id)).creditLimit).toBe(first?.creditLimit);
  });

  it("an inner failure that is caught keeps the rest of the batch", () => {
    const w = testWorld();
    const [a, b] = w.sandbox.listRecords("customers", { top: 2 }).items;
    w.sandbox.batch(() => {
      w.sandbox.updateRecord("customers", String(a?.id), { creditLimit: 1 }, MARCUS);
      try {
        w.sandbox.updateRecord("customers", String(b?.id), { creditLimit: "lots" }, MARCUS);
      } catch {
        // the person is told; the batch goes on
      }
    });
    expect(eventsOf(w.events, "record.modified").map((e) => e.id)).toEqual([a?.id]);
  });

  it("a throwing listener does not stop the others", () => {
    const w = testWorld();
    const seen: string[] = [];
    w.sandbox.events.on("record.created", () => {
      throw new Error("broken listener");
    });
    w.sandbox.events.on("record.created", (payload) => seen.push(payload.number));
    const original = console.error;
    console.error = () => {};
    try {
      w.sandbox.createRecord("items", { displayName: "Test item" }, MARCUS);
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(["2000"]);
  });

  it("acting in the UI needs a person of the company", () => {
    const w = testWorld();
    expect(() => w.sandbox.createRecord("customers", { displayName: "X" }, "stranger@else.example")).toThrow(
      "is not a person of the company",
    );
  });

  it("lists tables with their counts, fields and actions, and pages with search", () => {
    const w = testWorld();
    const tables = w.sandbox.tables();
    expect(tables.find((t) => t.name === "purchaseInvoices")).toMatchObject({
      count: 25,
      linesTable: "purchaseInvoiceLines",
      actions: ["release", "reopen", "post", "sendForApproval", "cancelApprovalRequest"],
    });
    expect(tables.find((t) => t.name === "employees")?.actions).toEqual([]);
    const page = w.sandbox.listRecords("customers", { orderBy: "number", skip: 10, top: 5 });
    expect(page.total).toBe(50);
    expect(page.items.map((r) => r.number)).toEqual(["C10100", "C10110", "C10120", "C10130", "C10140"]);
    const name = String(w.sandbox.findRecord("vendors", "V20000")?.displayName);
    expect(
      w.sandbox.listRecords("vendors", { search: name.toUpperCase() }).items.map((r) => r.number),
    ).toContain("V20000");
  });
});
