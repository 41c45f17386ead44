import type { Migration } from "../migration";

// Published flows (electron/backend/publish): every version ever published, immutable, and one
// workflow row per flow that is published now, with its status and, for schedules, how far its
// occurrences are accounted for. Times are epoch milliseconds of the simulation clock.
export const publishMigration: Migration = {
  version: 5,
  name: "publish: immutable flow versions and the workflow list",
  up(db) {
    db.exec(`
      CREATE TABLE flow_versions (
        flow_id        TEXT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
        version        INTEGER NOT NULL CHECK (version >= 1),
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('automated', 'scheduled', 'instant')),
        definition     TEXT NOT NULL CHECK (json_valid(definition)),
        designer       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(designer)),
        note           TEXT NOT NULL DEFAULT '',
        published_by   TEXT NOT NULL,
        published_at   INTEGER NOT NULL,
        draft_revision INTEGER NOT NULL,          -- the draft revision it was published from
        PRIMARY KEY (flow_id, version)
      ) STRICT;

      -- A published version never changes: runs and the version history rely on it.
      CREATE TRIGGER flow_versions_immutable BEFORE UPDATE ON flow_versions
      BEGIN
        SELECT RAISE(ABORT, 'A published version cannot be changed; publish a new version instead.');
      END;

      CREATE TABLE workflows (
        flow_id           TEXT PRIMARY KEY REFERENCES flows (id) ON DELETE CASCADE,
        version           INTEGER NOT NULL,
        name              TEXT NOT NULL,
        kind              TEXT NOT NULL CHECK (kind IN ('automated', 'scheduled', 'instant')),
        status            TEXT NOT NULL CHECK (status IN ('enabled', 'disabled', 'suspended')),
        suspended_reason  TEXT,
        trigger_summary   TEXT NOT NULL,
        -- instant flows: the sandbox tables whose Automate menu offers it, ',vendors,' ('*' = every page)
        pages             TEXT,
        published_by      TEXT NOT NULL,
        published_at      INTEGER NOT NULL,
        changed_at        INTEGER NOT NULL,
        -- scheduled flows
        missed_policy     TEXT NOT NULL DEFAULT 'run-once' CHECK (missed_policy IN ('run-once', 'skip')),
        schedule_base     INTEGER,                -- the schedule counts from here when it has no start time
        schedule_cursor   INTEGER,                -- occurrences up to here have fired or were reported missed
        missed_count      INTEGER NOT NULL DEFAULT 0,
        missed_capped     INTEGER NOT NULL DEFAULT 0,
        missed_first_at   INTEGER,
        missed_last_at    INTEGER,
        missed_detected_at INTEGER,
        missed_action     TEXT CHECK (missed_action IN ('ran-once', 'skipped')),
        FOREIGN KEY (flow_id, version) REFERENCES flow_versions (flow_id, version)
      ) STRICT;
      CREATE INDEX workflows_by_status ON workflows (status, kind);
    `);
  },
};
