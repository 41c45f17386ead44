import { describe, expect, it } from "vitest";
import { BC_TABLES } from "../../../shared/connectors";
import { DEFAULT_SEED, generateDemoCompany } from "./seed";
import { START, testWorld } from "./test-support";

describe("the demo company", () => {
  it("is the same company for the same seed and day, and another one for another seed", () => {
    const a = generateDemoCompany(START);
    const b = generateDemoCompany(START + 3 * 3_600_000);
    expect(JSON.stringify([...a.records])).toBe(JSON.stringify([...b.records]));
    expect(a.people).toEqual(b.people);
    expect(a.teams).toEqual(b.teams);
    const c = generateDemoCompany(START, DEFAULT_SEED + 1);
    expect(c.records.get("customers")?.[0]?.id).not.toBe(a.records.get("customers")?.[0]?.id);
  });

  it("seeds the same records into two databases", () => {
    const one = testWorld();
    const two = testWorld();
    for (const table of ["customers", "purchaseInvoices", "purchaseInvoiceLines", "journalLines"]) {
      expect(two.sandbox.listRecords(table).items).toEqual(one.sandbox.listRecords(table).items);
    }
  });

  it("has the counts the issue asks for", () => {
    const { sandbox } = testWorld();
    const count = (table: string) => sandbox.listRecords(table).total;
    expect(count("customers")).toBe(50);
    expect(count("vendors")).toBe(30);
    expect(count("items")).toBe(100);
    expect(count("employees")).toBe(20);
    expect(sandbox.listPeople()).toHaveLength(20);
    expect(count("journals")).toBe(3);
    expect(count("journalLines")).toBe(20);
    for (const table of ["salesQuotes", "salesOrders", "salesInvoices", "salesCreditMemos"]) {
      expect(count(table)).toBeGreaterThanOrEqual(8);
    }
    for (const table of ["purchaseOrders", "purchaseInvoices", "purchaseCreditMemos"]) {
      expect(count(table)).toBeGreaterThanOrEqual(8);
    }
  });

  it("fills every field the catalog declares, for every table", () => {
    const { sandbox } = testWorld();
    for (const table of BC_TABLES) {
      const [record] = sandbox.listRecords(table.name, { top: 1 }).items;
      expect(record, table.name).toBeDefined();
      for (const field of table.fields)
        expect(record, `${table.name}.${field.name}`).toHaveProperty(field.name);
      expect(record?.systemModifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("has open and posted documents, with lines whose amounts add up", () => {
    const { sandbox } = testWorld();
    for (const table of ["salesInvoices", "salesCreditMemos", "purchaseInvoices", "purchaseCreditMemos"]) {
      const docs = sandbox.listRecords(table).items;
      expect(
        docs.some((d) => d.posted === true),
        table,
      ).toBe(true);
      expect(
        docs.some((d) => d.posted === false && d.status === "Open"),
        table,
      ).toBe(true);
    }
    expect(sandbox.listRecords("salesOrders", { filter: "status eq 'Pending Approval'" }).total).toBe(1);
    expect(sandbox.listRecords("purchaseOrders", { filter: "status eq 'Released'" }).total).toBeGreaterThan(
      0,
    );
    for (const doc of sandbox.listRecords("purchaseInvoices").items) {
      const lines = sandbox.documentLines("purchaseInvoices", String(doc.id));
      expect(lines.length).toBeGreaterThan(0);
      const sum = lines.reduce((total, line) => total + Number(line.amountIncludingTax), 0);
      expect(Number(doc.totalAmountIncludingTax)).toBeCloseTo(sum, 1);
    }
    // The seeded pending orders have their open request in Business Central.
    expect(sandbox.listApprovalRequests({ status: "Open" })).toHaveLength(2);
  });

  it("has the fixtures the end-to-end journeys rely on", () => {
    const { sandbox } = testWorld();
    const pi1001 = sandbox.findRecord("purchaseInvoices", "PI-1001");
    expect(pi1001).toMatchObject({ status: "Open", posted: false, vendorNumber: "V20000", purchaser: "MB" });
    expect(Number(pi1001?.totalAmountIncludingTax)).toBeGreaterThan(10_000);
    const pi1002 = sandbox.findRecord("purchaseInvoices", "PI-1002");
    expect(pi1002).toMatchObject({ status: "Open", vendorNumber: "V20010", purchaser: "NH" });
    expect(Number(pi1002?.totalAmountIncludingTax)).toBeLessThan(1_000);

    const marcus = sandbox.listPeople().find((p) => p.purchaserCode === "MB");
    expect(marcus?.email).toBe("marcus.bell@cronus-demo.example");
    expect(marcus?.managerEmail).toBe("alicia.thornton@cronus-demo.example");
    expect(sandbox.getPerson("alicia.thornton@cronus-demo.example")?.approvalLimits.purchase).toBe(100_000);

    const vendor = sandbox.findRecord("vendors", "V20000");
    expect(vendor?.email).toMatch(/^accounts@[a-z-]+\.example$/);
    expect(sandbox.listGroups().find((g) => g.email === "buyers@cronus-demo.example")?.members).toEqual([
      "marcus.bell@cronus-demo.example",
      "nadia.haddad@cronus-demo.example",
      "oliver.grant@cronus-demo.example",
    ]);

    const teams = sandbox
      .listTeams()
      .map((t) => `${t.displayName}: ${t.channels.map((c) => c.displayName).join(", ")}`);
    expect(teams).toEqual([
      "Finance: General, Approvals, Payments",
      "Purchasing: General, Vendor updates",
      "Sales: General, Big deals",
      "All Company: General, Announcements",
    ]);
    const books = sandbox.listWorkbooks().map((w) => `${w.path}: ${w.tables.map((t) => t.name).join(", ")}`);
    expect(books).toEqual([
      "/Approvals log.xlsx: ApprovalsLog",
      "/Sales report.xlsx: SalesReport, Targets",
      "/Vendor payments.xlsx: BlockedVendors",
    ]);
    expect(sandbox.listBuiltInWorkflows().map((w) => w.name)).toContain("Purchase invoice approval");
    expect(sandbox.listBuiltInWorkflows().every((w) => !w.enabled)).toBe(true);
  });

  it("gives everyone a company address on the fictional domain and a manager but the CEO", () => {
    const { sandbox } = testWorld();
    const people = sandbox.listPeople();
    expect(people.every((p) => p.email.endsWith("@cronus-demo.example"))).toBe(true);
    expect(people.filter((p) => p.managerEmail === null).map((p) => p.jobTitle)).toEqual([
      "Chief Executive Officer",
    ]);
    const emails = new Set(people.map((p) => p.email));
    expect(people.every((p) => p.managerEmail === null || emails.has(p.managerEmail))).toBe(true);
    expect(sandbox.listMailboxes()).toHaveLength(21);
  });
});
