// Cancelling a run that waits for a person: what it asked for is withdrawn in the sandbox, as Power
// Automate cancels the approval of a cancelled run. The engine and the sandbox together, for real.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "./app";
import {
  ALICIA,
  askAlicia,
  connectorHost,
  postCardAndWait,
  startDraftRun,
  testBackend,
} from "./test-support";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

describe("cancelling a run that waits", () => {
  it("cancels the approval it requested: it leaves the approver's inbox and shows Canceled", async () => {
    const runId = await startDraftRun(backend, { Ask: askAlicia("Approve PI-1001") });
    const inbox = () => backend.sandbox.listApprovals({ assignedTo: ALICIA, status: "Pending" }).items;
    expect(inbox().map((a) => a.title)).toEqual(["Approve PI-1001"]);

    expect((await backend.dispatch("runs.cancel", { runId })).ok).toBe(true);
    await backend.engine.idle();
    expect(inbox()).toEqual([]);
    const [request] = backend.sandbox.listApprovals({ assignedTo: ALICIA }).items;
    expect(request).toMatchObject({ title: "Approve PI-1001", status: "Canceled" });
    // Answering it now is refused plainly, and nothing is delivered to the ended run.
    expect(() =>
      backend.sandbox.respondToApproval(request?.id ?? "", { responder: ALICIA, response: "Approve" }),
    ).toThrow("is canceled already");
  });

  it("leaves a request alone that was created apart and is only waited for (Create, then Wait)", async () => {
    const runId = await startDraftRun(backend, {
      Create: {
        type: "OpenApiConnection",
        inputs: {
          ...connectorHost("shared_approvals", "CreateAnApproval"),
          parameters: {
            approvalType: "Basic",
            "ApprovalCreationInput/title": "Budget 2027",
            "ApprovalCreationInput/assignedTo": ALICIA,
          },
        },
        runAfter: {},
      },
      Wait: {
        type: "OpenApiConnectionWebhook",
        inputs: {
          ...connectorHost("shared_approvals", "WaitForAnApproval"),
          parameters: { approvalName: "@body('Create')?['name']" },
        },
        runAfter: { Create: ["Succeeded"] },
      },
    });
    expect((await backend.dispatch("runs.cancel", { runId })).ok).toBe(true);
    await backend.engine.idle();
    expect(backend.sandbox.listApprovals({ assignedTo: ALICIA }).items).toMatchObject([
      { title: "Budget 2027", status: "Pending" },
    ]);
  });

  it("stops a card from waiting for an answer", async () => {
    const runId = await startDraftRun(backend, {
      Card: postCardAndWait,
    });
    const card = () =>
      backend.db
        .prepare("SELECT card_state FROM sb_messages WHERE card IS NOT NULL ORDER BY seq DESC LIMIT 1")
        .get();
    expect(card()).toEqual({ card_state: "waiting" });
    expect((await backend.dispatch("runs.cancel", { runId })).ok).toBe(true);
    await backend.engine.idle();
    expect(card()).toEqual({ card_state: "posted" });
  });
});
