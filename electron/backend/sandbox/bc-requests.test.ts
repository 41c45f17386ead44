import { describe, expect, it } from "vitest";
import { allOperations } from "../../../shared/connectors";
import { APPROVAL_TRIGGERS } from "./tables";
import { BC, eventsOf, failed, succeeded, testWorld } from "./test-support";

const MARCUS = "marcus.bell@cronus-demo.example";
const ALICIA = "alicia.thornton@cronus-demo.example";

describe("send for approval", () => {
  it("puts a purchase invoice in Pending Approval and raises the purchase document event", () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const request = w.sandbox.sendForApproval("purchaseInvoices", String(pi?.id), MARCUS);
    expect(request).toMatchObject({
      status: "Open",
      table: "purchaseInvoices",
      recordNumber: "PI-1001",
      requestedBy: MARCUS,
    });
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Pending Approval");
    const [event] = eventsOf(w.events, "approval.requested");
    expect(event).toMatchObject({
      kind: "purchaseDocument",
      triggerOperationId: "CreatePurchaseDocumentApprovalWebHookV3",
      table: "purchaseInvoices",
      id: pi?.id,
      number: "PI-1001",
      requestId: request.id,
      requestedBy: MARCUS,
      body: { "Row Id": pi?.id, "Workflow Step Id": request.id, "Requested By User Email": MARCUS },
      answeredByWorkflowId: null,
      origin: { kind: "person", email: MARCUS },
    });
    expect(event?.record.status).toBe("Pending Approval");
    expect(event?.lines.length).toBeGreaterThan(0);
    const modified = eventsOf(w.events, "record.modified");
    expect(modified.map((m) => m.changedFields)).toEqual([["status"]]);
  });

  it("has a body with exactly the outputs the catalog's approval triggers declare", () => {
    for (const operationId of Object.values(APPROVAL_TRIGGERS)) {
      const operation = allOperations().find((op) => op.operationId === operationId);
      expect(operation?.outputs.map((o) => o.path)).toEqual([
        "body/Row Id",
        "body/Workflow Step Id",
        "body/Requested By User Email",
      ]);
    }
  });

  it("raises the event of each kind of record", () => {
    const w = testWorld();
    const cases: [string, string, string][] = [
      ["customers", "C10000", "customer"],
      ["vendors", "V20000", "vendor"],
      ["items", "1000", "item"],
      ["journals", "GENERAL", "generalJournalBatch"],
      ["journalLines", "GJ-1001", "generalJournalLine"],
      ["purchaseOrders", "PO-1001", "purchaseDocument"],
      ["purchaseCreditMemos", "PCM-1001", "purchaseDocument"],
      ["salesQuotes", "SQ-1001", "salesDocument"],
      ["salesOrders", "SO-1001", "salesDocument"],
      ["salesInvoices", "SI-1001", "salesDocument"],
      ["salesCreditMemos", "SCM-1001", "salesDocument"],
    ];
    for (const [table, number] of cases) {
      const record = w.sandbox.findRecord(table, number);
      w.sandbox.sendForApproval(table, String(record?.id), MARCUS);
    }
    expect(eventsOf(w.events, "approval.requested").map((e) => [e.table, e.number, e.kind])).toEqual(cases);
    expect(w.sandbox.findRecord("journals", "GENERAL")?.status).toBe("Pending Approval");
    expect(w.sandbox.findRecord("customers", "C10000")?.blocked).toBe(" ");
  });

  it("refuses what Business Central refuses", () => {
    const w = testWorld();
    const released = w.sandbox.listRecords("purchaseOrders", { filter: "status eq 'Released'" }).items[0];
    expect(() => w.sandbox.sendForApproval("purchaseOrders", String(released?.id), MARCUS)).toThrow(
      "only Open records can be sent for approval",
    );
    const employee = w.sandbox.findRecord("employees", "E101");
    expect(() => w.sandbox.sendForApproval("employees", String(employee?.id), MARCUS)).toThrow(
      "cannot be sent for approval",
    );
    const vendor = w.sandbox.findRecord("vendors", "V20000");
    w.sandbox.sendForApproval("vendors", String(vendor?.id), MARCUS);
    expect(() => w.sandbox.sendForApproval("vendors", String(vendor?.id), MARCUS)).toThrow("pending already");
    expect(() => w.sandbox.sendForApproval("vendors", String(vendor?.id), "someone@else.example")).toThrow(
      "is not a person of the company",
    );
  });

  it("cancels a request: the document is Open again", () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const request = w.sandbox.sendForApproval("purchaseInvoices", String(pi?.id), MARCUS);
    const canceled = w.sandbox.cancelApprovalRequest("purchaseInvoices", String(pi?.id), MARCUS);
    expect(canceled).toMatchObject({ id: request.id, status: "Canceled" });
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Open");
    expect(eventsOf(w.events, "approval.canceled")).toMatchObject([
      { requestId: request.id, kind: "purchaseDocument" },
    ]);
  });

  it("a flow approves or rejects the request with Run action; approving releases the document", async () => {
    const w = testWorld();
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const request = w.sandbox.sendForApproval("purchaseInvoices", String(pi?.id), MARCUS);
    const approve = succeeded(
      await w.call("shared_dynamicssmbsaas", "ExecuteProcedureV3", {
        ...BC,
        procedure: "workflowApprovalRequests/Microsoft.NAV.approve",
        "parameters/id": request.id,
      }),
    );
    expect(approve.body).toMatchObject({ id: request.id, status: "Approved" });
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Released");
    const again = failed(
      await w.call("shared_dynamicssmbsaas", "ExecuteProcedureV3", {
        ...BC,
        procedure: "workflowApprovalRequests/Microsoft.NAV.reject",
        "parameters/id": request.id,
      }),
    );
    expect(again.statusCode).toBe(409);

    const pi2 = w.sandbox.findRecord("purchaseInvoices", "PI-1002");
    const second = w.sandbox.sendForApproval("purchaseInvoices", String(pi2?.id), MARCUS);
    w.sandbox.decideApprovalRequest(second.id, "reject", ALICIA);
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1002")?.status).toBe("Open");
  });

  it("sends for approval from a flow, as the connections' user", async () => {
    const w = testWorld();
    const so = w.sandbox.findRecord("salesOrders", "SO-1001");
    const outcome = succeeded(
      await w.call("shared_dynamicssmbsaas", "ExecuteProcedureV3", {
        ...BC,
        procedure: "salesOrders/Microsoft.NAV.sendForApproval",
        "parameters/id": String(so?.id),
      }),
    );
    expect(outcome.body).toMatchObject({ status: "Open", requestedBy: w.sandbox.connectionUser() });
    expect(eventsOf(w.events, "approval.requested")[0]?.origin).toMatchObject({
      kind: "flow",
      actionName: "ExecuteProcedureV3",
    });
  });
});

