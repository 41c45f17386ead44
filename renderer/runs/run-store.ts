// Runs the renderer is watching: the test run of each open flow, and the run shown on a run page.
// Run events (runs.started/step/waiting/finished) refresh the journal of watched runs, so the canvas
// colours each step as it runs.
import { create } from "zustand";
import type { ArmedTestEvent, RunDetail } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { toast } from "../ui/toasts";

/** A test waiting for its trigger in the sandbox ("perform the trigger action"). */
export interface ArmedTest {
  flowId: string;
  version: number | null;
  flowName: string;
  /** What to do in the sandbox, in the person's words. */
  hint: string;
}

/** The page that tests the flow an armed test belongs to: the designer, or a version's page. */
export function armedTestPage(test: Pick<ArmedTest, "flowId" | "version">): string {
  return test.version === null ? `/flows/${test.flowId}` : `/flows/${test.flowId}/versions/${test.version}`;
}

interface RunState {
  /** The test run followed in the designer, per flow id. */
  watching: Record<string, string>;
  /** Journals of the runs on screen, by run id. */
  details: Record<string, RunDetail>;
  /**
   * Tests waiting for their trigger, by test key: the designer's banner and the sandbox's (where the
   * person goes to perform the trigger) both show them, whichever page is open.
   */
  armed: Record<string, ArmedTest>;
  /** Per armed test: the last event that matched its trigger without starting a run. */
  armNotes: Record<string, ArmedTestEvent>;
  arm(key: string, test: ArmedTest): void;
  disarm(key: string): void;
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
  armed: {},
  armNotes: {},
  arm(key, test) {
    const { [key]: _note, ...notes } = get().armNotes;
    set({ armed: { ...get().armed, [key]: test }, armNotes: notes });
  },
  disarm(key) {
    const { [key]: _gone, ...rest } = get().armed;
    const { [key]: _note, ...notes } = get().armNotes;
    set({ armed: rest, armNotes: notes });
  },
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
        const armed = state.armed[key];
        if (payload.mode === "test" && armed) {
          state.disarm(key);
          state.watch(key, payload.runId);
          // Started by what the person did in the sandbox: say so there, with the way to watch it.
          const page = `#${armedTestPage(armed)}`;
          if (!window.location.hash.startsWith(page))
            toast.info(t("test.startedElsewhere", { flow: armed.flowName }), {
              label: t("test.watch"),
              run: () => {
                window.location.hash = page;
              },
            });
        }
        break;
      }
      case "runs.armedTest": {
        const payload = message.payload as ArmedTestEvent;
        const key = testKey(payload.flowId, payload.flowVersion);
        if (!state.armed[key]) break;
        // Used up without a run: the designer says why (from the note) and the test is no longer armed.
        if (payload.outcome === "not-started") {
          const { [key]: _gone, ...rest } = state.armed;
          useRuns.setState({ armed: rest, armNotes: { ...state.armNotes, [key]: payload } });
        } else useRuns.setState({ armNotes: { ...state.armNotes, [key]: payload } });
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
  // A failed attempt with its retry armed is not the step's end: the step is still running.
  for (const wait of run?.waits ?? []) {
    const step = latest.get(wait.path);
    if (wait.kind === "retry" && step?.status === "Failed") step.status = "Running";
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
