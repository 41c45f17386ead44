import type { Migration } from "../migration";

// The run journal of the engine (electron/backend/engine): one row per run, per step attempt, per
// finished loop iteration, per variable, per pending wait, and per signal received. Times are epoch
// milliseconds of the engine's Clock; JSON columns hold JSON text.
export const engineMigration: Migration = {
  version: 3,
  name: "engine: run journal (runs, step attempts, iterations, variables, waits, signals)",
  up(db) {
    db.exec(`
      -- Definition snapshots, stored once per distinct definition (content-addressed).
      CREATE TABLE run_definitions (
        hash        TEXT PRIMARY KEY,
        definition  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE runs (
        id               TEXT PRIMARY KEY,
        flow_id          TEXT NOT NULL,
        flow_name        TEXT NOT NULL,
        flow_version     INTEGER,                 -- NULL: the draft
        mode             TEXT NOT NULL CHECK (mode IN ('test', 'published')),
        trigger_name     TEXT NOT NULL,
        trigger_outputs  TEXT NOT NULL,
        definition_hash  TEXT NOT NULL REFERENCES run_definitions (hash),
        status           TEXT NOT NULL
                         CHECK (status IN ('Running', 'Waiting', 'Succeeded', 'Failed', 'Cancelled')),
        started_at       INTEGER NOT NULL,
        ended_at         INTEGER,
        error            TEXT,                    -- {code, message}
        response         TEXT,                    -- what a Response action answered
        resubmitted_from TEXT
      ) STRICT;
      CREATE INDEX runs_by_start ON runs (started_at DESC, id DESC);
      CREATE INDEX runs_by_flow ON runs (flow_id, started_at DESC, id DESC);
      CREATE INDEX runs_by_status ON runs (status, started_at DESC, id DESC);
      CREATE INDEX runs_by_flow_status ON runs (flow_id, status, started_at DESC, id DESC);

      -- One row per attempt of a step. iteration is the loop path ('' at the top level,
      -- 'Apply_to_each[3]', 'Outer[1]/Inner[0]'); the step's display path is iteration/action.
      CREATE TABLE run_steps (
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        iteration   TEXT NOT NULL,
        action      TEXT NOT NULL,
        attempt     INTEGER NOT NULL,
        seq         INTEGER NOT NULL,             -- start order within the run
        type        TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN
                      ('Running', 'Waiting', 'Succeeded', 'Failed', 'Skipped', 'TimedOut', 'Cancelled')),
        code        TEXT,
        inputs      TEXT,
        outputs     TEXT,
        error       TEXT,                         -- {code, message}
        state       TEXT,                         -- a container's decision: branch, case, items, deadline
        started_at  INTEGER NOT NULL,
        ended_at    INTEGER,
        duration_ms INTEGER,
        restarts    INTEGER NOT NULL DEFAULT 0,   -- times this attempt was sent again after a restart
        PRIMARY KEY (run_id, iteration, action, attempt)
      ) STRICT, WITHOUT ROWID;

      -- Finished loop iterations. loop is the loop step's path ('Apply_to_each', 'Outer[1]/Inner').
      CREATE TABLE run_iterations (
        run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        loop       TEXT NOT NULL,
        idx        INTEGER NOT NULL,
        status     TEXT NOT NULL,
        detail     TEXT,                          -- Until: {"done": true} when the condition held
        started_at INTEGER NOT NULL,
        ended_at   INTEGER NOT NULL,
        PRIMARY KEY (run_id, loop, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE run_variables (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        name   TEXT NOT NULL,
        type   TEXT NOT NULL,
        value  TEXT NOT NULL,
        PRIMARY KEY (run_id, name)
      ) STRICT, WITHOUT ROWID;

      -- What a step waits for: a token (approval, card) or a time (delay, retry, timeout).
      -- id = run|iteration|action|attempt|kind: at most one wait of a kind per attempt.
      CREATE TABLE run_waits (
        id          TEXT PRIMARY KEY,
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        iteration   TEXT NOT NULL,
        action      TEXT NOT NULL,
        attempt     INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('approval', 'delay', 'card', 'retry', 'timeout')),
        token       TEXT UNIQUE,
        resume_at   INTEGER,
        description TEXT,
        created_at  INTEGER NOT NULL,
        CHECK ((token IS NULL) <> (resume_at IS NULL))
      ) STRICT;
      CREATE INDEX run_waits_by_run ON run_waits (run_id);

      -- Answers that end token waits. Kept when they arrive before their wait exists.
      CREATE TABLE run_signals (
        token       TEXT PRIMARY KEY,
        outcome     TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        consumed_at INTEGER
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