describe("built-in approval workflows", () => {
  it("say a sales document's party is its customer", () => {
    const w = testWorld();
    const workflow = w.sandbox.listBuiltInWorkflows().find((wf) => wf.tables.includes("salesOrders"));
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const order = w.sandbox.findRecord("salesOrders", "SO-1001");
    const request = w.sandbox.sendForApproval("salesOrders", String(order?.id), MARCUS);
    const details = w.sandbox.getApproval(String(request.approvalId)).details;
    expect(details).toContain(`Customer: ${String(order?.customerName)}`);
    expect(details).not.toContain("Party");
  });

  it("can be enabled and disabled, with an event", () => {
    const w = testWorld();
    const workflow = w.sandbox.listBuiltInWorkflows().find((wf) => wf.name === "Purchase invoice approval");
    expect(workflow).toMatchObject({
      eventKind: "purchaseDocument",
      tables: ["purchaseInvoices"],
      enabled: false,
      builtIn: true,
    });
    const enabled = w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    expect(enabled.enabled).toBe(true);
    expect(eventsOf(w.events, "workflow.changed")).toHaveLength(1);
    expect(() => w.sandbox.setBuiltInWorkflowEnabled("nope", true)).toThrow("no built-in workflow");
  });

  it("when enabled, answers the request: the purchaser's approver decides, and approving releases", () => {
    const w = testWorld();
    const workflow = w.sandbox.listBuiltInWorkflows().find((wf) => wf.name === "Purchase invoice approval");
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const pi = w.sandbox.findRecord("purchaseInvoices", "PI-1001");
    const request = w.sandbox.sendForApproval("purchaseInvoices", String(pi?.id), MARCUS);
    expect(request.workflowId).toBe(workflow?.id);
    expect(eventsOf(w.events, "approval.requested")[0]?.answeredByWorkflowId).toBe(workflow?.id);
    // 13,235 is over Marcus's own limit; his manager Alicia may approve up to 100,000.
    const approval = w.sandbox.getApproval(String(request.approvalId));
    expect(approval).toMatchObject({
      assignedTo: [ALICIA],
      requestor: MARCUS,
      title: "Purchase invoice PI-1001 needs approval",
    });
    // What the approver reads: the vendor by that name, the amount grouped as people write it.
    expect(approval.details.split("\n\n")).toEqual([
      "Marcus Bell sent purchase invoice PI-1001 for approval.",
      "Vendor: Birch Logistics Co.",
      expect.stringMatching(/^Amount: \d{1,3}(,\d{3})*\.\d{2} USD$/),
    ]);
    w.sandbox.respondToApproval(approval.id, { responder: ALICIA, response: "Approve" });
    expect(w.sandbox.listApprovalRequests({ recordId: String(pi?.id) })[0]?.status).toBe("Approved");
    expect(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.status).toBe("Released");
    expect(w.sink.committed()).toHaveLength(0);
  });

  it("climbs the hierarchy to someone whose limit covers the amount", () => {
    const w = testWorld();
    const workflow = w.sandbox.listBuiltInWorkflows().find((wf) => wf.name === "Purchase invoice approval");
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const invoice = w.sandbox.createRecord("purchaseInvoices", { vendorNumber: "V20000" }, MARCUS);
    w.sandbox.createRecord(
      "purchaseInvoiceLines",
      { documentId: String(invoice.id), lineObjectNumber: "1000", quantity: 1, directUnitCost: 150_000 },
      MARCUS,
    );
    const request = w.sandbox.sendForApproval("purchaseInvoices", String(invoice.id), MARCUS);
    // Alicia's 100,000 is not enough; her manager the CFO has no limit.
    const approval = w.sandbox.getApproval(String(request.approvalId));
    expect(approval.assignedTo).toEqual(["victor.almeida@cronus-demo.example"]);
    expect(approval.details).toContain("Amount: 165,000.00 USD");
    w.sandbox.respondToApproval(String(request.approvalId), {
      responder: "victor.almeida@cronus-demo.example",
      response: "Reject",
    });
    expect(w.sandbox.getRecord("purchaseInvoices", String(invoice.id)).status).toBe("Open");
  });
});

