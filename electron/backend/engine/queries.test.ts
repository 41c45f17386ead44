// The Runs page's queries on 100,000 runs: keyset paging, filters, and plans that never sort.
import { beforeAll, describe, expect, it } from "vitest";
import { buildListQuery, decodeCursor, encodeCursor } from "./queries";
import type { RunStatus } from "./status";
import { engineTestDatabase, type TestEngine, testEngine } from "./testing";
import type { ListRunsQuery } from "./types";

const N = 100_000;
const FLOWS = 40;
const STATUSES: RunStatus[] = ["Succeeded", "Failed", "Cancelled", "Waiting", "Running"];
const T0 = Date.UTC(2026, 0, 1);

let t: TestEngine;

beforeAll(() => {
  const db = engineTestDatabase();
  db.prepare("INSERT INTO run_definitions (hash, definition) VALUES ('h', '{}')").run();
  const insert = db.prepare(
    `INSERT INTO runs (id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs, definition_hash,
       status, started_at, ended_at)
     VALUES (?, ?, ?, NULL, ?, 'manual', '{}', 'h', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const started = T0 + Math.floor(i * 315.36) * 1000; // a year, some runs sharing a second
      const status = STATUSES[(i * 7) % STATUSES.length] as RunStatus;
      insert.run(
        `run-${String(i).padStart(6, "0")}`,
        `flow-${i % FLOWS}`,
        `Flow ${i % FLOWS}`,
        i % 10 === 0 ? "test" : "published", // one in ten a designer test
        status,
        started,
        status === "Running" || status === "Waiting" ? null : started + 1500,
      );
    }
  })();
  t = testEngine({ db });
}, 60_000);

// How fast each page is, is bench/workflow-list's to measure; here, that no plan sorts or skips.
function pageAll(query: ListRunsQuery): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = t.engine.listRuns({ ...query, cursor });
    pages++;
    ids.push(...page.runs.map((r) => r.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, pages };
}

describe("listRuns", () => {
  it("returns the newest runs first, with a cursor for the next page", () => {
    const page = t.engine.listRuns({ limit: 3 });
    expect(page.runs.map((r) => r.id)).toEqual(["run-099999", "run-099998", "run-099997"]);
    expect(page.runs[0]).toMatchObject({
      flowId: "flow-39",
      flowName: "Flow 39",
      mode: "published",
      flowVersion: null,
    });
    const next = t.engine.listRuns({ limit: 3, cursor: page.nextCursor ?? "" });
    expect(next.runs.map((r) => r.id)).toEqual(["run-099996", "run-099995", "run-099994"]);
  });

  it("pages through every run of a flow and status, in order", () => {
    const { ids } = pageAll({ flowId: "flow-7", status: "Failed", limit: 100 });
    const expected = [];
    for (let i = N - 1; i >= 0; i--)
      if (i % FLOWS === 7 && STATUSES[(i * 7) % STATUSES.length] === "Failed") expected.push(i);
    expect(ids).toEqual(expected.map((i) => `run-${String(i).padStart(6, "0")}`));
  });

  it("pages through all 100,000 runs with no run missed or repeated", () => {
    const { ids, pages } = pageAll({ limit: 100 });
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    expect(pages).toBe(1000);
  });

  it("filters by date range and by several statuses", () => {
    const from = T0 + 100 * 86400_000;
    const to = T0 + 101 * 86400_000;
    const { ids } = pageAll({ from: new Date(from).toISOString(), to, limit: 500 });
    expect(ids.length).toBeGreaterThan(250);
    for (const id of ids) {
      const run = t.engine.getRunSummary(id);
      const at = Date.parse(run?.startedAt ?? "");
      expect(at >= from && at < to).toBe(true);
    }
    const waitingOrRunning = t.engine.listRuns({ status: ["Waiting", "Running"], limit: 10 });
    expect(waitingOrRunning.runs.every((r) => r.status === "Waiting" || r.status === "Running")).toBe(true);
    expect(waitingOrRunning.runs).toHaveLength(10);
  });

  it("keeps to designer tests or to published runs when asked", () => {
    const tests = pageAll({ mode: "test", limit: 500 }).ids;
    expect(tests).toHaveLength(N / 10);
    expect(tests.every((id) => Number(id.slice(4)) % 10 === 0)).toBe(true);
    const published = t.engine.listRuns({ mode: "published", status: "Failed", limit: 50 }).runs;
    expect(published).toHaveLength(50);
    expect(published.every((r) => r.mode === "published" && r.status === "Failed")).toBe(true);
  });

  it("reads an index in the right order for every single-status filter (no sort of the table)", () => {
    const queries: ListRunsQuery[] = [
      {},
      { flowId: "flow-1" },
      { status: "Failed" },
      { flowId: "flow-1", status: "Failed" },
      { flowId: "flow-1", from: T0, to: T0 + 86400_000 },
      { status: "Failed", cursor: encodeCursor(T0 + 1e10, "run-050000") },
      { mode: "published", status: "Failed" },
    ];
    for (const query of queries) {
      const { sql, params } = buildListQuery(query);
      const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(" | ");
      expect(plan, JSON.stringify(query)).toMatch(/USING (COVERING )?INDEX runs_by/);
      expect(plan, JSON.stringify(query)).not.toContain("TEMP B-TREE");
    }
  });

  it("refuses a cursor it did not make", () => {
    expect(() => t.engine.listRuns({ cursor: "garbage" })).toThrow("cursor");
    expect(decodeCursor(encodeCursor(5, "x"))).toEqual({ startedAt: 5, id: "x" });
  });
});
