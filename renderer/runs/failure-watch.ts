// Failed runs of published flows do not go unnoticed: while the app is open each one is announced
// (a burst of them in one message), and the Runs link counts those that failed since the person
// last opened Runs, across restarts. Designer test runs are watched on their canvas instead.
import { create } from "zustand";
import type { EventPayload } from "../../shared/api";
import { api } from "../api/client";
import { t } from "../i18n";
import { toast } from "../ui/toasts";

const SEEN_KEY = "flowsmith.runs.failuresSeenAt";
/** Counted up to this many; the badge then says "99+". */
export const MAX_COUNTED = 99;
/** Failures that arrive this close together are announced together. */
const GATHER_MS = 1_500;

interface FailureWatch {
  unseen: number;
  /** Counts the failed published runs since Runs was last opened (on start). */
  load(): Promise<void>;
  /** Runs was opened: what failed until now has been seen. */
  markSeen(): void;
  failed(run: EventPayload<"runs.finished">): void;
}

let gathered: EventPayload<"runs.finished">[] = [];
/** An announcement is due (its timer runs): later failures join it. */
let announcing = false;
let onRunsPage = false;

/** The Runs page says whether it is showing: failures then count as seen as they arrive. */
export function setOnRunsPage(showing: boolean): void {
  onRunsPage = showing;
}

function seenAt(): string {
  return localStorage.getItem(SEEN_KEY) ?? new Date(0).toISOString();
}

export const useFailureWatch = create<FailureWatch>((set, get) => ({
  unseen: 0,
  async load() {
    try {
      const page = await api.call("runs.list", {
        status: ["Failed"],
        from: seenAt(),
        limit: MAX_COUNTED + 1,
      });
      set({ unseen: page.runs.filter((run) => run.mode === "published").length });
    } catch {
      // The count is a convenience: without it the Runs page still lists every failure.
    }
  },
  markSeen() {
    localStorage.setItem(SEEN_KEY, new Date().toISOString());
    set({ unseen: 0 });
  },
  failed(run) {
    if (run.mode !== "published" || run.status !== "Failed") return;
    if (onRunsPage) get().markSeen();
    else set({ unseen: get().unseen + 1 });
    gathered.push(run);
    if (!announcing) {
      announcing = true;
      setTimeout(announce, GATHER_MS);
    }
  },
}));

function announce(): void {
  const runs = gathered;
  gathered = [];
  announcing = false;
  const [first] = runs;
  if (!first) return;
  if (runs.length === 1)
    toast.error(t("runs.failedToast", { name: first.flowName }), {
      label: t("runs.openRun"),
      run: () => {
        location.hash = `#/runs/${first.runId}`;
      },
    });
  else
    toast.error(t("runs.failedToastMany", { count: runs.length }), {
      label: t("runs.openRuns"),
      run: () => {
        location.hash = "#/runs?mode=published&status=Failed";
      },
    });
}

let watching = false;
/** Installed once by the app frame. */
export function watchFailures(): void {
  if (watching) return;
  watching = true;
  void useFailureWatch.getState().load();
  api.subscribe((message) => {
    if (message.event === "runs.finished")
      useFailureWatch.getState().failed(message.payload as EventPayload<"runs.finished">);
  });
}
