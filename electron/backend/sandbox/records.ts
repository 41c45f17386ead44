// The rows of sb_records: one JSON record per row, by table and id, kept in insertion order.
// Plain storage; the rules of Business Central live in business-central.ts.
import type { Database, Statement } from "better-sqlite3";
import type { JsonObject } from "../../../shared/json";
import type { SandboxTable } from "./tables";
import type { SandboxRecord } from "./types";
import { parseJson } from "./world";

interface Row {
  data: string;
}

export class RecordStore {
  private readonly getStmt: Statement<[string, string], Row>;
  private readonly listStmt: Statement<[string], Row>;
  private readonly countStmt: Statement<[string], { n: number }>;
  private readonly insertStmt: Statement<
    [{ tbl: string; id: string; number: string; data: string; modified: number }]
  >;
  private readonly updateStmt: Statement<[string, string, number, string, string]>;
  private readonly deleteStmt: Statement<[string, string]>;
  private readonly byNumberStmt: Statement<[string, string], Row>;
  private readonly seriesStmt: Statement<[string], { prefix: string; next: number; step: number }>;
  private readonly advanceStmt: Statement<[string]>;

  constructor(private readonly db: Database) {
    this.getStmt = db.prepare("SELECT data FROM sb_records WHERE tbl = ? AND id = ?");
    this.listStmt = db.prepare("SELECT data FROM sb_records WHERE tbl = ? ORDER BY seq");
    this.countStmt = db.prepare("SELECT count(*) AS n FROM sb_records WHERE tbl = ?");
    this.insertStmt = db.prepare(
      `INSERT INTO sb_records (tbl, id, number, seq, data, modified_at)
       VALUES (@tbl, @id, @number, (SELECT coalesce(max(seq), 0) + 1 FROM sb_records WHERE tbl = @tbl), @data, @modified)
       ON CONFLICT DO NOTHING`,
    );
    this.updateStmt = db.prepare(
      "UPDATE sb_records SET number = ?, data = ?, modified_at = ? WHERE tbl = ? AND id = ?",
    );
    this.deleteStmt = db.prepare("DELETE FROM sb_records WHERE tbl = ? AND id = ?");
    // The number index: with ORDER BY seq alone the planner would walk the seq index instead.
    this.byNumberStmt = db.prepare(
      "SELECT data FROM sb_records INDEXED BY sb_records_by_number WHERE tbl = ? AND number = ? ORDER BY seq LIMIT 1",
    );
    this.seriesStmt = db.prepare("SELECT prefix, next, step FROM sb_number_series WHERE tbl = ?");
    this.advanceStmt = db.prepare("UPDATE sb_number_series SET next = next + step WHERE tbl = ?");
  }

  get(table: string, id: string): SandboxRecord | undefined {
    const row = this.getStmt.get(table, id);
    return row ? parseJson<JsonObject>(row.data) : undefined;
  }

  byNumber(table: string, number: string): SandboxRecord | undefined {
    const row = this.byNumberStmt.get(table, number);
    return row ? parseJson<JsonObject>(row.data) : undefined;
  }

  /** Every record of the table in insertion order. */
  list(table: string): SandboxRecord[] {
    return this.listStmt.all(table).map((row) => parseJson<JsonObject>(row.data));
  }

  count(table: string): number {
    return this.countStmt.get(table)?.n ?? 0;
  }

  /** Inserts; false when a record with that id exists already. */
  insert(table: SandboxTable, record: SandboxRecord, modifiedAt: number): boolean {
    const id = String(record.id);
    const number = String(record[table.numberField] ?? "");
    const data = JSON.stringify(record);
    return this.insertStmt.run({ tbl: table.name, id, number, data, modified: modifiedAt }).changes > 0;
  }

  update(table: SandboxTable, record: SandboxRecord, modifiedAt: number): void {
    const number = String(record[table.numberField] ?? "");
    this.updateStmt.run(number, JSON.stringify(record), modifiedAt, table.name, String(record.id));
  }

  delete(table: string, id: string): void {
    this.deleteStmt.run(table, id);
  }

  /** The next number of the table's series ("PI-1026"), advancing it; skips numbers in use. */
  nextNumber(table: SandboxTable): string | undefined {
    for (;;) {
      const series = this.seriesStmt.get(table.name);
      if (!series) return undefined;
      this.advanceStmt.run(table.name);
      const number = `${series.prefix}${series.next}`;
      if (!this.byNumber(table.name, number)) return number;
    }
  }

  setSeries(table: string, prefix: string, next: number, step: number): void {
    this.db
      .prepare(
        `INSERT INTO sb_number_series (tbl, prefix, next, step) VALUES (?, ?, ?, ?)
         ON CONFLICT (tbl) DO UPDATE SET prefix = excluded.prefix, next = excluded.next, step = excluded.step`,
      )
      .run(table, prefix, next, step);
  }
}
