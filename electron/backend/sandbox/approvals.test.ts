import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { eventsOf, failed, signalBody, succeeded, testWorld, waiting } from "./test-support";

const AP = "shared_approvals";
const ALICIA = "alicia.thornton@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";
const VICTOR = "victor.almeida@cronus-demo.example";

function request(type: string, assignedTo: string, extra: JsonObject = {}): JsonObject {
  return {
    approvalType: type,
    "WebhookApprovalCreationInput/title": "Approve PI-1001",
    "WebhookApprovalCreationInput/assignedTo": assignedTo,
    "WebhookApprovalCreationInput/details": "13,235.11 USD from Birch Logistics",
    "WebhookApprovalCreationInput/itemLink": "sandbox://businesscentral/purchaseInvoices/1",
    "WebhookApprovalCreationInput/itemLinkDescription": "PI-1001",
    "WebhookApprovalCreationInput/requestor": "marcus.bell@cronus-demo.example",
    "WebhookApprovalCreationInput/enableNotifications": true,
    ...extra,
  };
}

async function start(type: string, assignedTo: string, extra: JsonObject = {}) {
  const w = testWorld();
  const outcome = waiting(await w.call(AP, "StartAndWaitForAnApproval", request(type, assignedTo, extra)));
  const id = String((outcome.pending as JsonObject).name);
  return { w, outcome, id };
}

