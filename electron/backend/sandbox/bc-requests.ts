// "Send approval request" in Business Central: the record goes to Pending Approval, Business
// Central keeps a request (its id is the "Workflow Step Id"), and the approval-requested event
// fires, which starts the flow (or the enabled built-in workflow) that answers it. Approving the
// request releases a document; rejecting or canceling it reopens it.
import type { Database } from "better-sqlite3";
import type { Approvals } from "./approvals";
import { type BusinessCentral, singular, title } from "./business-central";
import { badRequest, conflict, notFound } from "./errors";
import type { Directory } from "./people";
import type { SandboxTable } from "./tables";
import type {
  Approval,
  ApprovalRequestView,
  BcApprovalRequest,
  BcRequestStatus,
  Origin,
  RequestAnswer,
  RequestDecider,
  SandboxRecord,
} from "./types";
import type { Workflows } from "./workflows";
import { iso, isoOrNull, nextSeq, prepared, type World } from "./world";

interface RequestRow {
  id: string;
  tbl: string;
  record_id: string;
  record_number: string;
  event_kind: string;
  requested_by: string;
  status: string;
  workflow_id: string | null;
  approval_id: string | null;
  created_at: number;
  completed_at: number | null;
  decided_by: string | null;
}

const toRequest = (row: RequestRow): BcApprovalRequest => ({
  id: row.id,
  table: row.tbl,
  recordId: row.record_id,
  recordNumber: row.record_number,
  eventKind: row.event_kind as BcApprovalRequest["eventKind"],
  requestedBy: row.requested_by,
  status: row.status as BcRequestStatus,
  workflowId: row.workflow_id,
  approvalId: row.approval_id,
  createdAt: iso(row.created_at),
  completedAt: isoOrNull(row.completed_at),
});

/** The status field's value while a request is pending, and once approved, by kind of table. */
function statuses(table: SandboxTable): { pending: string; approved: string } | undefined {
  if (table.kind === "document") return { pending: "Pending Approval", approved: "Released" };
  if (table.kind === "journal" || table.kind === "journalLine")
    return { pending: "Pending Approval", approved: "Approved" };
  return undefined;
}

export class BcRequests {
  private readonly db: Database;

  constructor(
    private readonly world: World,
    private readonly bc: BusinessCentral,
    private readonly directory: Directory,
    private readonly approvals: Approvals,
    private readonly workflows: Workflows,
  ) {
    this.db = world.db;
    // A built-in workflow's approval decides its request.
    approvals.onCompleted = (approval: Approval) => {
      if (!approval.bcRequestId) return;
      const request = this.find(approval.bcRequestId);
      if (request?.status !== "Open") return;
      const responder = approval.responses.at(-1)?.approverEmail ?? "";
      const origin: Origin = { kind: "person", email: responder };
      if (approval.outcome === "Approve") this.approve(request.id, origin);
      else this.reject(request.id, origin);
    };
  }

  list(options: { status?: BcRequestStatus; table?: string; recordId?: string } = {}): BcApprovalRequest[] {
    const where: string[] = [];
    const args: string[] = [];
    if (options.status) {
      where.push("status = ?");
      args.push(options.status);
    }
    if (options.table) {
      where.push("tbl = ?");
      args.push(options.table);
    }
    if (options.recordId) {
      where.push("record_id = ?");
      args.push(options.recordId);
    }
    const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
    return (
      prepared(this.db, `SELECT * FROM sb_bc_requests ${clause} ORDER BY seq DESC`).all(
        ...args,
      ) as RequestRow[]
    ).map(toRequest);
  }

  find(id: string): BcApprovalRequest | undefined {
    const row = prepared(this.db, "SELECT * FROM sb_bc_requests WHERE id = ?").get(id.trim()) as
      | RequestRow
      | undefined;
    return row ? toRequest(row) : undefined;
  }

  get(id: string): BcApprovalRequest {
    const request = this.find(id);
    if (!request) throw notFound(`There is no approval request with id '${id}'.`);
    return request;
  }

  private openRequestFor(table: string, recordId: string): BcApprovalRequest | undefined {
    return this.list({ table, recordId, status: "Open" })[0];
  }

  /** The record's open request, if it has one (a record that does not exist is not found). */
  openFor(tableName: string, id: string): BcApprovalRequest | undefined {
    const table = this.bc.table(tableName);
    const record = this.bc.get(table.name, id);
    return this.openRequestFor(table.name, String(record.id));
  }

