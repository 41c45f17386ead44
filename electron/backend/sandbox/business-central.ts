// Business Central's records with the rules a person meets in its pages: numbers from series,
// documents filled from their customer or vendor, totals from lines, no edits of a document that
// is not Open or is posted. Every write raises record.created / modified / deleted.
import type { JsonObject, JsonValue } from "../../../shared/json";
import { checkInvoiceDiscount, computeLine, documentTotals } from "./document-math";
import { badParameter, conflict, notFound } from "./errors";
import { matchesFilter, ODataError, parseFilter } from "./odata-filter";
import { matchesSearch, page, parseOrderBy, sortRecords } from "./query";
import { blankRecord, writableFields } from "./record-fields";
import type { RecordStore } from "./records";
import { COMPANY_NAME } from "./seed/words";
import { type SandboxTable, sandboxTable } from "./tables";
import type { Origin, SandboxRecord } from "./types";
import type { World } from "./world";

export interface FindOptions {
  filter?: string;
  orderBy?: string;
  top?: number;
  skip?: number;
  /** The sandbox list's search box (not OData). */
  search?: string;
  /**
   * Lines only, for the sandbox's line lists (not OData): sorted by the number of the document each
   * line belongs to ("PI-1001" before "PI-1010"), then by line number. Replaces orderBy.
   */
  byDocument?: "asc" | "desc";
}