describe("Start and wait for an approval", () => {
  it("creates the request, notifies the approvers and waits on a token", async () => {
    const { w, outcome, id } = await start("Basic", `${ALICIA};`);
    expect(outcome.token).toBe(`approval:${id}`);
    expect(outcome.description).toBe("Waiting for Alicia Thornton to respond to 'Approve PI-1001'");
    expect(outcome.pending).toMatchObject({
      name: id,
      title: "Approve PI-1001",
      requestDate: "2026-01-05T08:00:00.000Z",
    });
    const inbox = w.sandbox.listApprovals({ assignedTo: ALICIA, status: "Pending" });
    expect(inbox.items.map((a) => a.id)).toEqual([id]);
    expect(inbox.items[0]).toMatchObject({
      requestor: "marcus.bell@cronus-demo.example",
      responseOptions: ["Approve", "Reject"],
    });
    const mail = w.sandbox.listMessages(ALICIA).items;
    expect(mail[0]?.subject).toBe("Approval requested: Approve PI-1001");
    expect(eventsOf(w.events, "approval.created")).toHaveLength(1);
    expect(w.sink.delivered).toHaveLength(0);
  });

  it("without a requestor, is requested by the connection's person (it shows in their Sent)", async () => {
    const { w, id } = await start("Basic", ALICIA, { "WebhookApprovalCreationInput/requestor": "" });
    const me = w.sandbox.connectionUser();
    expect(w.sandbox.listApprovals({ requestor: me }).items.map((a) => [a.id, a.requestor])).toEqual([
      [id, me],
    ]);
  });

  it("Basic: the first answer completes it and delivers the outputs at the catalog's paths", async () => {
    const { w, outcome, id } = await start("Basic", `${ALICIA}; ${GRACE}`);
    await w.clock.advanceBy(60_000);
    const done = w.sandbox.respondToApproval(id, {
      responder: GRACE,
      response: "approve",
      comments: "Fine by me",
    });
    expect(done).toMatchObject({ status: "Completed", outcome: "Approve" });
    expect(w.sink.committed()).toHaveLength(1);
    const [signal] = w.sink.committed();
    expect(signal?.token).toBe(outcome.token);
    expect(signal?.outcome.kind).toBe("succeeded");
    const body = signalBody(w.sink);
    expect(body).toMatchObject({
      name: id,
      title: "Approve PI-1001",
      outcome: "Approve",
      completionDate: "2026-01-05T08:01:00.000Z",
      requestDate: "2026-01-05T08:00:00.000Z",
      itemLinkDescription: "PI-1001",
    });
    expect(body.responseSummary).toBe(
      "Grace Okafor (grace.okafor@cronus-demo.example): Approve - Fine by me",
    );
    expect(body.responses).toEqual([
      {
        approverId: w.sandbox.getPerson(GRACE)?.id,
        approverName: "Grace Okafor",
        approverEmail: GRACE,
        approverResponse: "Approve",
        comments: "Fine by me",
        requestDate: "2026-01-05T08:00:00.000Z",
        responseDate: "2026-01-05T08:01:00.000Z",
        responder: {
          id: w.sandbox.getPerson(GRACE)?.id,
          displayName: "Grace Okafor",
          email: GRACE,
          userPrincipalName: GRACE,
        },
      },
    ]);
    // Alicia is too late.
    expect(() => w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Reject" })).toThrow(
      "completed already",
    );
    expect(eventsOf(w.events, "approval.completed")).toHaveLength(1);
  });

  it("BasicAwaitAll: waits for everyone to approve", async () => {
    const { w, id } = await start("BasicAwaitAll", `${ALICIA};${GRACE};${VICTOR}`);
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
    w.sandbox.respondToApproval(id, { responder: VICTOR, response: "Approve" });
    expect(w.sandbox.getApproval(id).status).toBe("Pending");
    expect(w.sink.committed()).toHaveLength(0);
    w.sandbox.respondToApproval(id, { responder: GRACE, response: "Approve", comments: "ok" });
    const body = signalBody(w.sink, 0);
    expect(body.outcome).toBe("Approve");
    expect((body.responses as JsonObject[]).map((r) => r.approverEmail)).toEqual([ALICIA, VICTOR, GRACE]);
  });

  it("BasicAwaitAll: who answered finds it in their history, the others still in their inbox", async () => {
    const { w, id } = await start("BasicAwaitAll", `${ALICIA};${GRACE};${VICTOR}`);
    const box = (email: string, answered: boolean) =>
      w.sandbox.listApprovals({ assignedTo: email, answered }).items.map((a) => a.id);
    expect([box(ALICIA, false), box(ALICIA, true)]).toEqual([[id], []]);
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
    expect(w.sandbox.getApproval(id).status).toBe("Pending");
    // Case does not matter: emails are compared as the approver typed them or not.
    expect([box(ALICIA.toUpperCase(), false), box(ALICIA, true)]).toEqual([[], [id]]);
    expect([box(GRACE, false), box(GRACE, true)]).toEqual([[id], []]);
    expect(w.sandbox.listApprovals({ assignedTo: GRACE, status: "Pending", answered: false }).total).toBe(1);
    expect(() => w.sandbox.listApprovals({ answered: true })).toThrow("give 'assignedTo' too");
  });

  it("BasicAwaitAll: one rejection completes it as Reject", async () => {
    const { w, id } = await start("BasicAwaitAll", `${ALICIA};${GRACE};${VICTOR}`);
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
    w.sandbox.respondToApproval(id, { responder: GRACE, response: "Reject", comments: "Too expensive" });
    expect(w.sandbox.getApproval(id)).toMatchObject({ status: "Completed", outcome: "Reject" });
    expect(w.sink.committed()).toHaveLength(1);
  });

  it("CustomResponse: the first response is the outcome, and only offered responses count", async () => {
    const options = { "WebhookApprovalCreationInput/responseOptions": ["Pay now", "Pay later", "Never"] };
    const { w, outcome, id } = await start("CustomResponse", `${ALICIA};${GRACE}`, options);
    expect(w.sandbox.getApproval(id).responseOptions).toEqual(["Pay now", "Pay later", "Never"]);
    expect(() => w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" })).toThrow(
      "'Approve' is not a response of this approval",
    );
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "pay later" });
    const signal = w.sink.committed()[0];
    expect(signal?.token).toBe(outcome.token);
    expect(signalBody(w.sink).outcome).toBe("Pay later");
  });

  it("CustomResponseAwaitAll: waits for all and lists every response", async () => {
    const options = { "WebhookApprovalCreationInput/responseOptions": ["Yes", "No"] };
    const { w, id } = await start("CustomResponseAwaitAll", `${ALICIA};${GRACE}`, options);
    w.sandbox.respondToApproval(id, { responder: GRACE, response: "No" });
    expect(w.sink.committed()).toHaveLength(0);
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Yes" });
    expect(w.sandbox.getApproval(id).outcome).toBe("Yes, No");
    expect(signalBody(w.sink, 0).outcome).toBe("Yes, No");
  });

  it("an approver outside the company is named in the wait, listed apart, and can be answered for", async () => {
    const OUTSIDE = "pat.jones@partner.example";
    const { w, outcome, id } = await start("BasicAwaitAll", `${ALICIA};${OUTSIDE}`);
    expect(outcome.description).toBe(
      "Waiting for Alicia Thornton, pat.jones@partner.example to respond to 'Approve PI-1001'. " +
        "pat.jones@partner.example is not in the sandbox company: answer for them in Sandbox → Approvals → Outside",
    );
    // An inside-only request is not in that list.
    await w.call(AP, "StartAndWaitForAnApproval", request("Basic", GRACE));
    const outside = () => w.sandbox.listApprovals({ outsideCompany: true }).items.map((a) => a.id);
    expect(outside()).toEqual([id]);

    // Answered for, it leaves the list (Alicia is still to answer); completed, it stays out.
    w.sandbox.respondToApproval(id, { responder: "PAT.JONES@partner.example", response: "Approve" });
    expect(outside()).toEqual([]);
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
    expect(w.sandbox.getApproval(id)).toMatchObject({ status: "Completed", outcome: "Approve" });
  });

  it("assigns to each member of a group", async () => {
    const { w, id } = await start("Basic", "buyers@cronus-demo.example");
    expect(w.sandbox.getApproval(id).assignedTo).toEqual([
      "marcus.bell@cronus-demo.example",
      "nadia.haddad@cronus-demo.example",
      "oliver.grant@cronus-demo.example",
    ]);
  });

  it("refuses answers from people who are not approvers", async () => {
    const { w, id } = await start("Basic", ALICIA);
    expect(() => w.sandbox.respondToApproval(id, { responder: GRACE, response: "Approve" })).toThrow(
      "grace.okafor@cronus-demo.example is not an approver",
    );
    expect(() => w.sandbox.respondToApproval("nope", { responder: ALICIA, response: "Approve" })).toThrow(
      "no approval",
    );
  });

  it("names the parameter at fault", async () => {
    const w = testWorld();
    const bad = async (parameters: JsonObject) =>
      failed(await w.call(AP, "StartAndWaitForAnApproval", parameters)).error.message;
    expect(await bad(request("Sometimes", ALICIA))).toMatch(
      /^Parameter 'approvalType': 'Sometimes' is not an approval type/,
    );
    expect(await bad(request("Basic", "not-an-address"))).toBe(
      "Parameter 'WebhookApprovalCreationInput/assignedTo': 'not-an-address' is not an email address.",
    );
    expect(await bad(request("Basic", ""))).toBe(
      "Parameter 'WebhookApprovalCreationInput/assignedTo': is required.",
    );
    expect(await bad(request("CustomResponse", ALICIA))).toMatch(
      /^Parameter 'WebhookApprovalCreationInput\/responseOptions': a custom approval needs/,
    );
    expect(await bad({ ...request("Basic", ALICIA), "WebhookApprovalCreationInput/title": "" })).toBe(
      "Parameter 'WebhookApprovalCreationInput/title': is required.",
    );
    expect(w.sandbox.listApprovals().total).toBe(0);
  });
});

