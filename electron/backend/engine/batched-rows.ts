// Many rows written by one statement call: `INSERT … VALUES (…), (…), …` (or an UPDATE from such a
// list) for up to CHUNK rows at once. A statement call costs about as much as the row it writes in
// an in-memory database, so the journal's rows of a burst of runs (their run rows, log rows and
// ends) go in chunks instead of one call per row. The rows are the same; only the calls are fewer.
//
// Columns that rows of a burst share (a run's flow, mode, trigger, definition…) can be named
// parameters (`@flowId`), bound once per chunk instead of once per row: a chunk holds rows that
// agree on them, and a row that does not starts the next chunk.
import type { Database, Statement } from "better-sqlite3";

/** Rows per statement call: past a few dozen the call's own cost no longer shows. */
const CHUNK = 50;

/** A value better-sqlite3 binds. */
export type SqlValue = string | number | null;

export class BatchedRows {
  /** Statements by row count (a full chunk, and the sizes of the rest at a flush). */
  private readonly statements = new Map<number, Statement>();
  /** The pending rows' own values, row after row; one list for every chunk (binding copies them). */
  private readonly values: SqlValue[] = [];
  /** The pending rows' shared values, in the order of `shared`. */
  private readonly sharedValues: SqlValue[] = [];
  /** The pending rows' keys (their first values), when a chunk may hold a key once only. */
  private readonly keys: Set<SqlValue> | undefined;
  private rows = 0;
  private readonly shared: readonly string[];

  /**
   * @param sqlFor the statement for `rows` rows: `width` anonymous parameters (`?`) a row, in order,
   *   and the named parameters `shared` (without their `@`)
   * @param options.unique a row whose key (first value) is pending already starts the next chunk
   *   (an UPDATE … FROM would apply only one of the two)
   */
  constructor(
    private readonly db: Database,
    private readonly sqlFor: (rows: number) => string,
    private readonly width: number,
    options: { shared?: readonly string[]; unique?: boolean } = {},
  ) {
    this.shared = options.shared ?? [];
    if (options.unique) this.keys = new Set();
  }

  get pending(): boolean {
    return this.rows > 0;
  }

  /** Adds a row: its `width` own values, then its values of the shared parameters. */
  add(...row: SqlValue[]): void {
    const { width, sharedValues, keys } = this;
    if (this.rows > 0 && (!this.sameShared(row) || keys?.has(row[0] ?? null))) this.flush();
    for (let i = 0; i < this.shared.length; i++) sharedValues[i] = row[width + i] ?? null;
    let at = this.rows * width;
    for (let i = 0; i < width; i++) this.values[at++] = row[i] ?? null;
    keys?.add(row[0] ?? null);
    this.rows++;
    if (this.rows === CHUNK) this.flush();
  }

  /** Writes the pending rows. */
  flush(): void {
    const rows = this.rows;
    if (rows === 0) return;
    this.rows = 0;
    this.keys?.clear();
    const count = rows * this.width;
    const values = count === this.values.length ? this.values : this.values.slice(0, count);
    const statement = this.statement(rows);
    if (this.shared.length === 0) statement.run(values);
    else statement.run(values, this.sharedParameters());
  }

  /** Forgets the pending rows (their transaction rolled back). */
  clear(): void {
    this.rows = 0;
    this.keys?.clear();
  }

  private sameShared(row: readonly SqlValue[]): boolean {
    for (let i = 0; i < this.shared.length; i++) {
      if ((row[this.width + i] ?? null) !== this.sharedValues[i]) return false;
    }
    return true;
  }

  private sharedParameters(): Record<string, SqlValue> {
    const parameters: Record<string, SqlValue> = {};
    this.shared.forEach((name, i) => {
      parameters[name] = this.sharedValues[i] ?? null;
    });
    return parameters;
  }

  private statement(rows: number): Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      statement = this.db.prepare(this.sqlFor(rows));
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

/** The VALUES list of `rows` rows written as `row`: `(?, ?, @x), (?, ?, @x)`. */
export function valuesList(rows: number, row: string): string {
  return Array.from({ length: rows }, () => row).join(", ");
}
