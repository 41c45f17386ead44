// Bound actions of Business Central records (Run action, and the buttons of the sandbox's pages):
// release, reopen and post documents, turn quotes into orders or invoices, post journals, send
// records for approval and cancel that, and approve or reject an approval request.
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { BcRequests } from "./bc-requests";
import { type BusinessCentral, refusePendingApproval, title } from "./business-central";
import { documentTotals, round2 } from "./document-math";
import { badParameter, badRequest, conflict } from "./errors";
import { BLANK_DATE } from "./record-fields";
import type { SandboxTable } from "./tables";
import type { Origin, SandboxRecord } from "./types";
import type { World } from "./world";

/** The pseudo-table of Business Central's approval requests, by their "Workflow Step Id". */
export const REQUEST_TABLES = ["workflowApprovalRequests", "approvalRequests"] as const;

/** The actions each kind of table offers. */
export function actionsOf(table: SandboxTable): string[] {
  const approval = table.approvalKind ? ["sendForApproval", "cancelApprovalRequest"] : [];
  switch (table.kind) {
    case "document":
      return [
        "release",
        "reopen",
        ...(table.postable || table.name.endsWith("Orders") ? ["post"] : []),
        ...(table.name === "salesQuotes" ? ["makeOrder", "makeInvoice"] : []),
        ...approval,
      ];
    case "journal":
      return ["post", ...approval];
    default:
      return approval;
  }
}

export class BcActions {
  constructor(
    private readonly world: World,
    private readonly bc: BusinessCentral,
    private readonly requests: BcRequests,
  ) {}

  /**
   * Runs an action ("Microsoft.NAV.post" or "post") on a record; `actingAs` is who sends records
   * for approval. Returns what the action produced (the record, a new document, a request).
   */
  run(tableName: string, id: string, action: string, origin: Origin, actingAs: string): JsonValue {
    const name = action.replace(/^Microsoft\.NAV\./i, "");
    return this.world.tx((): JsonValue => {
      if (REQUEST_TABLES.some((t) => t.toLowerCase() === tableName.toLowerCase())) {
        return this.runOnRequest(id, name, origin);
      }
      const table = this.bc.table(tableName);
      const offered = actionsOf(table);
      const chosen = offered.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      if (!chosen) {
        throw badParameter(
          "procedure",
          `${table.title} have no action '${action}'${offered.length ? `; actions: ${offered.join(", ")}` : ""}.`,
        );
      }
      const record = this.bc.get(table.name, id);
      switch (chosen) {
        case "release":
          return this.setStatus(table, record, "Released", origin);
        case "reopen":
          return this.setStatus(table, record, "Open", origin);
        case "post":
          return table.kind === "journal"
            ? this.postJournal(table, record, origin)
            : this.post(table, record, origin);
        case "makeOrder":
          return this.convert(table, record, "salesOrders", origin);
        case "makeInvoice":
          return this.convert(table, record, "salesInvoices", origin);
        case "sendForApproval":
          return requestJson(this.requests.send(table.name, String(record.id), actingAs, origin));
        default:
          return requestJson(this.requests.cancelFor(table.name, String(record.id), origin));
      }
    });
  }

  private runOnRequest(id: string, action: string, origin: Origin): JsonValue {
    const request = this.requests.get(id);
    switch (action.toLowerCase()) {
      case "approve":
        return requestJson(this.requests.approve(request.id, origin));
      case "reject":
        return requestJson(this.requests.reject(request.id, origin));
      case "cancel":
        return requestJson(this.requests.cancel(request.id, origin));
      default:
        throw badParameter(
          "procedure",
          `approval requests have no action '${action}'; actions: approve, reject, cancel.`,
        );
    }
  }

  private setStatus(
    table: SandboxTable,
    record: SandboxRecord,
    status: "Open" | "Released",
    origin: Origin,
  ): JsonValue {
    if (record.posted === true) throw conflict(`${title(table, record)} is posted.`);
    refusePendingApproval(table, record);
    if (status === "Released" && this.bc.lines(table.name, String(record.id)).length === 0) {
      throw conflict(`There is nothing to release for ${title(table, record)}: it has no lines.`);
    }
    return this.bc.save(table, record, { ...record, status }, origin);
  }

