import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../clock";
import { Sandbox } from "../../sandbox";
import { openDatabase } from "../open";
import { MIGRATIONS } from ".";

const DANIEL = "daniel.reyes@cronus-demo.example";
const ALICIA = "alicia.thornton@cronus-demo.example";

describe("migration 10: emails can be flagged", () => {
  it("keeps the mail and the snapshots of a version 9 file, unflagged, and they can be flagged after", () => {
    const file = join(mkdtempSync(join(tmpdir(), "flowsmith-mig10-")), "flowsmith.db");
    const clock = new VirtualClock(Date.UTC(2026, 0, 5));
    const signals = { deliver: () => {} };
    const before = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 9) }).db;
    const old = new Sandbox({ db: before, clock, signals });
    old.sendMail(ALICIA, { to: DANIEL, subject: "Before the upgrade", body: "" });
    old.saveSnapshot("before");
    before.close();

    const { db } = openDatabase(file);
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    const sandbox = new Sandbox({ db, clock, signals });
    const [copy] = sandbox.listMessages(DANIEL, { folder: "Inbox" }).items;
    expect(copy).toMatchObject({ subject: "Before the upgrade", isFlagged: false });
    expect(sandbox.flagMessage(copy?.id ?? "", true, DANIEL).isFlagged).toBe(true);
    sandbox.restoreSnapshot("before");
    expect(sandbox.getMessage(copy?.id ?? "")).toMatchObject({
      subject: "Before the upgrade",
      isFlagged: false,
    });
    db.close();
  });
});