  /**
   * The request as a card shows it. `flowsStartedOn` counts the flows that started on it: flows
   * are started outside the sandbox (on its approval.requested event), so only their caller knows.
   * A request a built-in workflow answered started no flow (the triggers ignore it).
   */
  view(
    request: BcApprovalRequest,
    flowsStartedOn: (request: BcApprovalRequest) => number,
  ): ApprovalRequestView {
    const approval = request.approvalId ? this.approvals.find(request.approvalId) : undefined;
    return {
      id: request.id,
      status: request.status,
      requestedBy: request.requestedBy,
      requestedByName: this.directory.displayName(request.requestedBy),
      createdAt: request.createdAt,
      answeredBy: this.answerOf(request, flowsStartedOn),
      approvers: (approval?.assignedTo ?? []).map((email) => ({
        email,
        name: this.directory.displayName(email),
      })),
      completedAt: request.completedAt,
      decidedBy: this.deciderOf(request.id),
    };
  }

  /** The record's latest request when it was approved or rejected (not canceled, not open). */
  lastDecidedFor(tableName: string, id: string): BcApprovalRequest | undefined {
    const table = this.bc.table(tableName);
    const record = this.bc.get(table.name, id);
    const latest = this.list({ table: table.name, recordId: String(record.id) })[0];
    return latest?.status === "Approved" || latest?.status === "Rejected" ? latest : undefined;
  }

  private deciderOf(requestId: string): RequestDecider | null {
    const row = prepared(this.db, "SELECT decided_by FROM sb_bc_requests WHERE id = ?").get(requestId) as
      | { decided_by: string | null }
      | undefined;
    if (!row?.decided_by) return null;
    let stored: unknown;
    try {
      stored = JSON.parse(row.decided_by);
    } catch {
      return null;
    }
    if (typeof stored !== "object" || stored === null) return null;
    const decider = stored as { kind?: unknown; email?: unknown; flowName?: unknown };
    if (decider.kind === "person" && typeof decider.email === "string")
      return { kind: "person", email: decider.email, name: this.directory.displayName(decider.email) };
    if (decider.kind === "flow" && typeof decider.flowName === "string")
      return { kind: "flow", name: decider.flowName };
    return null;
  }

  private answerOf(
    request: BcApprovalRequest,
    flowsStartedOn: (request: BcApprovalRequest) => number,
  ): RequestAnswer {
    if (request.workflowId) {
      // Its name, even if the workflow was turned off since: it answered all the same.
      const workflow = this.workflows.list().find((w) => w.id === request.workflowId);
      return { kind: "workflow", workflowId: request.workflowId, name: workflow?.name ?? request.workflowId };
    }
    const count = flowsStartedOn(request);
    return count > 0 ? { kind: "flows", count } : { kind: "nobody" };
  }

  /** Sends the record for approval as `requestedBy`; raises approval.requested. */
  send(tableName: string, id: string, requestedBy: string, origin: Origin): BcApprovalRequest {
    return this.world.tx(() => {
      const table = this.bc.table(tableName);
      if (!table.approvalKind || !table.approvalTrigger) {
        throw badRequest(`${table.title} cannot be sent for approval in Business Central.`);
      }
      const requester = this.directory.person(requestedBy);
      if (!requester) throw badRequest(`${requestedBy} is not a person of the company.`);
      const record = this.bc.get(table.name, id);
      if (record.posted === true) throw conflict(`${title(table, record)} is posted already.`);
      const states = statuses(table);
      if (states && record.status !== "Open") {
        throw conflict(
          `${title(table, record)} has status ${String(record.status)}; only Open records can be sent for approval.`,
        );
      }
      if (this.openRequestFor(table.name, String(record.id))) {
        throw conflict(`${title(table, record)} has an approval request pending already.`);
      }
      const now = this.world.now();
      const requestId = this.world.newId();
      prepared(
        this.db,
        `INSERT INTO sb_bc_requests (id, seq, tbl, record_id, record_number, event_kind, requested_by, status,
             workflow_id, approval_id, created_at, completed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'Open', NULL, NULL, ?, NULL)`,
      ).run(
        requestId,
        nextSeq(this.db, "sb_bc_requests"),
        table.name,
        String(record.id),
        String(record[table.numberField] ?? ""),
        table.approvalKind,
        requester.email,
        now,
      );
      let current = record;
      if (states) current = this.bc.save(table, record, { ...record, status: states.pending }, origin);
      const workflow = this.workflows.enabledFor(table.name);
      if (workflow) {
        const approval = this.builtInApproval(table, current, requester.email, requestId);
        prepared(this.db, "UPDATE sb_bc_requests SET workflow_id = ?, approval_id = ? WHERE id = ?").run(
          workflow.id,
          approval.id,
          requestId,
        );
      }
      this.world.emit({
        type: "approval.requested",
        payload: {
          kind: table.approvalKind,
          triggerOperationId: table.approvalTrigger,
          table: table.name,
          id: String(record.id),
          number: String(record[table.numberField] ?? ""),
          requestId,
          requestedBy: requester.email,
          body: {
            "Row Id": String(record.id),
            "Workflow Step Id": requestId,
            "Requested By User Email": requester.email,
          },
          record: current,
          lines: this.linesOf(table, current),
          answeredByWorkflowId: workflow?.id ?? null,
          origin,
        },
      });
      return this.get(requestId);
    });
  }

