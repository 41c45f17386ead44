// A record's approval request through the contract: records.get carries it, "Send approval request"
// says who answers it (a built-in workflow, the flows that started, or nobody), and canceling
// what was never sent is refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodName } from "../../../shared/api";
import type { Backend } from "../app";
import { templateFlow } from "../publish/test-support";
import { testBackend } from "../test-support";
import { flowsStartedOnRequest } from "./sandbox-handlers";

const MARCUS = "marcus.bell@cronus-demo.example";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

async function call(method: MethodName, input: unknown): Promise<Record<string, unknown>> {
  const answer = await backend.dispatch(method, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as Record<string, unknown>;
}

const idOf = (table: string, number: string) => String(backend.sandbox.findRecord(table, number)?.id);
const send = (table: string, id: string) =>
  call("sandbox.records.action", { table, id, action: "sendForApproval", actingAs: MARCUS });
const get = (table: string, id: string) => call("sandbox.records.get", { table, id });

describe("a record's approval request", () => {
  it("nobody answers: records.get has none before, then the open request, and the send says so", async () => {
    const id = idOf("customers", "C10000");
    expect((await get("customers", id)).approvalRequest).toBeNull();
    const sent = await send("customers", id);
    // The request Business Central keeps, as before, with who answers it.
    expect(sent).toMatchObject({
      status: "Open",
      table: "customers",
      recordNumber: "C10000",
      requestedBy: MARCUS,
      requestedByName: "Marcus Bell",
      answeredBy: { kind: "nobody" },
    });
    expect((await get("customers", id)).approvalRequest).toEqual({
      id: sent.id,
      status: "Open",
      requestedBy: MARCUS,
      requestedByName: "Marcus Bell",
      createdAt: sent.createdAt,
      answeredBy: { kind: "nobody" },
      // Flows ask whom they like: the request names nobody it waits for, and nobody decided yet.
      approvers: [],
      completedAt: null,
      decidedBy: null,
    });
    expect((await get("customers", id)).decidedRequest).toBeNull();
    await call("sandbox.records.action", {
      table: "customers",
      id,
      action: "cancelApprovalRequest",
      actingAs: MARCUS,
    });
    expect((await get("customers", id)).approvalRequest).toBeNull();
  });

  it("an enabled built-in workflow answers it", async () => {
    const workflow = backend.sandbox
      .listBuiltInWorkflows()
      .find((w) => w.name === "Customer credit limit approval");
    backend.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const id = idOf("customers", "C10000");
    const answeredBy = { kind: "workflow", workflowId: workflow?.id, name: "Customer credit limit approval" };
    expect(await send("customers", id)).toMatchObject({ answeredBy });
    expect((await get("customers", id)).approvalRequest).toMatchObject({ answeredBy });
  });

  it("counts the flows that started on it: a published flow and a designer test waiting for it", async () => {
    const published = templateFlow(backend, "approve-customer", "Customer approvals");
    backend.publisher.publish(published.id, { publishedBy: MARCUS });
    const tested = templateFlow(backend, "approve-customer", "Customer approvals (draft)");
    backend.tests.arm(tested.id);

    const id = idOf("customers", "C10000");
    expect(await send("customers", id)).toMatchObject({ answeredBy: { kind: "flows", count: 2 } });
    expect((await get("customers", id)).approvalRequest).toMatchObject({
      answeredBy: { kind: "flows", count: 2 },
    });
    // Another record's request is not theirs.
    const other = idOf("customers", "C10010");
    backend.tests.disarm(tested.id);
    backend.publisher.disable(published.id);
    expect(await send("customers", other)).toMatchObject({ answeredBy: { kind: "nobody" } });
    expect((await get("customers", id)).approvalRequest).toMatchObject({
      answeredBy: { kind: "flows", count: 2 },
    });
  });

  it("once approved, records.get says who decided it and when; the open request is gone", async () => {
    const workflow = backend.sandbox
      .listBuiltInWorkflows()
      .find((w) => w.name === "Purchase invoice approval");
    backend.sandbox.setBuiltInWorkflowEnabled(String(workflow?.id), true);
    const id = idOf("purchaseInvoices", "PI-1001");
    const sent = await send("purchaseInvoices", id);
    expect(sent).toMatchObject({
      approvers: [{ email: "alicia.thornton@cronus-demo.example", name: "Alicia Thornton" }],
    });
    backend.sandbox.respondToApproval(String(sent.approvalId), {
      responder: "alicia.thornton@cronus-demo.example",
      response: "Approve",
    });
    const loaded = await get("purchaseInvoices", id);
    expect(loaded.approvalRequest).toBeNull();
    expect(loaded.decidedRequest).toMatchObject({
      id: sent.id,
      status: "Approved",
      decidedBy: { kind: "person", email: "alicia.thornton@cronus-demo.example", name: "Alicia Thornton" },
      completedAt: expect.any(String),
    });
  });

  it("a document's request is there too, while it is Pending Approval", async () => {
    const id = idOf("purchaseInvoices", "PI-1001");
    await send("purchaseInvoices", id);
    const loaded = await get("purchaseInvoices", id);
    expect((loaded.record as Record<string, unknown>).status).toBe("Pending Approval");
    expect(loaded.approvalRequest).toMatchObject({ answeredBy: { kind: "nobody" } });
  });

  it("cancel with no open request is refused, saying why", async () => {
    const answer = await backend.dispatch("sandbox.records.action", {
      table: "vendors",
      id: idOf("vendors", "V20000"),
      action: "cancelApprovalRequest",
      actingAs: MARCUS,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: "conflict",
        message:
          "Vendor V20000 has no open approval request to cancel: it was not sent for approval, or its request has been answered already.",
      },
    });
  });

  it("flowsStartedOnRequest reads every page of runs since the request, each flow once", () => {
    const runs = Array.from({ length: 1200 }, (_, i) => ({ id: `r${i}`, flowId: `f${i % 7}` }));
    const pages: (string | undefined)[] = [];
    const engine = {
      listRuns: (query: { cursor?: string; from?: string | number; limit?: number }) => {
        pages.push(query.cursor);
        expect(query.from).toBe("2026-01-05T08:00:00.000Z");
        const start = Number(query.cursor ?? 0);
        const end = start + (query.limit ?? 50);
        return {
          runs: runs.slice(start, end) as never[],
          nextCursor: end < runs.length ? String(end) : null,
        };
      },
      // Flows f1 and f3 started on the request (once each, and again); the others on another one.
      triggerOutputsOf: (runId: string) => {
        const flow = runs.find((r) => r.id === runId)?.flowId;
        const stepId = flow === "f1" || flow === "f3" ? "req" : "other";
        return { headers: {}, body: { "Workflow Step Id": stepId } };
      },
    };
    expect(flowsStartedOnRequest(engine, { id: "req", createdAt: "2026-01-05T08:00:00.000Z" })).toBe(2);
    expect(pages).toEqual([undefined, "500", "1000"]);
  });
});

describe("Outlook through the contract", () => {
  const ALICIA = "alicia.thornton@cronus-demo.example";

  it("marks an email unread, deletes it, and says not_found for one that is gone", async () => {
    await call("sandbox.mail.send", { from: MARCUS, to: ALICIA, subject: "Contract mail", body: "Hi" });
    const page = await call("sandbox.mail.list", { mailbox: ALICIA, search: "Contract mail" });
    const [copy] = page.items as { id: string }[];
    const id = String(copy?.id);
    expect(await call("sandbox.mail.get", { id })).toMatchObject({ isRead: true });
    expect(await call("sandbox.mail.markRead", { id, read: false, actingAs: ALICIA })).toMatchObject({
      id,
      isRead: false,
    });
    expect(await call("sandbox.mail.delete", { id, actingAs: ALICIA })).toEqual({});
    const gone = await backend.dispatch("sandbox.mail.delete", { id, actingAs: ALICIA });
    expect(gone).toMatchObject({ ok: false, error: { code: "not_found" } });
    const outsider = await backend.dispatch("sandbox.mail.markRead", {
      id,
      read: true,
      actingAs: "pat.jones@partner.example",
    });
    expect(outsider).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });
});
