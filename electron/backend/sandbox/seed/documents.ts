// Sales and purchase documents with their lines, open and posted, and the general journals. The
// first purchase invoices are fixed so that tests can rely on them: PI-1001 is open, from V20000,
// bought by Marcus Bell (MB) and over 10,000; PI-1002 is open and under 1,000.
import type { JsonObject } from "../../../../shared/json";
import { computeLine, documentTotals, round2 } from "../document-math";
import type { SandboxRecord } from "../types";
import { requireTable, type SeedContext } from "./context";
import { COMPANY_NAME, JOURNAL_DESCRIPTIONS } from "./words";

interface Plan {
  table: string;
  count: number;
  /** How many of them are posted (invoices and credit memos only), counted from the end. */
  posted?: number;
  status: (index: number) => string;
}

// One order of each side waits for approval, with its request in Business Central.
export const PENDING_APPROVAL = { salesOrders: 2, purchaseOrders: 2 } as const;

const PLANS: readonly Plan[] = [
  { table: "salesQuotes", count: 10, status: () => "Open" },
  {
    table: "salesOrders",
    count: 15,
    status: (i) =>
      i === PENDING_APPROVAL.salesOrders ? "Pending Approval" : i % 4 === 3 ? "Released" : "Open",
  },
  { table: "salesInvoices", count: 25, posted: 15, status: (i) => (i % 3 === 2 ? "Released" : "Open") },
  { table: "salesCreditMemos", count: 8, posted: 5, status: () => "Open" },
  {
    table: "purchaseOrders",
    count: 15,
    status: (i) =>
      i === PENDING_APPROVAL.purchaseOrders ? "Pending Approval" : i % 4 === 3 ? "Released" : "Open",
  },
  {
    table: "purchaseInvoices",
    count: 25,
    posted: 15,
    status: (i) => (i > 1 && i % 3 === 2 ? "Released" : "Open"),
  },
  { table: "purchaseCreditMemos", count: 8, posted: 5, status: () => "Open" },
];

function partyFields(ctx: SeedContext, party: SandboxRecord, side: "customer" | "vendor"): JsonObject {
  const common = { currencyCode: party.currencyCode ?? "" };
  if (side === "customer") {
    return {
      ...common,
      customerId: party.id ?? "",
      customerNumber: party.number ?? "",
      customerName: party.displayName ?? "",
      billToName: party.displayName ?? "",
      billToCustomerNumber: party.number ?? "",
      shipToName: party.displayName ?? "",
      sellToAddressLine1: party.addressLine1 ?? "",
      sellToCity: party.city ?? "",
      sellToState: party.state ?? "",
      sellToCountry: party.country ?? "",
      sellToPostCode: party.postalCode ?? "",
      salesperson: party.salespersonCode ?? "",
      email: party.email ?? "",
      externalDocumentNumber: ctx.rng.chance(0.5) ? `PO-${ctx.rng.int(10000, 99999)}` : "",
    };
  }
  return {
    ...common,
    vendorId: party.id ?? "",
    vendorNumber: party.number ?? "",
    vendorName: party.displayName ?? "",
    payToName: party.displayName ?? "",
    payToVendorNumber: party.number ?? "",
    shipToName: COMPANY_NAME,
    buyFromAddressLine1: party.addressLine1 ?? "",
    buyFromCity: party.city ?? "",
    buyFromState: party.state ?? "",
    buyFromCountry: party.country ?? "",
    buyFromPostCode: party.postalCode ?? "",
    purchaser: party.purchaserCode ?? "",
  };
}

/** Dates of a document dated `offset` days from the base day, by the table's date fields. */
function dateFields(ctx: SeedContext, tableName: string, offset: number): JsonObject {
  const values: JsonObject = {};
  for (const field of requireTable(tableName).fields) {
    if (field.type !== "date") continue;
    if (/due/i.test(field.name)) values[field.name] = ctx.day(offset + 30);
    else if (/validUntil|requested/i.test(field.name)) values[field.name] = ctx.day(offset + 14);
    else values[field.name] = ctx.day(offset);
  }
  return values;
}