  private linesOf(table: SandboxTable, record: SandboxRecord): SandboxRecord[] {
    if (table.linesTable) return this.bc.lines(table.name, String(record.id));
    if (table.kind === "journal")
      return this.bc.records.list("journalLines").filter((l) => l.journalId === record.id);
    return [];
  }

  // The built-in workflows ask the requester's approver, climbing the approval limits for documents.
  private builtInApproval(
    table: SandboxTable,
    record: SandboxRecord,
    requester: string,
    requestId: string,
  ): Approval {
    const amount = Number(record.totalAmountIncludingTax ?? record.amount ?? 0);
    const kind = table.party === "vendor" ? "purchase" : table.party === "customer" ? "sales" : "none";
    const approver = this.directory.approverFor(requester, Math.abs(amount), kind);
    const name = title(table, record);
    return this.approvals.create({
      type: "Basic",
      title: `${name} needs approval`,
      details: [
        `${this.directory.displayName(requester)} sent ${singular(table)} ${String(record[table.numberField] ?? "")} for approval.`,
        record.vendorName
          ? `Vendor: ${String(record.vendorName)}`
          : record.customerName
            ? `Customer: ${String(record.customerName)}`
            : "",
        table.kind === "document"
          ? `Amount: ${formatAmount(amount)} ${String(record.currencyCode || "USD")}`
          : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      itemLink: `sandbox://businesscentral/${table.name}/${String(record.id)}`,
      itemLinkDescription: name,
      requestor: requester,
      // Nobody above the requester: they approve their own request, as Business Central's setup would.
      assignedTo: [approver?.email ?? requester],
      origin: { kind: "system" },
      bcRequestId: requestId,
    });
  }

  /** Approves an open request: a document is released, a journal approved. */
  approve(requestId: string, origin: Origin): BcApprovalRequest {
    return this.complete(requestId, "Approved", origin);
  }

  reject(requestId: string, origin: Origin): BcApprovalRequest {
    return this.complete(requestId, "Rejected", origin);
  }

  /** Cancels the open request of a record (the requester changed their mind). */
  cancelFor(tableName: string, id: string, origin: Origin): BcApprovalRequest {
    return this.world.tx(() => {
      const table = this.bc.table(tableName);
      const record = this.bc.get(table.name, id);
      const request = this.openRequestFor(table.name, String(record.id));
      if (!request) {
        throw conflict(
          `${title(table, record)} has no open approval request to cancel: it was not sent for approval, or its request has been answered already.`,
        );
      }
      return this.complete(request.id, "Canceled", origin);
    });
  }

  cancel(requestId: string, origin: Origin): BcApprovalRequest {
    return this.complete(requestId, "Canceled", origin);
  }

  private complete(
    requestId: string,
    status: Exclude<BcRequestStatus, "Open">,
    origin: Origin,
  ): BcApprovalRequest {
    return this.world.tx(() => {
      const request = this.get(requestId);
      if (request.status !== "Open") {
        throw conflict(
          `The approval request for ${request.recordNumber} is ${request.status.toLowerCase()} already.`,
        );
      }
      prepared(
        this.db,
        "UPDATE sb_bc_requests SET status = ?, completed_at = ?, decided_by = ? WHERE id = ?",
      ).run(status, this.world.now(), deciderJson(origin), requestId);
      const table = this.bc.table(request.table);
      const record = this.bc.records.get(table.name, request.recordId);
      const states = statuses(table);
      if (record && states && record.status === states.pending) {
        this.bc.save(
          table,
          record,
          { ...record, status: status === "Approved" ? states.approved : "Open" },
          origin,
        );
      }
      if (status === "Canceled") {
        if (request.approvalId) this.approvals.cancel(request.approvalId);
        this.world.emit({
          type: "approval.canceled",
          payload: { kind: request.eventKind, table: request.table, id: request.recordId, requestId, origin },
        });
      } else {
        // A customer, vendor or item has no status that changes: this tells its card.
        this.world.emit({
          type: "approval.decided",
          payload: {
            kind: request.eventKind,
            table: request.table,
            id: request.recordId,
            requestId,
            status,
            origin,
          },
        });
      }
      return this.get(requestId);
    });
  }
}

const AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount as Business Central shows it to people: "13,235.11". */
export function formatAmount(amount: number): string {
  return AMOUNT.format(amount);
}

/** Who decided, as sb_bc_requests keeps it; null for the system (a reset, a deleted record). */
function deciderJson(origin: Origin): string | null {
  if (origin.kind === "person") return JSON.stringify({ kind: "person", email: origin.email });
  if (origin.kind === "flow") return JSON.stringify({ kind: "flow", flowName: origin.flowName });
  return null;
}
