import type { Migration } from "../migration";

// Every index on runs is written twice per run (at its start, and at its end when the status
// changes), so runs keep only the indexes that earn it. The status index holds the runs a person
// looks for by status, the ones that did not succeed (succeeded runs are most of them, and are found
// fast enough through runs_by_start); a flow's runs of one status come from runs_by_flow.
// Queries name `status <> 'Succeeded'` for SQLite to use the partial index (see engine/queries.ts).
export const runIndexesMigration: Migration = {
  version: 7,
  name: "runs: the status index holds only runs that did not succeed; no flow-and-status index",
  up(db) {
    db.exec(`
      DROP INDEX runs_by_flow_status;
      DROP INDEX runs_by_status;
      CREATE INDEX runs_by_status ON runs (status, started_at DESC, id DESC) WHERE status <> 'Succeeded';
    `);
  },
};
