import type { Migration } from "../migration";

// The sandbox's call log: the outcome of every connector call that changed the world, by the call's
// identity (run, loop path, step, attempt). A call the engine sends again after a restart (it
// stopped before journaling the outcome) gets the first outcome back instead of a second email,
// approval or record. Cleared with the world (reset, snapshot restore), whose rows it refers to.
export const sandboxCallsMigration: Migration = {
  version: 8,
  name: "sandbox: the call log that makes a call sent again after a restart take effect once",
  up(db) {
    db.exec(`
      CREATE TABLE sb_calls (
        key        TEXT PRIMARY KEY,              -- run|iteration|action|attempt
        outcome    TEXT NOT NULL,                 -- the ConnectorOutcome, JSON
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
