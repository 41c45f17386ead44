// Resetting the sandbox or restoring a snapshot cancels the runs waiting on a request it removes, and
// says which ones first; runs waiting on a delay, or on a request the snapshot still has pending, wait on.
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

async function startDraftRun(name: string, actions: Record<string, unknown>): Promise<string> {
  const flow = backend.flows.create({
    name,
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
  Ask: {
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
  },
});

const postCard = {
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
};

const pause = { Pause: { type: "Wait", inputs: { interval: { count: 1, unit: "Hour" } }, runAfter: {} } };

const statusOf = (runId: string) => backend.engine.getRunSummary(runId)?.status;
const pendingApproval = (title: string) =>
  backend.sandbox
    .listApprovals({ assignedTo: ALICIA, status: "Pending" })
    .items.find((a) => a.title === title);

async function call<T>(method: Parameters<Backend["dispatch"]>[0], input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  await backend.engine.idle();
  return result.value as T;
}

describe("resetting the sandbox", () => {
  it("first lists the runs waiting on an approval or a card, not those waiting on a delay", async () => {
    const approval = await startDraftRun("Invoice approval", askAlicia("Approve PI-1001"));
    const card = await startDraftRun("Pay by card", postCard);
    await startDraftRun("Wait an hour", pause);

    const preview = await call<{ runs: { flowName: string }[] }>("sandbox.resetPreview", {});
    // Runs started in the same millisecond may come in either order.
    expect(preview.runs.sort((a, b) => a.flowName.localeCompare(b.flowName))).toEqual([
      { runId: approval, flowId: expect.any(String), flowName: "Invoice approval", waitsOn: "approval" },
      { runId: card, flowId: expect.any(String), flowName: "Pay by card", waitsOn: "card" },
    ]);
    // Only a preview: the runs and their requests are as they were.
    expect(statusOf(approval)).toBe("Waiting");
    expect(pendingApproval("Approve PI-1001")).toBeDefined();
  });

  it("cancels a run waiting on an approval, with the reason, and leaves a run waiting on a delay", async () => {
    const approval = await startDraftRun("Invoice approval", askAlicia("Approve PI-1001"));
    const card = await startDraftRun("Pay by card", postCard);
    const delayed = await startDraftRun("Wait an hour", pause);
    const finished: unknown[] = [];
    backend.events.subscribe((message) => {
      if (message.event === "runs.finished") finished.push(message.payload);
    });

    expect(await call("sandbox.reset", {})).toEqual({ cancelled: 2 });

    const run = backend.engine.getRun(approval);
    if (!run) throw new Error("the run is gone");
    expect(run.status).toBe("Cancelled");
    expect(run.error).toEqual({
      code: "Cancelled",
      message: "Cancelled: the sandbox was reset, and the approval it waited on is gone.",
    });
    expect(run.steps.find((step) => step.action === "Ask")?.status).toBe("Cancelled");
    expect(backend.engine.getRun(card)?.error?.message).toBe(
      "Cancelled: the sandbox was reset, and the Teams card it waited on is gone.",
    );
    expect(finished).toHaveLength(2);
    expect(finished).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ runId: approval, status: "Cancelled" }),
        expect.objectContaining({ runId: card, status: "Cancelled" }),
      ]),
    );
    expect(statusOf(delayed)).toBe("Waiting");
    expect(backend.engine.pendingWaits().map((wait) => wait.runId)).toEqual([delayed]);
    // Nothing is left to preview, and the sandbox's own list of waiters is empty.
    expect(await call("sandbox.resetPreview", {})).toEqual({ runs: [] });
    expect(backend.db.prepare("SELECT count(*) AS n FROM sb_waiters").get()).toEqual({ n: 0 });
  });

  it("cancels nothing when the restore fails", async () => {
    const approval = await startDraftRun("Invoice approval", askAlicia("Approve PI-1001"));
    const failing = await backend.dispatch("sandbox.snapshots.restore", { name: "nowhere" });
    expect(failing).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(statusOf(approval)).toBe("Waiting");
    expect(pendingApproval("Approve PI-1001")).toBeDefined();
  });
});

describe("restoring a snapshot", () => {
  it("keeps a run whose request is pending in the snapshot, and cancels one whose request is not in it", async () => {
    const kept = await startDraftRun("Kept", askAlicia("Approve PI-1001"));
    await call("sandbox.snapshots.save", { name: "with PI-1001" });
    const lost = await startDraftRun("Lost", askAlicia("Approve PI-1002"));
    const delayed = await startDraftRun("Wait an hour", pause);

    expect(await call("sandbox.resetPreview", { snapshot: "with PI-1001" })).toEqual({
      runs: [{ runId: lost, flowId: expect.any(String), flowName: "Lost", waitsOn: "approval" }],
    });
    expect(await call("sandbox.snapshots.restore", { name: "with PI-1001" })).toEqual({ cancelled: 1 });

    expect(backend.engine.getRun(lost)?.error?.message).toBe(
      "Cancelled: the sandbox snapshot “with PI-1001” was restored, and the approval it waited on is not waiting for an answer in it.",
    );
    expect(statusOf(delayed)).toBe("Waiting");
    expect(statusOf(kept)).toBe("Waiting");
    // The request came back with the snapshot: answering it resumes the run that waited.
    const request = pendingApproval("Approve PI-1001");
    backend.sandbox.respondToApproval(request?.id ?? "", { responder: ALICIA, response: "Approve" });
    await backend.engine.idle();
    expect(statusOf(kept)).toBe("Succeeded");
  });

  it("previews a snapshot that does not exist as not found", async () => {
    expect(await backend.dispatch("sandbox.resetPreview", { snapshot: "nowhere" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
