// Concurrency control of a flow's trigger (runtimeConfiguration.concurrency.runs): at most that many
// runs of the flow execute or wait at once; the next ones wait in the flow's queue (run_queue, their
// status Waiting) and start in the order they came as runs end. When the queue is full too
// (maximumWaitingRuns), a new run is refused. The counts are read from the database each time, so
// they are right after a restart and inside a caller's transaction.
import type { Database, Statement } from "better-sqlite3";
import { UNSUCCESSFUL } from "./queries";

export class RunQueue {
  private readonly s: {
    active: Statement;
    queued: Statement;
    insert: Statement;
    next: Statement;
    take: Statement;
    start: Statement;
    isQueued: Statement;
    flows: Statement;
    stale: Statement;
  };

  constructor(private readonly db: Database) {
    // A queued run is one whose queue row is there and whose status is still Waiting.
    const QUEUED = "q.run_id = r.id AND r.status = 'Waiting'";
    this.s = {
      active: db
        .prepare(
          `SELECT count(*) FROM runs r WHERE r.flow_id = ? AND r.status IN ('Running', 'Waiting')
             AND ${UNSUCCESSFUL} AND NOT EXISTS (SELECT 1 FROM run_queue q WHERE ${QUEUED})`,
        )
        .pluck(),
      queued: db
        .prepare(`SELECT count(*) FROM run_queue q JOIN runs r ON ${QUEUED} WHERE q.flow_id = ?`)
        .pluck(),
      insert: db.prepare("INSERT INTO run_queue (run_id, flow_id, queued_at) VALUES (?, ?, ?)"),
      next: db
        .prepare(
          `SELECT q.run_id FROM run_queue q JOIN runs r ON ${QUEUED} WHERE q.flow_id = ?
             ORDER BY q.queued_at, q.run_id LIMIT 1`,
        )
        .pluck(),
      take: db.prepare("DELETE FROM run_queue WHERE run_id = ?"),
      start: db.prepare("UPDATE runs SET status = 'Running' WHERE id = ? AND status = 'Waiting'"),
      isQueued: db.prepare(`SELECT 1 FROM run_queue q JOIN runs r ON ${QUEUED} WHERE q.run_id = ?`).pluck(),
      flows: db.prepare(`SELECT DISTINCT q.flow_id FROM run_queue q JOIN runs r ON ${QUEUED}`).pluck(),
      stale: db.prepare(
        "DELETE FROM run_queue WHERE run_id IN (SELECT q.run_id FROM run_queue q JOIN runs r ON q.run_id = r.id AND r.status <> 'Waiting')",
      ),
    };
  }

  /** Runs of the flow executing or waiting for something other than a slot. */
  active(flowId: string): number {
    return this.s.active.get(flowId) as number;
  }

  queued(flowId: string): number {
    return this.s.queued.get(flowId) as number;
  }

  /** Puts a run (its row just inserted as Waiting, in the same transaction) at the end of its flow's queue. */
  enqueue(runId: string, flowId: string, at: number): void {
    this.s.insert.run(runId, flowId, at);
  }

  /** The run that has waited longest for a slot of the flow. */
  next(flowId: string): string | undefined {
    return (this.s.next.get(flowId) as string | undefined) ?? undefined;
  }

  /** Takes the run out of the queue and marks it Running, in one transaction. */
  take(runId: string): void {
    this.db.transaction(() => {
      this.s.take.run(runId);
      this.s.start.run(runId);
    })();
  }

  isQueued(runId: string): boolean {
    return this.s.isQueued.get(runId) !== undefined;
  }

  /** Flows with runs waiting for a slot. */
  flows(): string[] {
    return this.s.flows.all() as string[];
  }

  /** Forgets queue rows of runs that ended while queued (cancelled, past the 30-day limit). */
  clearStale(): void {
    this.s.stale.run();
  }
}