describe("answers and signals commit together", () => {
  it("a rolled-back answer records nothing and signals nothing", async () => {
    const { w, id } = await start("Basic", ALICIA);
    expect(() =>
      w.db.transaction(() => {
        w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
        throw new Error("crash before commit");
      })(),
    ).toThrow("crash before commit");
    expect(w.sink.committed()).toHaveLength(0);
    expect(w.sandbox.getApproval(id)).toMatchObject({ status: "Pending", responses: [] });
    // And the answer can be given again.
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" });
    expect(w.sink.committed()).toHaveLength(1);
  });

  it("a sink that fails rolls the answer back", async () => {
    const { w, id } = await start("Basic", ALICIA);
    // Make the sink's table refuse inserts: the delivery throws inside the transaction.
    w.db.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON test_signals BEGIN SELECT RAISE(ABORT, 'engine is down'); END",
    );
    expect(() => w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Approve" })).toThrow(
      "engine is down",
    );
    expect(w.sandbox.getApproval(id).status).toBe("Pending");
    expect(eventsOf(w.events, "approval.completed")).toHaveLength(0);
  });

  it("events of a completed answer are emitted after the commit, in order", async () => {
    const { w, id } = await start("Basic", ALICIA);
    const seen: string[] = [];
    w.sandbox.events.onAny((event) => {
      seen.push(event.type);
      // The answer is visible to listeners: they run after the commit.
      if (event.type === "approval.completed") expect(w.sink.committed()).toHaveLength(1);
    });
    w.sandbox.respondToApproval(id, { responder: ALICIA, response: "Reject" });
    expect(seen).toEqual(["approval.responded", "approval.completed"]);
  });
});

