// Opens the app's SQLite file: pragmas, migrations by user_version, and a safe way out when the
// file is damaged or was written by a newer Flowsmith: move it aside (never delete it), start fresh,
// and tell the person.
import { existsSync, renameSync } from "node:fs";
import BetterSqlite3, { type Database } from "better-sqlite3";
import type { Notice } from "../../../shared/api";
import type { Migration } from "./migration";
import { MIGRATIONS } from "./migrations";

export interface OpenedDatabase {
  db: Database;
  notices: Notice[];
}

export interface OpenOptions {
  migrations?: readonly Migration[];
  now?: () => Date;
}

/** The file cannot serve as our database, but nothing is wrong with our code: move it aside. */
class UnusableDatabase extends Error {
  constructor(
    readonly reason: "damaged" | "newer",
    detail: string,
  ) {
    super(detail);
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  try {
    return { db: openAndMigrate(file, migrations), notices: [] };
  } catch (error) {
    if (!(error instanceof UnusableDatabase)) throw error;
    const movedTo = moveAside(file, error.reason, now());
    const notice: Notice = {
      id: `database-moved-${now().getTime()}`,
      level: "warning",
      title: error.reason === "newer" ? "Database from a newer Flowsmith" : "Database could not be read",
      message:
        error.reason === "newer"
          ? `Your flow database was written by a newer version of Flowsmith (${error.message}). It was kept, untouched, at ${movedTo}, and a new empty database was started. Open that file with the newer version to get its flows back.`
          : `Your flow database was damaged (${error.message}). It was kept, untouched, at ${movedTo}, and a new empty database was started.`,
    };
    return { db: openAndMigrate(file, migrations), notices: [notice] };
  }
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function openAndMigrate(file: string, migrations: readonly Migration[]): Database {
  const db = new BetterSqlite3(file);
  try {
    configure(db);
    const current = db.pragma("user_version", { simple: true }) as number;
    const latest = latestVersion(migrations);
    if (current > latest) {
      throw new UnusableDatabase("newer", `schema version ${current}, this app knows up to ${latest}`);
    }
    migrate(db, migrations, current);
    return db;
  } catch (error) {
    db.close();
    throw asUnusable(error);
  }
}

function configure(db: Database): void {
  // journal_mode is the first statement that reads the file: garbage fails here with SQLITE_NOTADB.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const check = db.pragma("quick_check", { simple: true });
  if (check !== "ok") throw new UnusableDatabase("damaged", `integrity check: ${String(check)}`);
}

function migrate(db: Database, migrations: readonly Migration[], from: number): void {
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function asUnusable(error: unknown): unknown {
  if (error instanceof UnusableDatabase) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT"))) {
    return new UnusableDatabase("damaged", (error as Error).message);
  }
  return error;
}

/** Renames the file and its WAL companions with a timestamp; returns the new main file's path. */
function moveAside(file: string, reason: "damaged" | "newer", at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, "-");
  const target = `${file}.${reason === "newer" ? "newer-version" : "damaged"}-${stamp}`;
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}
