// Publish figures. (1) 200 enabled automated flows on different tables and trigger conditions, and
// 10,000 sandbox records changed in one batch: the time from the batch to every matching run's row
// committed and to every run finished in the journal, runs per second, and the matching overhead
// per event, measured apart from running (each recorded event matched again, alone), with the
// same batch without any flow as the baseline. (2) The workflow list over 2,000 published flows and
// 100,000 runs: open (first page), the whole list, and filtered; medians.
// The same list in Chromium is in workflow-list.bench.ts.
import { rmSync } from "node:fs";
import type { PublishWorld } from "../electron/backend/publish/test-support";
import type { SandboxEvent } from "../electron/backend/sandbox";
import { median, percentile, round } from "./stats";

export interface PublishBenchOptions {
  /** Records changed in the batch (10,000). */
  records?: number;
  /** Enabled automated flows (200). */
  flows?: number;
  /** Published flows and runs of the list (2,000 and 100,000). */
  listFlows?: number;
  listRuns?: number;
  /** Rounds of each list query (25). */
  rounds?: number;
}

const ACTOR = "marcus.bell@cronus-demo.example";
/** Flows on changed items, one per remainder of the new price: each change starts exactly one run. */
const ITEM_FLOWS = 20;

export async function benchPublish(
  options: PublishBenchOptions = {},
): Promise<Record<string, number | string>> {
  const matching = await benchMatching(options);
  const list = await benchList(options);
  return { ...matching, ...list };
}

