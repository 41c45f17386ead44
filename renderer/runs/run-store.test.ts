// The designer's run panel follows a test run through the run's events. A fast run's steps end
// while its first fetch travels: the answer predates them, and must not be the last word.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EventMessage } from "../../shared/api";

const calls: { method: string; input: unknown; answer: (value: unknown) => void }[] = [];
let deliver: (message: EventMessage) => void = () => {};
vi.mock("../api/client", () => ({
  api: {
    call: (method: string, input: unknown) =>
      new Promise((resolve) => {
        calls.push({ method, input, answer: resolve });
      }),
    subscribe: (listener: (message: EventMessage) => void) => {
      deliver = listener;
      return () => {};
    },
  },
}));

const { followRunEvents, stepStatuses, useRuns } = await import("./run-store");

const detail = (status: string) => ({ id: "run-1", status, steps: [] });
const finished = { event: "runs.finished", payload: { runId: "run-1", flowId: "f", status: "Succeeded" } };

describe("following a watched run", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    calls.length = 0;
    useRuns.setState({ watching: {}, details: {} });
    followRunEvents();
  });
  afterEach(() => vi.useRealTimers());

  it("fetches the run again when it ended while its first fetch was under way", async () => {
    useRuns.getState().watch("f", "run-1");
    expect(calls.map((c) => c.method)).toEqual(["runs.get"]);
    deliver(finished as EventMessage);
    calls[0]?.answer(detail("Running"));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((c) => c.method)).toEqual(["runs.get", "runs.get"]);
    calls[1]?.answer(detail("Succeeded"));
    await vi.advanceTimersByTimeAsync(0);
    expect(useRuns.getState().details["run-1"]?.status).toBe("Succeeded");
  });

  it("fetches once when nothing happened during the fetch, and again on the next event", async () => {
    useRuns.getState().watch("f", "run-1");
    calls[0]?.answer(detail("Running"));
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(1);
    deliver(finished as EventMessage);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toHaveLength(2);
  });
});

describe("the colour of a card in a run", () => {
  const row = (action: string, iteration: string, attempt: number, status: string) => ({
    action,
    iteration,
    path: iteration === "" ? action : `${iteration}/${action}`,
    attempt,
    status,
  });
  const statusesOf = (steps: ReturnType<typeof row>[], waits: { path: string; kind: string }[] = []) =>
    Object.fromEntries(stepStatuses({ steps, waits } as unknown as Parameters<typeof stepStatuses>[0]));

  it("is running while a failed attempt waits for its retry, and failed when no retry is left", () => {
    const attempts = [row("Notify", "", 1, "Failed"), row("Notify", "", 2, "Failed")];
    expect(statusesOf(attempts, [{ path: "Notify", kind: "retry" }])).toEqual({ Notify: "Running" });
    expect(statusesOf(attempts)).toEqual({ Notify: "Failed" });
    // Another step's retry, or another kind of wait, changes nothing.
    expect(statusesOf(attempts, [{ path: "Other", kind: "retry" }])).toEqual({ Notify: "Failed" });
  });

  it("is the latest attempt's: a call retried into success is green", () => {
    expect(
      statusesOf([
        row("Notify", "", 1, "Failed"),
        row("Notify", "", 2, "Failed"),
        row("Notify", "", 3, "Succeeded"),
      ]),
    ).toEqual({ Notify: "Succeeded" });
    expect(statusesOf([row("Notify", "", 1, "Failed"), row("Notify", "", 2, "Running")])).toEqual({
      Notify: "Running",
    });
  });

  it("is the worst of a loop's iterations, each by its latest attempt", () => {
    expect(
      statusesOf([
        row("Send", "0", 1, "Failed"),
        row("Send", "0", 2, "Succeeded"),
        row("Send", "1", 1, "Failed"),
        row("Send", "2", 1, "Succeeded"),
      ]),
    ).toEqual({ Send: "Failed" });
    expect(statusesOf([row("Send", "0", 1, "Skipped"), row("Send", "1", 1, "Succeeded")])).toEqual({
      Send: "Succeeded",
    });
  });
});
