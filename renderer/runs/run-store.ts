// Runs the renderer is watching: the test run of each open flow, and the run shown on a run page.
// Run events (runs.started/step/waiting/finished) refresh the journal of watched runs, so the canvas
// colours each step as it runs.
import { create } from "zustand";
import type { ArmedTestEvent, RunDetail } from "../../shared/api";
import { api } from "../api/client";

interface RunState {
  /** The test run followed in the designer, per flow id. */
  watching: Record<string, string>;
  /** Journals of the runs on screen, by run id. */
  details: Record<string, RunDetail>;
  /** Per armed test: the last event that matched its trigger without starting a run. */
  armNotes: Record<string, ArmedTestEvent>;
  watch(flowId: string, runId: string): void;
  unwatch(flowId: string): void;
  clearArmNote(key: string): void;
  load(runId: string): Promise<RunDetail | undefined>;
}

const pending = new Map<string, ReturnType<typeof setTimeout>>();
/**
 * Runs being fetched, and whether an event about one came while its fetch was under way: the
 * answer may predate that event (a fast run's steps end while its first fetch travels), so it is
 * fetched again.
 */
const loading = new Map<string, { stale: boolean }>();

export const useRuns = create<RunState>((set, get) => ({
  watching: {},
  details: {},
  armNotes: {},
  watch(flowId, runId) {
    set({ watching: { ...get().watching, [flowId]: runId } });
    void get().load(runId);
  },
  unwatch(flowId) {
    const { [flowId]: _gone, ...rest } = get().watching;
    set({ watching: rest });
  },
  clearArmNote(key) {
    const { [key]: _gone, ...rest } = get().armNotes;
    set({ armNotes: rest });
  },
  async load(runId) {
    const fetch = { stale: false };
    loading.set(runId, fetch);
    try {
      const detail = await api.call("runs.get", { runId });
      set({ details: { ...get().details, [runId]: detail } });
      return detail;
    } catch {
      return undefined;
    } finally {
      if (loading.get(runId) === fetch) loading.delete(runId);
      if (fetch.stale) refreshSoon(runId);
    }
  },
}));

/** Refreshes a run's journal soon (events come in bursts: one fetch per burst). */
function refreshSoon(runId: string): void {
  clearTimeout(pending.get(runId));
  pending.set(
    runId,
    setTimeout(() => {
      pending.delete(runId);
      void useRuns.getState().load(runId);
    }, 120),
  );
}

let following = false;
/** Installed once by the app frame: armed tests that start are watched; watched runs stay fresh. */
export function followRunEvents(): void {
  if (following) return;
  following = true;
  api.subscribe((message) => {
    const state = useRuns.getState();
    switch (message.event) {
      case "runs.started": {
        const payload = message.payload as {
          runId: string;
          flowId: string;
          mode: string;
          flowVersion: number | null;
        };
        const key = testKey(payload.flowId, payload.flowVersion);
        if (payload.mode === "test" && armedFlows.has(key)) {
          armedFlows.delete(key);
          state.clearArmNote(key);
          state.watch(key, payload.runId);
        }
        break;
      }
      case "runs.armedTest": {
        const payload = message.payload as ArmedTestEvent;
        const key = testKey(payload.flowId, payload.flowVersion);
        if (!armedFlows.has(key)) break;
        if (payload.outcome === "not-started") armedFlows.delete(key);
        useRuns.setState({ armNotes: { ...state.armNotes, [key]: payload } });
        break;
      }
      case "runs.step":
      case "runs.waiting":
      case "runs.finished": {
        const { runId } = message.payload as { runId: string };
        const inFlight = loading.get(runId);
        if (inFlight) inFlight.stale = true;
        else if (state.details[runId]) refreshSoon(runId);
        break;
      }
    }
  });
}

/** Flows whose next test run (started by an event in the sandbox) the designer waits for. */
export const armedFlows = new Set<string>();

/**
 * What tests are watched and armed under: the flow's id for its draft, "id@vN" for a published
 * version (its read-only page tests it apart from the draft).
 */
export function testKey(flowId: string, version: number | null): string {
  return version === null ? flowId : `${flowId}@v${version}`;
}

/**
 * Canvas node id → the status to colour it with, from a run's journal: in each iteration the
 * latest attempt counts (a call that failed, was retried and succeeded is green); across a loop's
 * iterations the worst counts, so a failure is never hidden.
 */
export function stepStatuses(run: RunDetail | undefined): Map<string, string> {
  // A step's path names it in its iteration ("Apply_to_each[2]/Send"): one entry per path.
  const latest = new Map<string, { action: string; attempt: number; status: string }>();
  for (const step of run?.steps ?? []) {
    const known = latest.get(step.path);
    if (!known || step.attempt >= known.attempt)
      latest.set(step.path, { action: step.action, attempt: step.attempt, status: step.status });
  }
  const statuses = new Map<string, string>();
  for (const { action, status } of latest.values()) {
    const previous = statuses.get(action);
    if (previous === undefined || severity(status) >= severity(previous)) statuses.set(action, status);
  }
  return statuses;
}

const SEVERITY: Record<string, number> = {
  Skipped: 0,
  Cancelled: 1,
  Succeeded: 2,
  Running: 3,
  Waiting: 4,
  TimedOut: 5,
  Failed: 6,
};
function severity(status: string): number {
  return SEVERITY[status] ?? 0;
}