const DAY = 86_400_000;
const TIMESTAMPS = new Set(["lastModifiedDateTime", "systemModifiedAt"]);
const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export class BusinessCentral {
  constructor(
    private readonly world: World,
    readonly records: RecordStore,
  ) {}

  /** The table a name means; 404 when the sandbox has no such table. */
  table(name: string): SandboxTable {
    const table = sandboxTable(name);
    if (!table) throw notFound(`Table '${name}' was not found in the company.`);
    return table;
  }

  get(tableName: string, id: string): SandboxRecord {
    const table = this.table(tableName);
    const record = this.records.get(table.name, id.trim());
    if (!record) throw notFound(`The ${singular(table)} with id '${id}' does not exist.`);
    return record;
  }

  /** A record by id or, failing that, by its number ("PI-1001"). */
  lookup(tableName: string, idOrNumber: string): SandboxRecord | undefined {
    const table = this.table(tableName);
    return (
      this.records.get(table.name, idOrNumber.trim()) ?? this.records.byNumber(table.name, idOrNumber.trim())
    );
  }

  /** Records that match; a bad $filter or $orderby is a 400 naming it. */
  find(tableName: string, options: FindOptions = {}): { total: number; records: SandboxRecord[] } {
    const table = this.table(tableName);
    const names = table.fields.map((field) => field.name);
    let records = this.records.list(table.name);
    if (options.filter?.trim()) {
      const expr = odata("$filter", () => parseFilter(options.filter ?? "", names));
      records = records.filter((record) => matchesFilter(expr, record));
    }
    if (options.search?.trim())
      records = records.filter((record) => matchesSearch(record, options.search ?? ""));
    if (options.byDocument !== undefined) {
      records = this.sortByDocument(table, records, options.byDocument === "desc");
    } else if (options.orderBy?.trim()) {
      const keys = odata("$orderby", () => parseOrderBy(options.orderBy ?? "", names));
      records = sortRecords(records, keys);
    }
    return { total: records.length, records: page(records, options.skip ?? 0, options.top) };
  }

  /** Lines in the order of their documents' numbers, each document's lines in line order. */
  private sortByDocument(table: SandboxTable, lines: SandboxRecord[], descending: boolean): SandboxRecord[] {
    const documentTable = table.kind === "line" ? table.documentTable : undefined;
    if (!documentTable) throw badParameter("byDocument", `is only for document lines, not ${table.name}.`);
    const numbers = new Map<string, string>();
    const numberOf = (documentId: string) => {
      let number = numbers.get(documentId);
      if (number === undefined) {
        number = String(this.records.get(documentTable, documentId)?.number ?? "");
        numbers.set(documentId, number);
      }
      return number;
    };
    const byNumber = (a: SandboxRecord, b: SandboxRecord) =>
      numberOf(String(a.documentId)).localeCompare(numberOf(String(b.documentId)), "en", { numeric: true });
    return [...lines].sort(
      (a, b) => (descending ? byNumber(b, a) : byNumber(a, b)) || Number(a.sequence) - Number(b.sequence),
    );
  }

  /** A document's lines, in line order. */
  lines(tableName: string, documentId: string): SandboxRecord[] {
    const table = this.table(tableName);
    if (!table.linesTable) return [];
    return this.records
      .list(table.linesTable)
      .filter((line) => line.documentId === documentId)
      .sort((a, b) => Number(a.sequence) - Number(b.sequence));
  }

  create(tableName: string, given: JsonObject, origin: Origin, prefix = "item/"): SandboxRecord {
    return this.world.tx(() => {
      const table = this.table(tableName);
      const values = writableFields(table, given, prefix);
      const record = this.insert(table, values, prefix, origin);
      if (table.kind === "line") this.refreshDocument(table, String(record.documentId), origin);
      return this.get(table.name, String(record.id));
    });
  }

  /** Inserts a new record built from checked values and raises record.created. */
  insert(table: SandboxTable, values: JsonObject, prefix: string, origin: Origin): SandboxRecord {
    const now = this.world.now();
    // Lines are items taxed at the company's standard rate unless told otherwise.
    const defaults: JsonObject = table.kind === "line" ? { lineType: "Item", taxPercent: 10 } : {};
    let record: SandboxRecord = { ...blankRecord(table), ...defaults, ...values, id: this.world.newId() };
    record = this.applyRules(table, record, undefined, prefix);
    const numberField = table.numberField;
    const given = String(values[numberField] ?? "").trim();
    if (table.kind !== "line" && table.kind !== "journalLine") {
      if (given !== "") {
        if (this.records.byNumber(table.name, given)) {
          throw conflict(`A ${singular(table)} with ${numberField} '${given}' exists already.`);
        }
      } else {
        const next = this.records.nextNumber(table);
        if (next === undefined) throw badParameter(`${prefix}${numberField}`, "is required.");
        record[numberField] = next;
      }
    } else if (table.kind === "journalLine" && given === "") {
      record[numberField] = this.records.nextNumber(table) ?? "";
    }
    stamp(table, record, now);
    this.records.insert(table, record, now);
    this.world.emit({
      type: "record.created",
      payload: { table: table.name, id: String(record.id), number: numberOf(table, record), record, origin },
    });
    return record;
  }

  update(tableName: string, id: string, given: JsonObject, origin: Origin, prefix = "item/"): SandboxRecord {
    return this.world.tx(() => {
      const table = this.table(tableName);
      const previous = this.get(table.name, id);
      const values = writableFields(table, given, prefix);
      this.guardEdit(
        table,
        previous,
        Object.keys(values).filter((name) => !same(values[name], previous[name])),
      );
      if (
        values[table.numberField] !== undefined &&
        !same(values[table.numberField], previous[table.numberField])
      ) {
        const clash = this.records.byNumber(table.name, String(values[table.numberField]));
        if (clash)
          throw conflict(
            `A ${singular(table)} with ${table.numberField} '${String(values[table.numberField])}' exists already.`,
          );
      }
      const next = this.applyRules(table, { ...previous, ...values }, previous, prefix);
      const saved = this.save(table, previous, next, origin);
      if (table.kind === "line") this.refreshDocument(table, String(saved.documentId), origin);
      return this.get(table.name, id);
    });
  }

  /**
   * Writes a changed record and raises record.modified with the fields that changed; nothing
   * happens when nothing changed.
   */
  save(table: SandboxTable, previous: SandboxRecord, next: SandboxRecord, origin: Origin): SandboxRecord {
    const changedFields = Object.keys(next).filter(
      (name) => !TIMESTAMPS.has(name) && !same(next[name], previous[name]),
    );
    if (changedFields.length === 0) return previous;
    const now = this.world.now();
    const record = { ...next };
    stamp(table, record, now);
    this.records.update(table, record, now);
    this.world.emit({
      type: "record.modified",
      payload: {
        table: table.name,
        id: String(record.id),
        number: numberOf(table, record),
        record,
        previous,
        changedFields,
        origin,
      },
    });
    return record;
  }

  delete(tableName: string, id: string, origin: Origin): void {
    this.world.tx(() => {
      const table = this.table(tableName);
      const record = this.get(table.name, id);
      if (record.posted === true) throw conflict(`${title(table, record)} is posted and cannot be deleted.`);
      // Its approval request would be left waiting on a record that is gone.
      refusePendingApproval(table, record);
      if (table.kind === "line") this.guardDocumentOpen(table, String(record.documentId));
      this.remove(table, record, origin);
      if (table.kind === "line") this.refreshDocument(table, String(record.documentId), origin);
    });
  }

  /** Deletes a record and what belongs to it (a document's lines, a journal's lines). */
  remove(table: SandboxTable, record: SandboxRecord, origin: Origin): void {
    if (table.linesTable) {
      const linesTable = this.table(table.linesTable);
      for (const line of this.lines(table.name, String(record.id))) this.remove(linesTable, line, origin);
    }
    if (table.kind === "journal") {
      const lines = this.table("journalLines");
      for (const line of this.records.list("journalLines").filter((l) => l.journalId === record.id)) {
        this.remove(lines, line, origin);
      }
    }
    this.records.delete(table.name, String(record.id));
    this.world.emit({
      type: "record.deleted",
      payload: { table: table.name, id: String(record.id), number: numberOf(table, record), record, origin },
    });
  }

  // --- rules ---

  /** Refuses changes Business Central refuses: posted documents, documents not Open, lines of those. */
  private guardEdit(table: SandboxTable, record: SandboxRecord, changing: readonly string[]): void {
    if (changing.length === 0) return;
    if (record.posted === true) throw conflict(`${title(table, record)} is posted and cannot be changed.`);
    if (table.kind === "document" && record.status !== "Open") {
      const fields = changing.filter((name) => name !== "status");
      if (fields.length > 0) {
        throw conflict(
          `${title(table, record)} has status ${String(record.status)}; it must be Open to change ${fields.join(", ")}. Reopen it first.`,
        );
      }
    }
    if (table.kind === "line") this.guardDocumentOpen(table, String(record.documentId));
  }

  private guardDocumentOpen(lineTable: SandboxTable, documentId: string): void {
    const documentTable = this.table(lineTable.documentTable ?? "");
    const document = this.records.get(documentTable.name, documentId);
    if (!document) return;
    if (document.posted === true)
      throw conflict(`${title(documentTable, document)} is posted and cannot be changed.`);
    if (document.status !== "Open") {
      throw conflict(
        `${title(documentTable, document)} has status ${String(document.status)}; reopen it to change its lines.`,
      );
    }
  }

  /** Fills what Business Central derives: party fields, dates, line amounts, full names. */
  private applyRules(
    table: SandboxTable,
    record: SandboxRecord,
    previous: SandboxRecord | undefined,
    prefix: string,
  ): SandboxRecord {
    const changed = (name: string) => previous === undefined || !same(record[name], previous[name]);
    switch (table.kind) {
      case "document": {
        const result = this.fillParty(table, record, previous, prefix);
        if (previous === undefined) this.fillDates(table, result);
        if (changed("discountAmount")) {
          const lines = this.lines(table.name, String(result.id));
          checkInvoiceDiscount(result, lines, prefix);
          Object.assign(result, documentTotals(result, lines));
        }
        return result;
      }
      case "line":
        return this.fillLine(table, record, previous, prefix);
      case "journalLine":
        return this.fillJournalLine(record, previous, prefix);
      case "employee":
        return {
          ...record,
          displayName: [record.givenName, record.middleName, record.surname].filter((p) => p).join(" "),
        };
      default:
        return record;
    }
  }

  private fillParty(
    table: SandboxTable,
    record: SandboxRecord,
    previous: SandboxRecord | undefined,
    prefix: string,
  ): SandboxRecord {
    const customer = table.party === "customer";
    const idField = customer ? "customerId" : "vendorId";
    const numberField = customer ? "customerNumber" : "vendorNumber";
    const partyTable = customer ? "customers" : "vendors";
    const idChanged =
      previous === undefined ? record[idField] !== "" : !same(record[idField], previous[idField]);
    const numberChanged =
      previous === undefined ? record[numberField] !== "" : !same(record[numberField], previous[numberField]);
    if (!idChanged && !numberChanged) {
      if (previous === undefined) throw badParameter(`${prefix}${numberField}`, "is required.");
      return record;
    }
    const reference = String(idChanged ? record[idField] : record[numberField]);
    const party = idChanged
      ? this.records.get(partyTable, reference)
      : this.records.byNumber(partyTable, reference);
    if (!party) {
      throw badParameter(
        `${prefix}${idChanged ? idField : numberField}`,
        `there is no ${customer ? "customer" : "vendor"} '${reference}'.`,
      );
    }
    if (party.blocked === "All") {
      throw conflict(
        `${customer ? "Customer" : "Vendor"} ${String(party.number)} is blocked for all transactions.`,
      );
    }
    const address = customer ? "sellTo" : "buyFrom";
    return {
      ...record,
      [idField]: party.id ?? "",
      [numberField]: party.number ?? "",
      ...(customer
        ? {
            customerName: party.displayName ?? "",
            billToName: party.displayName ?? "",
            billToCustomerNumber: party.number ?? "",
            shipToName: party.displayName ?? "",
            salesperson: party.salespersonCode ?? "",
            email: party.email ?? "",
          }
        : {
            vendorName: party.displayName ?? "",
            payToName: party.displayName ?? "",
            payToVendorNumber: party.number ?? "",
            shipToName: COMPANY_NAME,
            purchaser: party.purchaserCode ?? "",
          }),
      [`${address}AddressLine1`]: party.addressLine1 ?? "",
      [`${address}AddressLine2`]: party.addressLine2 ?? "",
      [`${address}City`]: party.city ?? "",
      [`${address}State`]: party.state ?? "",
      [`${address}Country`]: party.country ?? "",
      [`${address}PostCode`]: party.postalCode ?? "",
      currencyCode: party.currencyCode ?? "",
    };
  }

  /** Blank dates of a new document: today, due in 30 days, valid or requested within 14. */
  private fillDates(table: SandboxTable, record: SandboxRecord): void {
    const today = Math.floor(this.world.now() / DAY) * DAY;
    const day = (offset: number) => new Date(today + offset * DAY).toISOString().slice(0, 10);
    for (const field of table.fields) {
      if (field.type !== "date" || record[field.name] !== "0001-01-01") continue;
      if (/due/i.test(field.name)) record[field.name] = day(30);
      else if (/validUntil|requested/i.test(field.name)) record[field.name] = day(14);
      else record[field.name] = day(0);
    }
  }

  private fillLine(
    table: SandboxTable,
    record: SandboxRecord,
    previous: SandboxRecord | undefined,
    prefix: string,
  ): SandboxRecord {
    const documentTable = this.table(table.documentTable ?? "");
    const documentId = String(record.documentId ?? "");
    if (previous === undefined || !same(record.documentId, previous.documentId)) {
      const document =
        this.records.get(documentTable.name, documentId) ??
        this.records.byNumber(documentTable.name, documentId);
      if (!document)
        throw badParameter(`${prefix}documentId`, `there is no ${singular(documentTable)} '${documentId}'.`);
      record.documentId = document.id ?? "";
      this.guardDocumentOpen(table, String(document.id));
    }
    const result = { ...record };
    const itemChanged =
      previous === undefined
        ? result.itemId !== "" || result.lineObjectNumber !== ""
        : !same(result.itemId, previous.itemId) || !same(result.lineObjectNumber, previous.lineObjectNumber);
    const priceField = documentTable.party === "customer" ? "unitPrice" : "directUnitCost";
    if (itemChanged && result.lineType === "Item") {
      const byId = previous === undefined ? result.itemId !== "" : !same(result.itemId, previous.itemId);
      const reference = String(byId ? result.itemId : result.lineObjectNumber);
      const item = byId ? this.records.get("items", reference) : this.records.byNumber("items", reference);
      if (!item)
        throw badParameter(
          `${prefix}${byId ? "itemId" : "lineObjectNumber"}`,
          `there is no item '${reference}'.`,
        );
      if (item.blocked === true) throw conflict(`Item ${String(item.number)} is blocked.`);
      result.itemId = item.id ?? "";
      result.lineObjectNumber = item.number ?? "";
      const keepDescription =
        previous === undefined ? result.description !== "" : !same(result.description, previous.description);
      if (!keepDescription) result.description = item.displayName ?? "";
      result.unitOfMeasureCode = item.baseUnitOfMeasureCode ?? "";
      if (
        previous === undefined ? result[priceField] === 0 : same(result[priceField], previous[priceField])
      ) {
        result[priceField] =
          documentTable.party === "customer" ? (item.unitPrice ?? 0) : (item.unitCost ?? 0);
      }
    }
    // Returns and corrections are credit memos, which the sandbox does not have: a line takes
    // a quantity of zero or more, as the totals assume.
    if (typeof result.quantity === "number" && result.quantity < 0)
      throw badParameter(`${prefix}quantity`, "must not be negative.");
    if (previous === undefined && result.sequence === 0) {
      const last = this.lines(documentTable.name, String(result.documentId)).at(-1);
      result.sequence = Number(last?.sequence ?? 0) + 10000;
    }
    return computeLine(result);
  }

  private fillJournalLine(
    record: SandboxRecord,
    previous: SandboxRecord | undefined,
    prefix: string,
  ): SandboxRecord {
    if (previous !== undefined && same(record.journalId, previous.journalId)) return record;
    const reference = String(record.journalId || record.journalDisplayName || "");
    const journal = this.records.get("journals", reference) ?? this.records.byNumber("journals", reference);
    if (!journal) throw badParameter(`${prefix}journalId`, `there is no journal batch '${reference}'.`);
    const result: SandboxRecord = {
      ...record,
      journalId: journal.id ?? "",
      journalDisplayName: journal.code ?? "",
    };
    if (previous === undefined) {
      if (result.lineNumber === 0) {
        const last = this.records
          .list("journalLines")
          .filter((line) => line.journalId === journal.id)
          .reduce((max, line) => Math.max(max, Number(line.lineNumber)), 0);
        result.lineNumber = last + 10000;
      }
      if (result.postingDate === "0001-01-01")
        result.postingDate = new Date(this.world.now()).toISOString().slice(0, 10);
    }
    return result;
  }

  /** Recomputes a document's totals after its lines changed. */
  private refreshDocument(lineTable: SandboxTable, documentId: string, origin: Origin): void {
    const documentTable = this.table(lineTable.documentTable ?? "");
    const document = this.records.get(documentTable.name, documentId);
    if (!document) return;
    const totals = documentTotals(document, this.lines(documentTable.name, documentId));
    this.save(documentTable, document, { ...document, ...totals }, origin);
  }
}

function odata<T>(parameter: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ODataError) throw badParameter(parameter, error.message);
    throw error;
  }
}

function stamp(table: SandboxTable, record: SandboxRecord, now: number): void {
  const time = new Date(now).toISOString();
  if (table.fields.some((field) => field.name === "lastModifiedDateTime")) record.lastModifiedDateTime = time;
  record.systemModifiedAt = time;
}

export function numberOf(table: SandboxTable, record: SandboxRecord): string {
  return String(record[table.numberField] ?? "");
}

/** "purchase invoice" for purchaseInvoices. */
export function singular(table: SandboxTable): string {
  return table.title.toLowerCase().replace(/ches$/, "ch").replace(/s$/, "");
}

/** "Purchase invoice PI-1001". */
/** A record waiting for approval stays as it was sent until its request is decided or canceled. */
export function refusePendingApproval(table: SandboxTable, record: SandboxRecord): void {
  if (record.status === "Pending Approval")
    throw conflict(`${title(table, record)} is pending approval; cancel the approval request first.`);
}

export function title(table: SandboxTable, record: SandboxRecord): string {
  const name = singular(table);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${numberOf(table, record)}`.trim();
}