function addLines(
  ctx: SeedContext,
  document: SandboxRecord,
  linesTable: string,
  side: "customer" | "vendor",
  spec: { minAmount?: number; maxAmount?: number },
): SandboxRecord[] {
  const items = ctx.list("items").filter((item) => item.blocked !== true && item.type === "Inventory");
  const fixed = spec.minAmount !== undefined || spec.maxAmount !== undefined;
  const count = fixed ? 1 : ctx.rng.int(1, 4);
  const lines: SandboxRecord[] = [];
  for (let n = 0; n < count; n++) {
    const item = ctx.rng.pick(items);
    const price = Number(side === "customer" ? item.unitPrice : item.unitCost);
    let quantity = side === "customer" ? ctx.rng.int(1, 12) : ctx.rng.int(5, 40);
    if (spec.minAmount !== undefined) quantity = Math.ceil(spec.minAmount / price);
    if (spec.maxAmount !== undefined) quantity = Math.max(1, Math.floor(spec.maxAmount / price / 1.1));
    const line = ctx.add(
      linesTable,
      computeLine({
        documentId: document.id ?? "",
        sequence: (n + 1) * 10000,
        itemId: item.id ?? "",
        lineType: "Item",
        lineObjectNumber: item.number ?? "",
        description: item.displayName ?? "",
        unitOfMeasureCode: item.baseUnitOfMeasureCode ?? "PCS",
        quantity,
        [side === "customer" ? "unitPrice" : "directUnitCost"]: price,
        discountPercent: spec.minAmount === undefined && ctx.rng.chance(0.2) ? ctx.rng.pick([5, 10]) : 0,
        taxPercent: 10,
      }),
    );
    lines.push(line);
  }
  return lines;
}

export function seedDocuments(ctx: SeedContext): void {
  for (const plan of PLANS) {
    const table = requireTable(plan.table);
    const side = table.party ?? "customer";
    const parties = ctx.list(side === "customer" ? "customers" : "vendors").filter((p) => {
      const blocked = String(p.blocked ?? " ");
      return blocked === " " || (side === "vendor" && blocked === "Payment");
    });
    const prefix = table.series?.prefix ?? "";
    for (let i = 0; i < plan.count; i++) {
      const fixed = plan.table === "purchaseInvoices" && i < 2;
      const party = fixed ? ctx.list("vendors")[i] : ctx.rng.pick(parties);
      if (!party) throw new Error("seed: no party");
      const posted = plan.posted !== undefined && i >= plan.count - plan.posted;
      const offset = posted ? -ctx.rng.int(20, 90) : -ctx.rng.int(1, 15);
      const status = posted ? (ctx.rng.chance(0.5) ? "Paid" : "Released") : plan.status(i);
      const document = ctx.add(plan.table, {
        number: `${prefix}${1001 + i}`,
        ...dateFields(ctx, plan.table, offset),
        ...partyFields(ctx, party, side),
        ...(plan.table === "purchaseInvoices"
          ? { vendorInvoiceNumber: `INV-${ctx.rng.int(10000, 99999)}` }
          : {}),
        ...(plan.table === "purchaseCreditMemos"
          ? { vendorCreditMemoNumber: `CR-${ctx.rng.int(10000, 99999)}` }
          : {}),
        status,
        ...(table.postable ? { posted } : {}),
      });
      const spec = fixed ? (i === 0 ? { minAmount: 12000 } : { maxAmount: 800 }) : {};
      const lines = addLines(ctx, document, table.linesTable ?? "", side, spec);
      Object.assign(document, documentTotals(document, lines));
      // Last changed on the day it is dated, in office hours.
      const changed = ctx.timeOn(offset);
      for (const record of [document, ...lines]) {
        record.systemModifiedAt = changed;
        if ("lastModifiedDateTime" in record) record.lastModifiedDateTime = changed;
      }
    }
  }
  computeBalances(ctx);
}