describe("Create an approval and Wait for an approval", () => {
  it("creates without waiting, then waits with its own token", async () => {
    const w = testWorld();
    const created = succeeded(
      await w.call(AP, "CreateAnApproval", {
        approvalType: "Basic",
        "ApprovalCreationInput/title": "Budget 2026",
        "ApprovalCreationInput/assignedTo": VICTOR,
      }),
    );
    expect(created.statusCode).toBe(201);
    const id = String(created.body.name);
    const wait = waiting(await w.call(AP, "WaitForAnApproval", { approvalName: id }, "Wait_for_budget"));
    expect(wait.token).toBe(`approval:${id}/wait/run-2/Wait_for_budget`);
    w.sandbox.respondToApproval(id, { responder: VICTOR, response: "Approve" });
    expect(w.sink.committed().map((s) => s.token)).toEqual([wait.token]);
  });

  it("returns at once for a completed approval, and fails for an unknown one", async () => {
    const w = testWorld();
    const created = succeeded(
      await w.call(AP, "CreateAnApproval", {
        approvalType: "Basic",
        "ApprovalCreationInput/title": "Budget 2026",
        "ApprovalCreationInput/assignedTo": VICTOR,
        "ApprovalCreationInput/enableNotifications": false,
      }),
    );
    expect(w.sandbox.listMessages(VICTOR).total).toBe(0);
    const id = String(created.body.name);
    w.sandbox.respondToApproval(id, { responder: VICTOR, response: "Reject", comments: "No" });
    const done = succeeded(await w.call(AP, "WaitForAnApproval", { approvalName: id }));
    expect(done.body).toMatchObject({ name: id, outcome: "Reject" });
    const unknown = failed(await w.call(AP, "WaitForAnApproval", { approvalName: "nope" }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.error.message).toBe("Parameter 'approvalName': there is no approval with id 'nope'.");
  });

  it("a canceled approval fails the steps waiting on it", async () => {
    const { w, outcome, id } = await start("Basic", ALICIA);
    w.sandbox.cancelApproval(id);
    const [signal] = w.sink.committed();
    expect(signal?.token).toBe(outcome.token);
    expect(signal?.outcome).toMatchObject({
      kind: "failed",
      statusCode: 409,
      error: { code: "ApprovalCanceled" },
    });
  });
});