describe("a record's open approval request, as its card shows it", () => {
  const none = () => 0;

  it("is null before sending and after canceling; cancel with nothing open is refused, saying why", () => {
    const w = testWorld();
    const customer = String(w.sandbox.findRecord("customers", "C10000")?.id);
    expect(w.sandbox.openApprovalRequest("customers", customer, none)).toBeNull();
    expect(() => w.sandbox.cancelApprovalRequest("customers", customer, MARCUS)).toThrow(
      "Customer C10000 has no open approval request to cancel: it was not sent for approval",
    );
    const request = w.sandbox.sendForApproval("customers", customer, MARCUS);
    expect(w.sandbox.openApprovalRequest("customers", customer, none)).toMatchObject({
      id: request.id,
      status: "Open",
      requestedBy: MARCUS,
      requestedByName: "Marcus Bell",
      createdAt: request.createdAt,
    });
    w.sandbox.cancelApprovalRequest("customers", customer, MARCUS);
    expect(w.sandbox.openApprovalRequest("customers", customer, none)).toBeNull();
    // Canceled already: a second cancel is refused too, not a no-op.
    expect(() => w.sandbox.cancelApprovalRequest("customers", customer, MARCUS)).toThrow(
      "has no open approval request to cancel",
    );
  });

  it("is gone once approved or rejected, which its card is told (a customer has no status that changes)", () => {
    const w = testWorld();
    const customer = String(w.sandbox.findRecord("customers", "C10000")?.id);
    const request = w.sandbox.sendForApproval("customers", customer, MARCUS);
    w.sandbox.decideApprovalRequest(request.id, "approve", ALICIA);
    expect(w.sandbox.openApprovalRequest("customers", customer, none)).toBeNull();
    expect(eventsOf(w.events, "approval.decided")).toMatchObject([
      { table: "customers", id: customer, requestId: request.id, status: "Approved", kind: "customer" },
    ]);
  });

  it("is answered by nobody when no workflow took it and no flow started on it", () => {
    const w = testWorld();
    const vendor = String(w.sandbox.findRecord("vendors", "V20000")?.id);
    w.sandbox.sendForApproval("vendors", vendor, MARCUS);
    expect(w.sandbox.openApprovalRequest("vendors", vendor, none)?.answeredBy).toEqual({ kind: "nobody" });
  });

  it("counts the flows the caller says started on it", () => {
    const w = testWorld();
    const item = String(w.sandbox.findRecord("items", "1000")?.id);
    const request = w.sandbox.sendForApproval("items", item, MARCUS);
    const asked: string[] = [];
    const view = w.sandbox.openApprovalRequest("items", item, (r) => {
      asked.push(r.id);
      return 2;
    });
    expect(asked).toEqual([request.id]);
    expect(view?.answeredBy).toEqual({ kind: "flows", count: 2 });
  });

  it("names the built-in workflow that answered it, which starts no flow (the counter is not asked)", () => {
    const w = testWorld();
    const workflow = w.sandbox
      .listBuiltInWorkflows()
      .find((wf) => wf.name === "Customer credit limit approval");
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const customer = String(w.sandbox.findRecord("customers", "C10000")?.id);
    w.sandbox.sendForApproval("customers", customer, MARCUS);
    const view = w.sandbox.openApprovalRequest("customers", customer, () => {
      throw new Error("not asked");
    });
    expect(view?.answeredBy).toEqual({
      kind: "workflow",
      workflowId: workflow?.id,
      name: "Customer credit limit approval",
    });
    // Turned off since: it answered all the same.
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), false);
    expect(w.sandbox.openApprovalRequest("customers", customer, none)?.answeredBy.kind).toBe("workflow");
  });
});