// Balances: posted, unpaid invoices less posted credit memos.
function computeBalances(ctx: SeedContext): void {
  const balance = (invoices: string, memos: string, key: string) => {
    const sums = new Map<string, number>();
    const addTo = (doc: SandboxRecord, sign: number) => {
      if (doc.posted !== true || doc.status === "Paid") return;
      const id = String(doc[key]);
      sums.set(id, (sums.get(id) ?? 0) + sign * Number(doc.totalAmountIncludingTax));
    };
    for (const doc of ctx.list(invoices)) addTo(doc, 1);
    for (const doc of ctx.list(memos)) addTo(doc, -1);
    return sums;
  };
  const customers = balance("salesInvoices", "salesCreditMemos", "customerId");
  for (const customer of ctx.list("customers"))
    customer.balanceDue = round2(customers.get(String(customer.id)) ?? 0);
  const vendors = balance("purchaseInvoices", "purchaseCreditMemos", "vendorId");
  for (const vendor of ctx.list("vendors")) vendor.balance = round2(vendors.get(String(vendor.id)) ?? 0);
}

export function seedJournals(ctx: SeedContext): void {
  const batches = [
    { code: "GENERAL", displayName: "General entries", template: "GENERAL", balancing: "", lines: 6 },
    {
      code: "PAYMENTS",
      displayName: "Vendor payments",
      template: "PAYMENT",
      balancing: "WWB-OPERATING",
      lines: 8,
    },
    {
      code: "CASHRCPT",
      displayName: "Cash receipts",
      template: "CASHRCPT",
      balancing: "WWB-OPERATING",
      lines: 6,
    },
  ];
  let documentNumber = 1001;
  for (const batch of batches) {
    const journal = ctx.add("journals", {
      code: batch.code,
      displayName: batch.displayName,
      templateDisplayName: batch.template,
      balancingAccountNumber: batch.balancing,
      status: "Open",
    });
    for (let n = 0; n < batch.lines; n++) {
      const values: JsonObject = {
        journalId: journal.id ?? "",
        journalDisplayName: batch.code,
        lineNumber: (n + 1) * 10000,
        postingDate: ctx.day(-ctx.rng.int(0, 5)),
        documentNumber: `GJ-${documentNumber++}`,
        balancingAccountType: "Bank Account",
        balancingAccountNumber: "WWB-OPERATING",
        status: "Open",
      };
      if (batch.code === "PAYMENTS") {
        const vendor = ctx.rng.pick(ctx.list("vendors"));
        Object.assign(values, {
          accountType: "Vendor",
          accountNumber: vendor.number ?? "",
          amount: ctx.rng.int(200, 9000),
          description: `Payment to ${vendor.displayName}`,
          externalDocumentNumber: `PAY-${ctx.rng.int(1000, 9999)}`,
        });
      } else if (batch.code === "CASHRCPT") {
        const customer = ctx.rng.pick(ctx.list("customers"));
        Object.assign(values, {
          accountType: "Customer",
          accountNumber: customer.number ?? "",
          amount: -ctx.rng.int(200, 9000),
          description: `Payment from ${customer.displayName}`,
        });
      } else {
        Object.assign(values, {
          accountType: "G/L Account",
          accountNumber: String(ctx.rng.pick([8110, 8120, 8210, 8230, 8410, 8450])),
          amount: ctx.rng.int(50, 4000),
          description: ctx.rng.pick(JOURNAL_DESCRIPTIONS),
        });
      }
      ctx.add("journalLines", values);
    }
  }
}

/** The number series of every table that has one, continuing after the seeded numbers. */
export function seededSeries(
  ctx: SeedContext,
): { table: string; prefix: string; next: number; step: number }[] {
  const result: { table: string; prefix: string; next: number; step: number }[] = [];
  for (const [name] of ctx.records) {
    const table = requireTable(name);
    if (!table.series) continue;
    const { prefix, start, step } = table.series;
    result.push({ table: name, prefix, next: start + ctx.list(name).length * step, step });
  }
  return result;
}
