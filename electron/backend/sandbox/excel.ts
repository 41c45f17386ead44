// Excel Online in the sandbox: workbooks in one document library, each with named tables whose
// columns are fixed; adding a row checks the table and its columns.
import type { Database } from "better-sqlite3";
import { badParameter, notFound } from "./errors";
import { DRIVE } from "./seed/collaboration";
import type { ExcelRow, ExcelTable, Origin, Page, PageOptions, Workbook } from "./types";
import { iso, nextSeq, parseJson, prepared, type World } from "./world";

interface TableRow {
  id: string;
  workbook_id: string;
  name: string;
  columns: string;
  rows: number;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export class Excel {
  private readonly db: Database;

  constructor(private readonly world: World) {
    this.db = world.db;
  }

  drives(): { id: string; name: string }[] {
    return [{ ...DRIVE }];
  }

  workbooks(): Workbook[] {
    const books = prepared(this.db, "SELECT id, drive, path FROM sb_workbooks ORDER BY seq").all() as {
      id: string;
      drive: string;
      path: string;
    }[];
    const tables = this.tables();
    return books.map((b) => ({
      id: b.id,
      drive: b.drive,
      path: b.path,
      name: b.path.slice(b.path.lastIndexOf("/") + 1),
      tables: tables.filter((t) => t.workbookId === b.id),
    }));
  }

  private tables(): ExcelTable[] {
    const rows = prepared(
      this.db,
      `SELECT t.id, t.workbook_id, t.name, t.columns,
           (SELECT count(*) FROM sb_excel_rows r WHERE r.table_id = t.id) AS rows
         FROM sb_excel_tables t ORDER BY t.seq`,
    ).all() as TableRow[];
    return rows.map((t) => ({
      id: t.id,
      workbookId: t.workbook_id,
      name: t.name,
      columns: parseJson<string[]>(t.columns),
      rowCount: t.rows,
    }));
  }

  /**
   * The table a step names: drive by id or name, file by id, path or file name, table by id or
   * name. Each miss is a 400 naming its parameter.
   */
  resolve(drive: string, file: string, table: string): { workbook: Workbook; table: ExcelTable } {
    const known = this.drives().find((d) => same(d.id, drive) || same(d.name, drive));
    if (!known) throw badParameter("drive", `there is no document library '${drive}'; use '${DRIVE.name}'.`);
    const wantedPath = file.trim().startsWith("/") ? file.trim() : `/${file.trim()}`;
    const workbook = this.workbooks().find(
      (w) => w.drive === known.id && (same(w.id, file) || same(w.path, wantedPath) || same(w.name, file)),
    );
    if (!workbook) {
      throw badParameter(
        "file",
        `there is no workbook '${file}' in ${known.name}; workbooks: ${this.workbooks()
          .map((w) => w.path)
          .join(", ")}.`,
      );
    }
    const found = workbook.tables.find((t) => same(t.id, table) || same(t.name, table));
    if (!found) {
      throw badParameter(
        "table",
        `${workbook.name} has no table '${table}'; tables: ${workbook.tables.map((t) => t.name).join(", ")}.`,
      );
    }
    return { workbook, table: found };
  }

  /** Adds a row; values by column name (case-insensitively), missing columns left empty. */
  addRow(
    where: { drive: string; file: string; table: string },
    values: Record<string, unknown>,
    origin: Origin,
  ): ExcelRow {
    return this.world.tx(() => {
      const { workbook, table } = this.resolve(where.drive, where.file, where.table);
      const row: Record<string, string> = {};
      for (const column of table.columns) row[column] = "";
      for (const [key, value] of Object.entries(values)) {
        const column = table.columns.find((c) => same(c, key));
        if (column === undefined) {
          throw badParameter(
            `item/${key}`,
            `table ${table.name} has no column '${key}'; columns: ${table.columns.join(", ")}.`,
          );
        }
        row[column] =
          value === null || value === undefined
            ? ""
            : typeof value === "object"
              ? JSON.stringify(value)
              : String(value);
      }
      const id = this.world.newId();
      const now = this.world.now();
      prepared(
        this.db,
        "INSERT INTO sb_excel_rows (id, seq, table_id, data, created_at) VALUES (?, ?, ?, ?, ?)",
      ).run(id, nextSeq(this.db, "sb_excel_rows"), table.id, JSON.stringify(row), now);
      const added: ExcelRow = { id, tableId: table.id, values: row, createdAt: iso(now) };
      this.world.emit({
        type: "excel.rowAdded",
        payload: { workbookId: workbook.id, file: workbook.path, table: table.name, row: added, origin },
      });
      return added;
    });
  }

  /** A table's rows in the order they were added. */
  rows(tableId: string, options: PageOptions = {}): Page<ExcelRow> {
    const table = this.tables().find((t) => t.id === tableId);
    if (!table) throw notFound(`There is no Excel table with id '${tableId}'.`);
    const rows = prepared(
      this.db,
      "SELECT id, table_id, data, created_at FROM sb_excel_rows WHERE table_id = ? ORDER BY seq LIMIT ? OFFSET ?",
    ).all(tableId, options.top ?? 100, options.skip ?? 0) as {
      id: string;
      table_id: string;
      data: string;
      created_at: number;
    }[];
    return {
      total: table.rowCount,
      items: rows.map((r) => ({
        id: r.id,
        tableId: r.table_id,
        values: JSON.parse(r.data) as Record<string, string>,
        createdAt: iso(r.created_at),
      })),
    };
  }
}
