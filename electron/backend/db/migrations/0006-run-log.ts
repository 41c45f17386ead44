import type { Migration } from "../migration";

// The run journal's steps, loop iterations and variables move from a row each into the run log:
// one append-only row per run per commit (see electron/backend/engine/run-log.ts). Existing runs are
// carried over (steps, then iterations, then variables, as rows 0, 1 and 2 of their log); the old
// tables go only once their rows are in the log, in the same transaction.
// A rowid table, not WITHOUT ROWID: a row of a few kilobytes then fits in its page instead of
// spilling into an overflow page of its own.
export const runLogMigration: Migration = {
  version: 6,
  name: "engine: the run log (one row per run per commit) replaces the step, iteration and variable rows",
  up(db) {
    // A present JSON column is wrapped in a list in the log (see run-log.ts): [value].
    const wrap = (column: string) =>
      `CASE WHEN ${column} IS NULL THEN NULL ELSE json_array(json(${column})) END`;
    db.exec(`
      CREATE TABLE run_log (
        run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        n       INTEGER NOT NULL,                 -- commit order within the run
        entries TEXT NOT NULL,                    -- JSON array of step, iteration and variable records
        PRIMARY KEY (run_id, n)
      ) STRICT;

      INSERT INTO run_log (run_id, n, entries)
        SELECT run_id, 0, json_group_array(json_array('s', iteration, action, attempt, seq, type, status, code,
                 ${wrap("inputs")}, ${wrap("outputs")}, json(error), ${wrap("state")}, started_at, ended_at, duration_ms, restarts))
        FROM (SELECT * FROM run_steps ORDER BY run_id, seq, attempt) GROUP BY run_id;
      INSERT INTO run_log (run_id, n, entries)
        SELECT run_id, 1, json_group_array(json_array('i', loop, idx, status, json(detail), started_at, ended_at))
        FROM (SELECT * FROM run_iterations ORDER BY run_id, loop, idx) GROUP BY run_id;
      INSERT INTO run_log (run_id, n, entries)
        SELECT run_id, 2, json_group_array(json_array('v', name, type, json(value)))
        FROM (SELECT * FROM run_variables ORDER BY run_id, name) GROUP BY run_id;

      DROP TABLE run_steps;
      DROP TABLE run_iterations;
      DROP TABLE run_variables;
    `);
  },
};
