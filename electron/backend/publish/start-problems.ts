// Why a published flow's trigger fired and no run started: a splitOn that found no list, a full run
// queue, a scheduled occurrence the engine refused. Each one is logged and kept on the workflow (the
// last reason and how many), so that the workflow list shows it where the person looks, not only in
// a terminal. A burst (ten thousand records changed at once) is written in one transaction.
import type { Database } from "better-sqlite3";
import type { WorkflowStore } from "./workflow-store";

export interface StartProblemDeps {
  db: Database;
  store: WorkflowStore;
  now: () => number;
  log: (message: string) => void;
  /** After the problems of a burst are stored: the workflow list shows them. */
  changed?: (flowId: string) => void;
}

interface Problem {
  flowId: string;
  reason: string;
  at: number;
}

export class StartProblems {
  private pending: Problem[] = [];

  constructor(private readonly deps: StartProblemDeps) {}

  /** The workflow's trigger fired but it did not start, for this reason (a sentence). */
  report(workflow: { flowId: string; name: string }, reason: string): void {
    this.deps.log(`“${workflow.name}” did not start: ${reason}`);
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push({ flowId: workflow.flowId, reason, at: this.deps.now() });
  }

  /** Writes what was reported (report() schedules this; tests call it to see the rows at once). */
  flush(): void {
    const problems = this.pending;
    this.pending = [];
    if (problems.length === 0) return;
    try {
      this.deps.db.transaction(() => {
        for (const p of problems) this.deps.store.recordStartProblem(p.flowId, p.reason, p.at);
      })();
    } catch (error) {
      // Already logged one by one; the list misses them, which the log says.
      this.deps.log(
        `The workflow list could not record why ${problems.length} run${problems.length === 1 ? "" : "s"} did not start: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    for (const flowId of new Set(problems.map((p) => p.flowId))) this.deps.changed?.(flowId);
  }
}