async function benchMatching(options: PublishBenchOptions): Promise<Record<string, number | string>> {
  const support = await import("../electron/backend/publish/test-support");
  const count = options.records ?? 10_000;
  const flowCount = options.flows ?? 200;
  const w = support.publishWorld({ manualStart: true });
  try {
    // The items the batch will change, made before any flow listens.
    const ids = w.sandbox.batch(() =>
      Array.from({ length: count }, (_, i) =>
        String(
          w.sandbox.createRecord(
            "items",
            { displayName: `Bench item ${i}`, unitPrice: 10 },
            w.sandbox.connectionUser(),
          ).id,
        ),
      ),
    );

    // Baseline: the same kind of batch with no flow listening.
    const baseStart = performance.now();
    w.sandbox.batch(() => {
      for (const [i, id] of ids.entries()) w.sandbox.updateRecord("items", id, { unitPrice: 500 + i }, ACTOR);
    });
    const baselineMs = performance.now() - baseStart;

    // 200 flows: 20 on changed items with one condition each (price modulo 20), the others on other
    // tables and events (created, deleted, changed), with conditions of their own.
    const tables = [
      "customers",
      "vendors",
      "employees",
      "salesOrders",
      "salesInvoices",
      "purchaseOrders",
      "purchaseInvoices",
      "journalLines",
    ];
    const operations = [
      "CreateOnNewItemsSubscriptionV3",
      "CreateOnUpdatedItemsSubscriptionV3",
      "CreateOnDeletedItemsSubscriptionV3",
      "CreateOnChangedItemsSubscriptionV3",
    ];
    for (let i = 0; i < flowCount; i++) {
      const definition =
        i < ITEM_FLOWS
          ? support.recordFlow("items", "CreateOnUpdatedItemsSubscriptionV3", [
              `@equals(mod(int(triggerOutputs()?['body/unitPrice']), ${ITEM_FLOWS}), ${i})`,
            ])
          : i < ITEM_FLOWS + 10
            ? support.recordFlow("items", i % 2 === 0 ? operations[0] : operations[2])
            : support.recordFlow(
                tables[i % tables.length] ?? "customers",
                operations[i % operations.length],
                [`@greater(length(string(triggerOutputs()?['body'])), ${i})`],
              );
      const flow = w.flows.create({ name: `Bench flow ${i}`, kind: "automated", definition });
      w.publisher.publish(flow.id, { publishedBy: ACTOR });
    }
    const report = w.publisher.start();

    const events: SandboxEvent[] = [];
    const stopRecording = w.sandbox.events.onAny((event) => events.push(event));
    const start = performance.now();
    w.sandbox.batch(() => {
      for (const [i, id] of ids.entries())
        w.sandbox.updateRecord("items", id, { unitPrice: 1000 + i }, ACTOR);
    });
    const batchMs = performance.now() - start;
    await Promise.resolve(); // the publisher's flush: every run's row committed in one transaction
    const rowsMs = performance.now() - start;
    await w.engine.idle();
    const doneMs = performance.now() - start;
    stopRecording();
    const runs = Number(
      w.db
        .prepare("SELECT count(*) FROM runs WHERE mode = 'published' AND status = 'Succeeded'")
        .pluck()
        .get(),
    );

    // Matching alone: each recorded event again, timed one by one.
    const perEvent: number[] = [];
    let matched = 0;
    for (const event of events) {
      const t = performance.now();
      matched += w.publisher.matchEvent(event).length;
      perEvent.push(performance.now() - t);
    }
    const medianEventMs = median(perEvent);
    const totalMatchMs = perEvent.reduce((a, b) => a + b, 0);
    return {
      enabledFlows: report.enabled,
      recordsChanged: count,
      runsStarted: runs,
      matchedOnReplay: matched,
      batchWithoutFlowsMs: round(baselineMs),
      batchWithFlowsMs: round(batchMs),
      batchToRunRowsCommittedMs: round(rowsMs),
      batchToAllRunsJournaledMs: round(doneMs),
      runsPerSecond: Math.round((runs / doneMs) * 1000),
      matchMedianMicrosecondsPerEvent: round(medianEventMs * 1000),
      matchMedianMicrosecondsPerEventPerEnabledFlow: round((medianEventMs * 1000) / report.enabled, 4),
      matchMedianMicrosecondsPerEventPerCandidateFlow: round((medianEventMs * 1000) / ITEM_FLOWS, 3),
      matchP99MicrosecondsPerEvent: round(percentile(perEvent, 99) * 1000),
      matchTotalMs: round(totalMatchMs),
      matchGoal: "under 50 µs per event per enabled flow at median",
    };
  } finally {
    w.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
}

/**
 * Publishes `flowCount` flows (one in ten scheduled, one in ten instant, the rest on records; one in
 * seven disabled) and writes `runCount` finished runs over the past year, one in ten a designer test.
 */
export function seedWorkflowList(
  w: PublishWorld,
  support: typeof import("../electron/backend/publish/test-support"),
  flowCount: number,
  runCount: number,
): { publishMs: number } {
  const tables = ["items", "customers", "vendors", "salesOrders", "purchaseInvoices"];
  const flows: { id: string; name: string }[] = [];
  const publishStart = performance.now();
  for (let i = 0; i < flowCount; i++) {
    const kind = i % 10 === 0 ? "scheduled" : i % 10 === 1 ? "instant" : "automated";
    const definition =
      kind === "scheduled"
        ? support.scheduledFlow({
            frequency: "Week",
            interval: 1,
            schedule: { weekDays: ["Monday"], hours: ["8"], minutes: [0] },
          })
        : kind === "instant"
          ? support.buttonFlow()
          : support.recordFlow(tables[i % tables.length] ?? "items");
    const name = `${["Report", "Watcher", "Notice", "Sync"][i % 4]} ${String(i).padStart(4, "0")}`;
    const flow = w.flows.create({ name, kind, definition });
    w.publisher.publish(flow.id, { publishedBy: ACTOR });
    if (i % 7 === 0) w.publisher.setEnabled(flow.id, false);
    flows.push({ id: flow.id, name });
  }
  const publishMs = performance.now() - publishStart;

  // 100,000 finished runs spread over the flows and the last 80 days (inside the 90 days that run
  // history keeps by default), one in ten a designer test.
  const hash = "bench-definition";
  w.db.prepare("INSERT OR IGNORE INTO run_definitions (hash, definition) VALUES (?, '{}')").run(hash);
  const insert = w.db.prepare(
    `INSERT INTO runs (id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs, definition_hash,
       status, started_at, ended_at)
     VALUES (?, ?, ?, 1, ?, 'manual', '{}', ?, ?, ?, ?)`,
  );
  const spanMs = 80 * 86_400_000;
  const firstAt = w.clock.now() - spanMs;
  w.db.transaction(() => {
    for (let i = 0; i < runCount; i++) {
      const at = firstAt + Math.floor((i / runCount) * spanMs);
      const flow = flows[(i * 7919) % flows.length];
      insert.run(
        `bench-run-${String(i).padStart(6, "0")}`,
        flow?.id,
        flow?.name,
        i % 10 === 0 ? "test" : "published",
        hash,
        i % 13 === 0 ? "Failed" : "Succeeded",
        at,
        at + 1200,
      );
    }
  })();
  return { publishMs };
}

async function benchList(options: PublishBenchOptions): Promise<Record<string, number | string>> {
  const support = await import("../electron/backend/publish/test-support");
  const flowCount = options.listFlows ?? 2_000;
  const runCount = options.listRuns ?? 100_000;
  const rounds = options.rounds ?? 25;
  const w = support.publishWorld();
  try {
    const { publishMs } = seedWorkflowList(w, support, flowCount, runCount);

    const timed = (query: Parameters<typeof w.publisher.listWorkflows>[0]) => {
      const times: number[] = [];
      let total = 0;
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        total = w.publisher.listWorkflows(query).total;
        times.push(performance.now() - t);
      }
      return { ms: round(median(times)), total };
    };
    const open = timed({});
    const whole = timed({ limit: 5_000 });
    const byKind = timed({ kind: "scheduled", limit: 5_000 });
    const byStatus = timed({ status: "disabled" });
    const bySearch = timed({ search: "watcher 1" });
    const byPage = timed({ forPage: "vendors" });
    // Sorting by last run looks up every flow's last run, not only the page's.
    const byLastRun = timed({ sort: "lastRun", direction: "descending" });
    return {
      listPublishedFlows: flowCount,
      listRuns: runCount,
      listPublishMsPerFlow: round(publishMs / flowCount),
      listOpenFirstPageMedianMs: open.ms,
      listOpenTotal: open.total,
      listWholeMedianMs: whole.ms,
      listFilterKindWholeMedianMs: byKind.ms,
      listFilterStatusMedianMs: byStatus.ms,
      listSearchMedianMs: bySearch.ms,
      listSearchMatches: bySearch.total,
      listForPageMedianMs: byPage.ms,
      listSortLastRunMedianMs: byLastRun.ms,
      listGoal: "under 200 ms for the whole list query",
    };
  } finally {
    w.close();
    rmSync(w.dir, { recursive: true, force: true });
  }
}
