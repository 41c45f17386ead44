// Run history's end of life: ended runs older than the retention the person chose are deleted in
// small transactions (their journal rows, waits and queue entries cascade), then the definition
// snapshots and answered signals that nothing refers to any more. Running and waiting runs are
// never touched, whatever their age.
import type { Database, Statement } from "better-sqlite3";
import type { SnapshotStore } from "./snapshots";

export interface PurgedRuns {
  /** The runs deleted by this call, oldest first. */
  runIds: string[];
}

export class RunHistory {
  private readonly s: {
    endedBefore: Statement<[number, number, number], string>;
    deleteRun: Statement<[string]>;
    unusedDefinitions: Statement<[]>;
    answeredSignals: Statement<[number]>;
  };

  constructor(
    private readonly db: Database,
    private readonly snapshots: SnapshotStore,
  ) {
    this.s = {
      // started_at bounds the scan on runs_by_start: a run cannot end before it starts.
      endedBefore: db
        .prepare<[number, number, number], string>(
          `SELECT id FROM runs
            WHERE started_at < ? AND ended_at < ? AND status IN ('Succeeded', 'Failed', 'Cancelled')
            ORDER BY started_at, id LIMIT ?`,
        )
        .pluck(),
      deleteRun: db.prepare("DELETE FROM runs WHERE id = ?"),
      unusedDefinitions: db.prepare(
        "DELETE FROM run_definitions WHERE hash NOT IN (SELECT definition_hash FROM runs)",
      ),
      answeredSignals: db.prepare(
        "DELETE FROM run_signals WHERE consumed_at IS NOT NULL AND consumed_at < ?",
      ),
    };
  }

  /** Deletes up to `limit` ended runs that ended before `cutoff` (ms), in one transaction. */
  deleteEndedBefore(cutoff: number, limit: number, keep: (runId: string) => boolean): PurgedRuns {
    return this.db.transaction(() => {
      const runIds = this.s.endedBefore.all(cutoff, cutoff, limit).filter((id) => !keep(id));
      for (const id of runIds) this.s.deleteRun.run(id);
      return { runIds };
    })();
  }

  /**
   * Deletes the definition snapshots no run refers to and the signals answered before `cutoff`.
   * The snapshot store forgets what it knew was stored, so a later run stores its snapshot again.
   */
  dropUnreferenced(cutoff: number): { definitions: number; signals: number } {
    return this.db.transaction(() => {
      const definitions = this.s.unusedDefinitions.run().changes;
      const signals = this.s.answeredSignals.run(cutoff).changes;
      if (definitions > 0) this.snapshots.forgetStored();
      return { definitions, signals };
    })();
  }
}
