// Named snapshots of the world: each world table is copied into its sb_snap_ twin under the
// snapshot's name, and copied back on restore, in one transaction. Faults, waiting steps and the
// sandbox's own settings are not part of the world.
import type { Database } from "better-sqlite3";
import { badRequest, notFound } from "./errors";
import type { Snapshot } from "./types";
import { iso, prepared, type World } from "./world";

/** The tables reset() empties and a snapshot copies; each has an sb_snap_ twin (migration 2). */
export const WORLD_TABLES = [
  "sb_records",
  "sb_number_series",
  "sb_people",
  "sb_groups",
  "sb_bc_requests",
  "sb_workflows",
  "sb_approvals",
  "sb_approval_responses",
  "sb_mail",
  "sb_teams",
  "sb_channels",
  "sb_chats",
  "sb_messages",
  "sb_workbooks",
  "sb_excel_tables",
  "sb_excel_rows",
  "sb_notifications",
] as const;

export const twinOf = (table: string): string => table.replace(/^sb_/, "sb_snap_");

export class Snapshots {
  private readonly db: Database;
  private columns: Map<string, string> | undefined;

  constructor(private readonly world: World) {
    this.db = world.db;
  }

  /** Column lists of the world tables, read from the schema once. */
  private columnsOf(table: string): string {
    if (!this.columns) {
      this.columns = new Map();
      for (const name of WORLD_TABLES) {
        const info = prepared(this.db, `PRAGMA table_info(${name})`).all() as { name: string }[];
        this.columns.set(name, info.map((column) => `"${column.name}"`).join(", "));
      }
    }
    return this.columns.get(table) ?? "*";
  }

  /** Saves the world under a name, replacing a snapshot of that name. */
  save(name: string): Snapshot {
    const clean = name.trim();
    if (clean === "" || clean.length > 100)
      throw badRequest("A snapshot needs a name of 1 to 100 characters.");
    return this.world.tx(() => {
      this.remove(clean);
      for (const table of WORLD_TABLES) {
        const columns = this.columnsOf(table);
        prepared(
          this.db,
          `INSERT INTO ${twinOf(table)} (snapshot_name, ${columns}) SELECT ?, ${columns} FROM ${table}`,
        ).run(clean);
      }
      prepared(this.db, "INSERT INTO sb_snapshots (name, created_at) VALUES (?, ?)").run(
        clean,
        this.world.now(),
      );
      return this.get(clean);
    });
  }

  list(): Snapshot[] {
    const rows = prepared(
      this.db,
      "SELECT name, created_at FROM sb_snapshots ORDER BY created_at DESC, name",
    ).all() as {
      name: string;
      created_at: number;
    }[];
    return rows.map((row) => ({ name: row.name, createdAt: iso(row.created_at) }));
  }

  get(name: string): Snapshot {
    const snapshot = this.list().find((s) => s.name === name);
    if (!snapshot) throw notFound(`There is no snapshot '${name}'.`);
    return snapshot;
  }

  /** Replaces the world with the snapshot's copy; raises sandbox.reset. */
  restore(name: string): void {
    this.world.tx(() => {
      this.get(name);
      for (const table of WORLD_TABLES) {
        const columns = this.columnsOf(table);
        prepared(this.db, `DELETE FROM ${table}`).run();
        prepared(
          this.db,
          `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${twinOf(table)} WHERE snapshot_name = ?`,
        ).run(name);
      }
      this.world.emit({ type: "sandbox.reset", payload: { reason: "snapshot", snapshot: name } });
    });
  }

  delete(name: string): void {
    this.world.tx(() => {
      this.get(name);
      this.remove(name);
    });
  }

  private remove(name: string): void {
    for (const table of WORLD_TABLES)
      prepared(this.db, `DELETE FROM ${twinOf(table)} WHERE snapshot_name = ?`).run(name);
    prepared(this.db, "DELETE FROM sb_snapshots WHERE name = ?").run(name);
  }
}