  private post(table: SandboxTable, record: SandboxRecord, origin: Origin): JsonValue {
    if (record.posted === true) throw conflict(`${title(table, record)} is posted already.`);
    if (record.status === "Pending Approval") {
      throw conflict(`${title(table, record)} is pending approval and cannot be posted.`);
    }
    const lines = this.bc.lines(table.name, String(record.id));
    if (lines.length === 0) throw conflict(`There is nothing to post: ${title(table, record)} has no lines.`);
    if (table.name.endsWith("Orders")) {
      // Posting an order ships (or receives) and invoices it: a posted invoice replaces the order.
      const invoiceTable = table.party === "customer" ? "salesInvoices" : "purchaseInvoices";
      const invoice = this.copyDocument(table, record, lines, invoiceTable, origin, {
        orderNumber: record.number ?? "",
      });
      return this.post(this.bc.table(invoiceTable), invoice, origin);
    }
    // Business Central posts on the document's Posting Date; a document without one (blank)
    // posts on the work date, the sandbox's today.
    const given = typeof record.postingDate === "string" ? record.postingDate : "";
    const postingDate =
      given !== "" && given !== BLANK_DATE ? given : new Date(this.world.now()).toISOString().slice(0, 10);
    const posted = this.bc.save(
      table,
      record,
      { ...record, posted: true, status: "Released", postingDate },
      origin,
    );
    this.adjustBalance(table, posted, origin);
    return posted;
  }

  // Posted invoices raise what the customer owes us (or we owe the vendor); credit memos lower it.
  private adjustBalance(table: SandboxTable, document: SandboxRecord, origin: Origin): void {
    const customer = table.party === "customer";
    const partyTable = this.bc.table(customer ? "customers" : "vendors");
    const party = this.bc.records.get(
      partyTable.name,
      String(document[customer ? "customerId" : "vendorId"]),
    );
    if (!party) return;
    const field = customer ? "balanceDue" : "balance";
    const sign = table.name.endsWith("CreditMemos") ? -1 : 1;
    const amount = sign * Number(document.totalAmountIncludingTax ?? 0);
    this.bc.save(
      partyTable,
      party,
      { ...party, [field]: round2(Number(party[field] ?? 0) + amount) },
      origin,
    );
  }

  private convert(table: SandboxTable, record: SandboxRecord, target: string, origin: Origin): JsonValue {
    if (record.status === "Pending Approval") {
      throw conflict(`${title(table, record)} is pending approval; it cannot be converted yet.`);
    }
    const lines = this.bc.lines(table.name, String(record.id));
    return this.copyDocument(table, record, lines, target, origin, {});
  }

  /** A new document of `target` with the party and lines of `source`; the source is deleted. */
  private copyDocument(
    table: SandboxTable,
    source: SandboxRecord,
    lines: readonly SandboxRecord[],
    target: string,
    origin: Origin,
    extra: JsonObject,
  ): SandboxRecord {
    const targetTable = this.bc.table(target);
    const partyField = table.party === "customer" ? "customerId" : "vendorId";
    const document = this.bc.insert(
      targetTable,
      { [partyField]: source[partyField] ?? "", ...extra },
      "item/",
      origin,
    );
    const linesTable = this.bc.table(targetTable.linesTable ?? "");
    const priceField = table.party === "customer" ? "unitPrice" : "directUnitCost";
    for (const line of lines) {
      this.bc.insert(
        linesTable,
        {
          documentId: document.id ?? "",
          sequence: line.sequence ?? 0,
          lineType: line.lineType ?? "Item",
          itemId: line.itemId ?? "",
          description: line.description ?? "",
          quantity: line.quantity ?? 0,
          [priceField]: line[priceField] ?? 0,
          discountPercent: line.discountPercent ?? 0,
          taxPercent: line.taxPercent ?? 0,
        },
        "item/",
        origin,
      );
    }
    this.bc.remove(table, source, origin);
    const fresh = this.bc.get(targetTable.name, String(document.id));
    const totals = documentTotals(fresh, this.bc.lines(targetTable.name, String(fresh.id)));
    return this.bc.save(targetTable, fresh, { ...fresh, ...totals }, origin);
  }

  // Posting a journal batch posts its lines: they leave the journal.
  private postJournal(table: SandboxTable, journal: SandboxRecord, origin: Origin): JsonValue {
    if (journal.status === "Pending Approval") {
      throw conflict(`Journal batch ${String(journal.code)} is pending approval and cannot be posted.`);
    }
    const linesTable = this.bc.table("journalLines");
    const lines = this.bc.records.list("journalLines").filter((line) => line.journalId === journal.id);
    if (lines.length === 0)
      throw badRequest(`There is nothing to post in journal batch ${String(journal.code)}.`);
    for (const line of lines) this.bc.remove(linesTable, line, origin);
    const after = this.bc.save(table, journal, { ...journal, status: "Open" }, origin);
    return { ...after, postedLines: lines.length };
  }
}

function requestJson(request: object): JsonObject {
  return JSON.parse(JSON.stringify(request)) as JsonObject;
}
