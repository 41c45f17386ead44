import type { Migration } from "../migration";

export const appMetaMigration: Migration = {
  version: 4,
  name: "app_meta: small facts of the app (the simulated clock's offset)",
  up(db) {
    db.exec("CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;");
  },
};