describe("whom a request waits for, and who decided it", () => {
  const none = () => 0;
  const enable = (w: ReturnType<typeof testWorld>, name: string) => {
    const workflow = w.sandbox.listBuiltInWorkflows().find((wf) => wf.name === name);
    w.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
  };

  it("names the approvers the built-in workflow asked, and then who approved it and when", () => {
    const w = testWorld();
    enable(w, "Purchase invoice approval");
    const pi = String(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.id);
    const request = w.sandbox.sendForApproval("purchaseInvoices", pi, MARCUS);
    const open = w.sandbox.openApprovalRequest("purchaseInvoices", pi, none);
    expect(open?.approvers).toEqual([{ email: ALICIA, name: "Alicia Thornton" }]);
    expect(open).toMatchObject({ completedAt: null, decidedBy: null });
    expect(w.sandbox.decidedApprovalRequest("purchaseInvoices", pi, none)).toBeNull();

    w.sandbox.respondToApproval(String(request.approvalId), { responder: ALICIA, response: "Approve" });
    expect(w.sandbox.openApprovalRequest("purchaseInvoices", pi, none)).toBeNull();
    const decided = w.sandbox.decidedApprovalRequest("purchaseInvoices", pi, none);
    expect(decided).toMatchObject({
      id: request.id,
      status: "Approved",
      decidedBy: { kind: "person", email: ALICIA, name: "Alicia Thornton" },
    });
    expect(decided?.completedAt).toEqual(expect.any(String));
  });

  it("waits for nobody by name when flows answer it; a flow that decides is named as the decider", async () => {
    const w = testWorld();
    const pi = String(w.sandbox.findRecord("purchaseInvoices", "PI-1001")?.id);
    const request = w.sandbox.sendForApproval("purchaseInvoices", pi, MARCUS);
    expect(w.sandbox.openApprovalRequest("purchaseInvoices", pi, () => 1)?.approvers).toEqual([]);
    succeeded(
      await w.call("shared_dynamicssmbsaas", "ExecuteProcedureV3", {
        ...BC,
        procedure: "workflowApprovalRequests/Microsoft.NAV.reject",
        "parameters/id": request.id,
      }),
    );
    const decided = w.sandbox.decidedApprovalRequest("purchaseInvoices", pi, none);
    expect(decided?.status).toBe("Rejected");
    expect(decided?.decidedBy?.kind).toBe("flow");
  });

  it("is not told once the latest request was canceled", () => {
    const w = testWorld();
    const customer = String(w.sandbox.findRecord("customers", "C10000")?.id);
    const first = w.sandbox.sendForApproval("customers", customer, MARCUS);
    w.sandbox.decideApprovalRequest(first.id, "approve", ALICIA);
    expect(w.sandbox.decidedApprovalRequest("customers", customer, none)?.decidedBy).toEqual({
      kind: "person",
      email: ALICIA,
      name: "Alicia Thornton",
    });
    w.sandbox.sendForApproval("customers", customer, MARCUS);
    w.sandbox.cancelApprovalRequest("customers", customer, MARCUS);
    expect(w.sandbox.decidedApprovalRequest("customers", customer, none)).toBeNull();
  });
});
