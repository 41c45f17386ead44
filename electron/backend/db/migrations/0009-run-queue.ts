import type { Migration } from "../migration";

// Runs waiting for a free slot of their flow's concurrency control (a trigger's
// runtimeConfiguration.concurrency.runs): the run's row exists with status Waiting, and this row
// says where it stands in its flow's queue. A row whose run is no longer Waiting is stale and is
// ignored (and cleared) by the engine.
export const runQueueMigration: Migration = {
  version: 9,
  name: "engine: the queue of runs waiting for their flow's concurrency limit",
  up(db) {
    db.exec(`
      CREATE TABLE run_queue (
        run_id    TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        flow_id   TEXT NOT NULL,
        queued_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX run_queue_by_flow ON run_queue (flow_id, queued_at, run_id);
    `);
  },
};
