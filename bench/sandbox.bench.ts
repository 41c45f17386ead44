// Sandbox throughput: 10,000 record changes in one batch (one transaction), with the events the
// publish engine will match triggers against; beside it, the same 10,000 row updates in raw SQLite
// as the baseline, so the ratio shows what the sandbox's rules and events cost.
//
// Run by `npm run bench -- --only=sandbox`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxEventListener } from "../electron/backend/sandbox";
import { round } from "./stats";

export interface SandboxBenchOptions {
  /** How many records change in the batch (10,000). */
  records?: number;
  /** Receives every event, e.g. the trigger matcher; its cost is part of the figures. */
  listener?: SandboxEventListener;
}

const ACTOR = "marcus.bell@cronus-demo.example";

export async function benchSandbox(
  options: SandboxBenchOptions = {},
): Promise<Record<string, number | string>> {
  const { openDatabase } = await import("../electron/backend/db/open");
  const { VirtualClock } = await import("../electron/backend/clock");
  const { Sandbox } = await import("../electron/backend/sandbox");
  const count = options.records ?? 10_000;
  const dir = mkdtempSync(join(tmpdir(), "flowsmith-bench-sandbox-"));
  try {
    const { db } = openDatabase(join(dir, "bench.db"));
    const clock = new VirtualClock();
    let events = 0;
    const seedStart = performance.now();
    const sandbox = new Sandbox({
      db,
      clock,
      signals: { deliver: () => {} },
      events: (event) => {
        events++;
        options.listener?.(event);
      },
    });
    const seedMs = performance.now() - seedStart;

    // 10,000 new items in one batch: record.created each.
    events = 0;
    const createStart = performance.now();
    const ids = sandbox.batch(() =>
      Array.from({ length: count }, (_, i) =>
        String(
          sandbox.createRecord(
            "items",
            { displayName: `Bench item ${i}`, unitPrice: 10 + (i % 90), unitCost: 5 },
            ACTOR,
          ).id,
        ),
      ),
    );
    const createMs = performance.now() - createStart;
    const createEvents = events;

    // The same 10,000 changed in one batch: record.modified each, with its changed fields.
    events = 0;
    const modifyStart = performance.now();
    sandbox.batch(() => {
      ids.forEach((id, i) => {
        sandbox.updateRecord("items", id, { unitPrice: 1000 + i, blocked: i % 7 === 0 }, ACTOR);
      });
    });
    const modifyMs = performance.now() - modifyStart;
    const modifyEvents = events;

    // Find records over the grown table, as a flow's "Find records" step would.
    const findStart = performance.now();
    const found = sandbox.listRecords("items", {
      filter: "blocked eq true and unitPrice gt 5000",
      orderBy: "unitPrice desc",
      top: 50,
    });
    const findMs = performance.now() - findStart;

    // Baseline: the same number of JSON row updates in one transaction, no rules, no events.
    const rows = db.prepare("SELECT id, data FROM sb_records WHERE tbl = 'items'").all() as {
      id: string;
      data: string;
    }[];
    const update = db.prepare(
      "UPDATE sb_records SET data = ?, modified_at = ? WHERE tbl = 'items' AND id = ?",
    );
    const rawStart = performance.now();
    db.transaction(() => {
      for (const row of rows.slice(0, count)) {
        const record = JSON.parse(row.data) as Record<string, unknown>;
        record.unitPrice = 99;
        update.run(JSON.stringify(record), Date.now(), row.id);
      }
    })();
    const rawMs = performance.now() - rawStart;
    db.close();

    const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
    return {
      records: count,
      seedMs: round(seedMs),
      createBatchMs: round(createMs),
      createEvents,
      createEventsPerSecond: perSecond(createEvents, createMs),
      modifyBatchMs: round(modifyMs),
      modifyEvents,
      modifyEventsPerSecond: perSecond(modifyEvents, modifyMs),
      modifyMicrosecondsPerEvent: round((modifyMs * 1000) / Math.max(1, modifyEvents)),
      findRecordsOverItemsMs: round(findMs),
      findRecordsMatched: found.total,
      rawUpdateBatchMs: round(rawMs),
      rawUpdatesPerSecond: perSecond(count, rawMs),
      modifyVsRawRatio: round(modifyMs / rawMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
