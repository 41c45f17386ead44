// Scheduled workflows on the clock: one timer per enabled schedule, for its next occurrence. When
// it fires, the run starts and the schedule's cursor moves to that occurrence in one transaction,
// then the next occurrence is armed (a simulation clock jumping a week fires a week of them, in
// order). At start, occurrences between the cursor and now fell while the app was closed: they are
// counted on the workflow and, as its policy says, run once or skipped.
import type { Database } from "better-sqlite3";
import type { JsonObject } from "../../../shared/json";
import type { Clock } from "../clock";
import type { Engine } from "../engine";
import type { LiveWorkflow } from "./live";
import type { MissedPolicy } from "./types";
import type { WorkflowStore } from "./workflow-store";

interface Armed {
  workflow: LiveWorkflow;
  cancel: () => void;
  at: number;
}

export interface ScheduleDeps {
  db: Database;
  store: WorkflowStore;
  engine: Engine;
  clock: Clock;
  log: (message: string) => void;
  /** An occurrence fell due and its run did not start: why, in a sentence. */
  problem: (workflow: LiveWorkflow, reason: string) => void;
}

/** Missed occurrences are counted up to this many. */
export const MISSED_COUNT_CAP = 10_000;

export function scheduledOutputs(at: number, missed?: number): JsonObject {
  const scheduledTime = new Date(at).toISOString();
  const body: JsonObject = { scheduledTime };
  if (missed !== undefined) body.missedOccurrences = missed;
  return { headers: { "x-ms-scheduled-time": scheduledTime }, body };
}

export class Schedules {
  private readonly armed = new Map<string, Armed>();

  constructor(private readonly deps: ScheduleDeps) {}

  get size(): number {
    return this.armed.size;
  }

  /** When the workflow's next occurrence is armed for, if it is. */
  nextAt(flowId: string): number | undefined {
    return this.armed.get(flowId)?.at;
  }

  /** Arms the first occurrence after `after` (replacing a timer the workflow had). */
  arm(workflow: LiveWorkflow, after: number): void {
    this.disarm(workflow.flowId);
    const at = workflow.schedule?.next(after);
    if (at === undefined) return;
    const entry: Armed = { workflow, at, cancel: () => {} };
    entry.cancel = this.deps.clock.setTimer(at, () => this.fire(entry));
    this.armed.set(workflow.flowId, entry);
  }

  disarm(flowId: string): void {
    const entry = this.armed.get(flowId);
    if (!entry) return;
    entry.cancel();
    this.armed.delete(flowId);
  }

  stop(): void {
    for (const entry of this.armed.values()) entry.cancel();
    this.armed.clear();
  }

  /**
   * At start: the occurrences in (cursor, now] were missed. Records them and runs the flow once for
   * the latest (policy "run-once") or not at all ("skip"); then arms the next occurrence.
   */
  catchUp(workflow: LiveWorkflow, cursor: number, policy: MissedPolicy): number {
    const now = this.deps.clock.now();
    const schedule = workflow.schedule;
    let count = 0;
    if (schedule && now > cursor) {
      const missed = schedule.between(cursor, now, MISSED_COUNT_CAP);
      count = missed.count;
      if (count > 0) {
        const action = policy === "run-once" ? "ran-once" : "skipped";
        this.deps.db.transaction(() => {
          this.deps.store.recordMissed(workflow.flowId, {
            count,
            capped: missed.capped,
            firstAt: missed.first ?? null,
            lastAt: missed.last ?? null,
            detectedAt: now,
            action,
          });
          if (policy === "run-once") this.start(workflow, missed.last ?? now, count);
        })();
        this.deps.log(
          `“${workflow.name}” missed ${count}${missed.capped ? "+" : ""} scheduled run${count === 1 ? "" : "s"} while Flowsmith was closed: ${action === "ran-once" ? "ran it once" : "skipped"}.`,
        );
      }
    }
    this.arm(workflow, Math.max(cursor, now));
    return count;
  }

  private fire(entry: Armed): void {
    // A timer replaced or cancelled since it was set does nothing.
    if (this.armed.get(entry.workflow.flowId) !== entry) return;
    this.armed.delete(entry.workflow.flowId);
    try {
      this.deps.db.transaction(() => {
        this.start(entry.workflow, entry.at);
        this.deps.store.setCursor(entry.workflow.flowId, entry.at);
      })();
    } catch (error) {
      this.deps.problem(
        entry.workflow,
        `the scheduled run of ${new Date(entry.at).toISOString()} could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    this.arm(entry.workflow, entry.at);
  }

  private start(workflow: LiveWorkflow, at: number, missed?: number): void {
    const result = this.deps.engine.startRun({
      flow: { id: workflow.flowId, name: workflow.name, version: workflow.version },
      mode: "published",
      definition: workflow.definition,
      triggerName: workflow.facts.name,
      triggerOutputs: scheduledOutputs(at, missed),
    });
    // An occurrence its flow's full queue refused is not run later: say so.
    if (!result.started && result.reason === "queue-full") {
      this.deps.problem(workflow, `the scheduled run of ${new Date(at).toISOString()}: ${result.message}`);
    }
  }
}
