import type { Migration } from "../migration";

export const flowsMigration: Migration = {
  version: 1,
  name: "flows: drafts with revisions and a recycle bin",
  up(db) {
    db.exec(`
      CREATE TABLE flows (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('automated', 'scheduled', 'instant')),
        definition  TEXT NOT NULL CHECK (json_valid(definition)),
        designer    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(designer)),
        -- what the flow list shows about the trigger, kept in step with the definition on each save
        trigger_name      TEXT NOT NULL DEFAULT '',
        trigger_type      TEXT NOT NULL DEFAULT '',
        trigger_operation TEXT,
        revision    INTEGER NOT NULL CHECK (revision >= 1),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL,
        deleted_at  INTEGER
      ) STRICT;
      CREATE INDEX flows_by_update ON flows (deleted_at, updated_at DESC);
    `);
  },
};
