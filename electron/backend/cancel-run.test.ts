// Cancelling a run that waits for a person: what it asked for is withdrawn in the sandbox, as Power
// Automate cancels the approval of a cancelled run. The engine and the sandbox together, for real.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "./app";
import { testBackend } from "./test-support";

const ALICIA = "alicia.thornton@cronus-demo.example";
const host = (apiId: string, operationId: string) => ({
  host: { apiId: `/providers/Microsoft.PowerApps/apis/${apiId}`, connectionName: apiId, operationId },
});
const button = { manual: { type: "Request", kind: "Button", inputs: { schema: { type: "object" } } } };

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

async function startDraftRun(actions: Record<string, unknown>): Promise<string> {
  const flow = backend.flows.create({
    name: "Ask and wait",
    kind: "instant",
    definition: { triggers: button, actions } as never,
  });
  const started = await backend.dispatch("runs.start", {
    flowId: flow.id,
    source: { draft: true },
    triggerOutputs: { body: {} },
  });
  if (!started.ok) throw new Error(started.error.message);
  await backend.engine.idle();
  return (started.value as { runId: string }).runId;
}

const askAlicia = (title: string) => ({
  type: "OpenApiConnectionWebhook",
  inputs: {
    ...host("shared_approvals", "StartAndWaitForAnApproval"),
    parameters: {
      approvalType: "Basic",
      "WebhookApprovalCreationInput/title": title,
      "WebhookApprovalCreationInput/assignedTo": ALICIA,
    },
  },
  runAfter: {},
});

describe("cancelling a run that waits", () => {
  it("cancels the approval it requested: it leaves the approver's inbox and shows Canceled", async () => {
    const runId = await startDraftRun({ Ask: askAlicia("Approve PI-1001") });
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
    const runId = await startDraftRun({
      Create: {
        type: "OpenApiConnection",
        inputs: {
          ...host("shared_approvals", "CreateAnApproval"),
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
          ...host("shared_approvals", "WaitForAnApproval"),
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
    const runId = await startDraftRun({
      Card: {
        type: "OpenApiConnectionWebhook",
        inputs: {
          ...host("shared_teams", "PostCardAndWaitForResponse"),
          parameters: {
            poster: "Flow bot",
            location: "Channel",
            "body/body/recipient/groupId": "Finance",
            "body/body/recipient/channelId": "Approvals",
            "body/body/messageBody": JSON.stringify({
              type: "AdaptiveCard",
              version: "1.4",
              body: [{ type: "TextBlock", text: "Pay now?" }],
              actions: [{ type: "Action.Submit", title: "Pay" }],
            }),
          },
        },
        runAfter: {},
      },
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
