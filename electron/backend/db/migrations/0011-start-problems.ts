import type { Migration } from "../migration";

// Why a published flow did not start when its trigger fired (a splitOn that found no list, a full
// run queue, a scheduled occurrence that could not start): the workflow list shows the last one and
// how many there were, until the person dismisses them or publishes a new version.
export const startProblemsMigration: Migration = {
  version: 11,
  name: "publish: the problems that kept a workflow from starting",
  up(db) {
    db.exec(`
      ALTER TABLE workflows ADD COLUMN start_problem TEXT;
      ALTER TABLE workflows ADD COLUMN start_problem_at INTEGER;
      ALTER TABLE workflows ADD COLUMN start_problems INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
