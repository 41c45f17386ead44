// The Business Central tables the sandbox keeps: the catalog's tables (their fields exactly), the
// document line tables the catalog leaves out, and what the sandbox needs to know about each one
// (number series, party, lines, approval event).
import { allOperations, BC_TABLES, type BcField, type BcTable } from "../../../shared/connectors";
import type { ApprovalEventKind } from "./types";

export type TableKind = "master" | "employee" | "document" | "line" | "journal" | "journalLine";

export interface SandboxTable extends BcTable {
  kind: TableKind;
  /** Documents: their line table. */
  linesTable?: string;
  /** Lines: their document table. */
  documentTable?: string;
  party?: "customer" | "vendor";
  /** New records without a number get prefix + next (C10000, C10010…). */
  series?: { prefix: string; start: number; step: number };
  /** Invoices and credit memos are posted, after which they no longer change. */
  postable?: boolean;
  approvalKind?: ApprovalEventKind;
  /** The catalog trigger that reports this table's approval requests. */
  approvalTrigger?: string;
}

const f = (name: string, title: string, type: BcField["type"], extra: Partial<BcField> = {}): BcField => ({
  name,
  title,
  type,
  ...extra,
});

// Every record carries the time of its last change under Business Central's system field name too.
const systemModifiedAt = f("systemModifiedAt", "System modified at", "date-time", { readOnly: true });
const posted = f("posted", "Posted", "boolean", { readOnly: true });

function lineFields(side: "sales" | "purchase"): BcField[] {
  return [
    f("id", "Id (system id)", "string", { readOnly: true }),
    f("documentId", "Document id", "string"),
    f("sequence", "Line no.", "integer"),
    f("itemId", "Item id", "string"),
    f("lineType", "Type", "string", { enum: ["Comment", "Account", "Item", "Resource"] }),
    f("lineObjectNumber", "No.", "string"),
    f("description", "Description", "string"),
    f("unitOfMeasureCode", "Unit of measure code", "string"),
    f("quantity", "Quantity", "number"),
    side === "sales"
      ? f("unitPrice", "Unit price", "number")
      : f("directUnitCost", "Direct unit cost", "number"),
    f("discountPercent", "Line discount %", "number"),
    f("taxPercent", "Tax %", "number"),
    f("amountExcludingTax", "Line amount excl. tax", "number", { readOnly: true }),
    f("totalTaxAmount", "Tax amount", "number", { readOnly: true }),
    f("amountIncludingTax", "Line amount incl. tax", "number", { readOnly: true }),
  ];
}

const APPROVAL_KIND_BY_TRIGGER: Record<string, ApprovalEventKind> = {
  CreateCustomerApprovalWebHookV3: "customer",
  CreateVendorApprovalWebHookV3: "vendor",
  CreateItemApprovalWebHookV3: "item",
  CreateGeneralJournalBatchApprovalWebHookV3: "generalJournalBatch",
  CreateGeneralJournalLineApprovalWebHookV3: "generalJournalLine",
  CreatePurchaseDocumentApprovalWebHookV3: "purchaseDocument",
  CreateSalesDocumentApprovalWebHookV3: "salesDocument",
};

/** The approval trigger of the catalog for each event kind. */
export const APPROVAL_TRIGGERS: Readonly<Record<ApprovalEventKind, string>> = Object.fromEntries(
  Object.entries(APPROVAL_KIND_BY_TRIGGER).map(([operationId, kind]) => [kind, operationId]),
) as Record<ApprovalEventKind, string>;

// Which trigger reports which table, read from the catalog's approvalTables.
const approvalByTable = new Map<string, { kind: ApprovalEventKind; trigger: string }>();
for (const operation of allOperations()) {
  const kind = APPROVAL_KIND_BY_TRIGGER[operation.operationId];
  if (!kind || operation.connectorId !== "shared_dynamicssmbsaas") continue;
  for (const table of operation.approvalTables ?? []) {
    approvalByTable.set(table, { kind, trigger: operation.operationId });
  }
}

interface Extra {
  kind: TableKind;
  linesTable?: string;
  party?: "customer" | "vendor";
  series?: { prefix: string; start: number; step: number };
  postable?: boolean;
}

const EXTRAS: Record<string, Extra> = {
  customers: { kind: "master", series: { prefix: "C", start: 10000, step: 10 } },
  vendors: { kind: "master", series: { prefix: "V", start: 20000, step: 10 } },
  items: { kind: "master", series: { prefix: "", start: 1000, step: 10 } },
  employees: { kind: "employee", series: { prefix: "E", start: 101, step: 1 } },
  salesQuotes: {
    kind: "document",
    party: "customer",
    linesTable: "salesQuoteLines",
    series: { prefix: "SQ-", start: 1001, step: 1 },
  },
  salesOrders: {
    kind: "document",
    party: "customer",
    linesTable: "salesOrderLines",
    series: { prefix: "SO-", start: 1001, step: 1 },
  },
  salesInvoices: {
    kind: "document",
    party: "customer",
    linesTable: "salesInvoiceLines",
    series: { prefix: "SI-", start: 1001, step: 1 },
    postable: true,
  },
  salesCreditMemos: {
    kind: "document",
    party: "customer",
    linesTable: "salesCreditMemoLines",
    series: { prefix: "SCM-", start: 1001, step: 1 },
    postable: true,
  },
  purchaseOrders: {
    kind: "document",
    party: "vendor",
    linesTable: "purchaseOrderLines",
    series: { prefix: "PO-", start: 1001, step: 1 },
  },
  purchaseInvoices: {
    kind: "document",
    party: "vendor",
    linesTable: "purchaseInvoiceLines",
    series: { prefix: "PI-", start: 1001, step: 1 },
    postable: true,
  },
  purchaseCreditMemos: {
    kind: "document",
    party: "vendor",
    linesTable: "purchaseCreditMemoLines",
    series: { prefix: "PCM-", start: 1001, step: 1 },
    postable: true,
  },
  journals: { kind: "journal" },
  journalLines: { kind: "journalLine", series: { prefix: "GJ-", start: 1001, step: 1 } },
};

function build(): SandboxTable[] {
  const tables: SandboxTable[] = [];
  for (const table of BC_TABLES) {
    const extra = EXTRAS[table.name];
    if (!extra) throw new Error(`the sandbox does not know the catalog's table '${table.name}'`);
    const approval = approvalByTable.get(table.name);
    tables.push({
      ...table,
      ...extra,
      fields: [...table.fields, ...(extra.postable ? [posted] : []), systemModifiedAt],
      ...(approval ? { approvalKind: approval.kind, approvalTrigger: approval.trigger } : {}),
    });
    if (extra.linesTable) {
      const side = extra.party === "customer" ? "sales" : "purchase";
      tables.push({
        name: extra.linesTable,
        title: `${table.title.replace(/s$/, "")} lines`,
        numberField: "sequence",
        kind: "line",
        documentTable: table.name,
        fields: [...lineFields(side), systemModifiedAt],
      });
    }
  }
  return tables;
}

/** Every table the sandbox keeps, catalog tables first, each document followed by its lines. */
export const SANDBOX_TABLES: readonly SandboxTable[] = build();

const byName = new Map(SANDBOX_TABLES.map((table) => [table.name.toLowerCase(), table]));

/** A table by entity set name, case-insensitively. */
export function sandboxTable(name: string): SandboxTable | undefined {
  return byName.get(name.toLowerCase());
}

export function fieldOf(table: SandboxTable, name: string): BcField | undefined {
  return table.fields.find((field) => field.name === name);
}
