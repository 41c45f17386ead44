import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import type { Migration } from "./migration";
import { MIGRATIONS } from "./migrations";
import { latestVersion, openDatabase } from "./open";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "flowsmith-db-"));
  file = join(dir, "flowsmith.db");
});

const at = new Date("2026-11-24T10:20:30.000Z");

describe("openDatabase", () => {
  it("creates an empty file with every migration applied and the expected pragmas", () => {
    const { db, notices } = openDatabase(file);
    expect(notices).toEqual([]);
    expect(db.pragma("user_version", { simple: true })).toBe(latestVersion());
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("synchronous", { simple: true })).toBe(1); // NORMAL
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain("flows");
    db.close();
  });

  it("re-opens an existing file without re-running migrations and keeps its rows", () => {
    const first = openDatabase(file).db;
    first
      .prepare(
        "INSERT INTO flows (id, name, kind, definition, revision, created_at, updated_at) VALUES ('a', 'A', 'instant', '{}', 1, 0, 0)",
      )
      .run();
    first.close();
    const { db, notices } = openDatabase(file);
    expect(notices).toEqual([]);
    expect(db.prepare("SELECT name FROM flows").pluck().all()).toEqual(["A"]);
    db.close();
  });

  it("applies only the pending migrations, each in its own transaction", () => {
    const log: string[] = [];
    const step = (version: number): Migration => ({
      version,
      name: `v${version}`,
      up: (db) => {
        log.push(`v${version}`);
        db.exec(`CREATE TABLE t${version} (x INTEGER)`);
      },
    });
    openDatabase(file, { migrations: [step(1)] }).db.close();
    const { db } = openDatabase(file, { migrations: [step(1), step(2), step(3)] });
    expect(log).toEqual(["v1", "v2", "v3"]);
    expect(db.pragma("user_version", { simple: true })).toBe(3);
    db.close();
  });

  it("rolls a failing migration back whole and does not move the user's file aside", () => {
    openDatabase(file, { migrations: MIGRATIONS }).db.close();
    const broken: Migration = {
      version: latestVersion() + 1,
      name: "broken",
      up: (db) => {
        db.exec("CREATE TABLE half_done (x INTEGER)");
        throw new Error("bug in migration");
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow("bug in migration");
    const db = new BetterSqlite3(file);
    expect(db.pragma("user_version", { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(dir).filter((f) => f.includes("damaged"))).toEqual([]);
  });

  it("moves a file that is not a database aside with a timestamp, says so, and starts fresh", () => {
    writeFileSync(file, "this is not a database, just some text that happens to be here ".repeat(100));
    const { db, notices } = openDatabase(file, { now: () => at });
    const movedTo = `${file}.damaged-2026-11-24T10-20-30-000Z`;
    expect(existsSync(movedTo)).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.level).toBe("warning");
    expect(notices[0]?.message).toContain(movedTo);
    expect(db.prepare("SELECT count(*) FROM flows").pluck().get()).toBe(0);
    db.close();
  });

  it("moves a database written by a newer version aside instead of touching it", () => {
    const newer = new BetterSqlite3(file);
    newer.pragma(`user_version = ${latestVersion() + 5}`);
    newer.exec("CREATE TABLE future (x INTEGER); INSERT INTO future VALUES (42);");
    newer.close();
    const { db, notices } = openDatabase(file, { now: () => at });
    const movedTo = `${file}.newer-version-2026-11-24T10-20-30-000Z`;
    expect(notices[0]?.title).toMatch(/newer/i);
    expect(db.pragma("user_version", { simple: true })).toBe(latestVersion());
    db.close();
    const kept = new BetterSqlite3(movedTo, { readonly: true });
    expect(kept.prepare("SELECT x FROM future").pluck().get()).toBe(42);
    kept.close();
  });
});
