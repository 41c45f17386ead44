// Small facts the app keeps between launches, in the app_meta table.
import type { Database } from "better-sqlite3";

export class AppMeta {
  constructor(private readonly db: Database) {}

  get(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM app_meta WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    this.db
      .prepare(
        "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(key, value);
  }
}
