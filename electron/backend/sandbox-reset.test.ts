// Resetting the sandbox or restoring a snapshot cancels the runs waiting on a request it removes, and
// says which ones first; runs waiting on a delay, or on a request the snapshot still has pending, wait on.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "./app";
import { ALICIA, askAlicia, postCardAndWait, startDraftRun, testBackend } from "./test-support";

let backend: Backend;
beforeEach(() => {
  backend = testBackend();
});
afterEach(() => backend.close());

const askFor = (title: string) => ({ Ask: askAlicia(title) });
const postCard = { Card: postCardAndWait };

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
    const approval = await startDraftRun(backend, askFor("Approve PI-1001"), "Invoice approval");
    const card = await startDraftRun(backend, postCard, "Pay by card");
    await startDraftRun(backend, pause, "Wait an hour");

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
    const approval = await startDraftRun(backend, askFor("Approve PI-1001"), "Invoice approval");
    const card = await startDraftRun(backend, postCard, "Pay by card");
    const delayed = await startDraftRun(backend, pause, "Wait an hour");
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
    const approval = await startDraftRun(backend, askFor("Approve PI-1001"), "Invoice approval");
    const failing = await backend.dispatch("sandbox.snapshots.restore", { name: "nowhere" });
    expect(failing).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(statusOf(approval)).toBe("Waiting");
    expect(pendingApproval("Approve PI-1001")).toBeDefined();
  });
});

describe("restoring a snapshot", () => {
  it("keeps a run whose request is pending in the snapshot, and cancels one whose request is not in it", async () => {
    const kept = await startDraftRun(backend, askFor("Approve PI-1001"), "Kept");
    await call("sandbox.snapshots.save", { name: "with PI-1001" });
    const lost = await startDraftRun(backend, askFor("Approve PI-1002"), "Lost");
    const delayed = await startDraftRun(backend, pause, "Wait an hour");

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
