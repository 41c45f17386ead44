// The workflow list and the Runs page in headless Chromium (issue 6), against the built app in web
// mode on a data folder holding 2,000 published flows and 100,000 runs:
// - open: from the click on Workflow list in the navigation to its first rows painted; and from a
//   cold page load of #/workflows to the rows painted;
// - filter: from the change of the Status filter, and from typing in the search box (including
//   the short pause in typing the page waits for), to the matching rows painted;
// - the Runs page's first page of runs, opened the same way.
// Goal: under 200 ms. Medians over the rounds; each round alternates so noise hits them alike.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { seedWorkflowList } from "./publish.bench";
import { median, round } from "./stats";
import { launchChromium, startWebMode } from "./support";

interface Options {
  flows?: number;
  runs?: number;
  rounds?: number;
}

interface ListPage {
  items: { name: string }[];
  total: number;
}

export async function benchWorkflowList(options: Options = {}): Promise<Record<string, number | string>> {
  const flowCount = options.flows ?? 2_000;
  const runCount = options.runs ?? 100_000;
  const rounds = options.rounds ?? 9;
  const dataDir = mkdtempSync(join(tmpdir(), "flowsmith-bench-list-"));
  const support = await import("../electron/backend/publish/test-support");
  const world = support.publishWorld({ dir: dataDir, start: Date.now(), manualStart: true });
  try {
    seedWorkflowList(world, support, flowCount, runCount);
  } finally {
    world.close();
  }

  const app = await startWebMode(dataDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    await context.addCookies([
      { name: `flowsmith_token_${app.port}`, value: app.token, domain: "127.0.0.1", path: "/" },
    ]);
    const page = await context.newPage();

    // What each filter must show first, asked of the backend the way the page asks.
    const firstOf = async (query: Record<string, unknown>) => {
      const answer = await app.call<ListPage>("workflows.list", { ...query, page: 1, limit: 100 });
      return { name: answer.items[0]?.name ?? "", rows: answer.items.length };
    };
    const all = await firstOf({});
    const disabled = await firstOf({ status: "disabled" });
    const searched = await firstOf({ search: "Watcher 01" });

    const cold: number[] = [];
    const open: number[] = [];
    const byStatus: number[] = [];
    const bySearch: number[] = [];
    const runsOpen: number[] = [];
    for (let r = 0; r <= rounds; r++) {
      // Cold: a fresh load of the list's address (from another document: a change of the hash
      // alone would not load the page again).
      await page.goto("about:blank");
      await page.goto(`${app.origin}/#/workflows`);
      // (at most: if the rows painted before the load event, the next frame counts)
      const coldAt = await paintedWhen(page, "workflow-row", all);
      // In-app: from the flows list, click Workflows.
      await page.goto(`${app.origin}/#/flows`);
      await page.getByRole("heading", { name: "My flows", exact: true }).waitFor();
      const openMs = await timed(page, "workflow-row", all, () =>
        page.getByRole("navigation").getByRole("link", { name: "Workflow list" }).click(),
      );
      const statusMs = await timed(page, "workflow-row", disabled, () =>
        page.getByRole("combobox", { name: "Status" }).selectOption("disabled"),
      );
      await page.getByRole("combobox", { name: "Status" }).selectOption("");
      await paintedWhen(page, "workflow-row", all);
      const searchMs = await timed(page, "workflow-row", searched, () =>
        page.getByRole("searchbox", { name: "Search workflows" }).fill("Watcher 01"),
      );
      const runsMs = await timed(page, "run-row", undefined, () =>
        page.getByRole("navigation").getByRole("link", { name: "Runs" }).click(),
      );
      if (r === 0) continue; // the warm-up round
      cold.push(coldAt);
      open.push(openMs);
      byStatus.push(statusMs);
      bySearch.push(searchMs);
      runsOpen.push(runsMs);
    }
    await context.close();
    return {
      publishedFlows: flowCount,
      runs: runCount,
      rounds,
      coldLoadToRowsMedianMs: round(median(cold), 0),
      openFromNavigationMedianMs: round(median(open), 0),
      filterByStatusMedianMs: round(median(byStatus), 0),
      searchIncludingTypingPauseMedianMs: round(median(bySearch), 0),
      runsPageOpenMedianMs: round(median(runsOpen), 0),
      goal: "open and filter under 200 ms",
    };
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Times `act` in the page: from the first click, input or change it causes (captured before any of
 * the page's own handlers) to the frame that paints the expected rows.
 */
async function timed(
  page: Page,
  testId: string,
  expected: { name: string; rows: number } | undefined,
  act: () => Promise<unknown>,
): Promise<number> {
  await page.evaluate(() => {
    const w = globalThis as unknown as {
      __actedAt?: number;
      document: { addEventListener(type: string, listener: () => void, capture: boolean): void };
    };
    w.__actedAt = undefined;
    const mark = () => {
      w.__actedAt ??= performance.now();
    };
    for (const type of ["click", "input", "change"]) w.document.addEventListener(type, mark, true);
  });
  await act();
  const paintedAt = await paintedWhen(page, testId, expected);
  const actedAt = await page.evaluate(
    () => (globalThis as unknown as { __actedAt?: number }).__actedAt ?? Number.NaN,
  );
  return paintedAt - actedAt;
}

/**
 * The time (performance.now()) of the first animation frame at which the page shows `expected`
 * rows (the first named as expected), or any row when nothing is expected.
 */
async function paintedWhen(
  page: Page,
  testId: string,
  expected: { name: string; rows: number } | undefined,
): Promise<number> {
  return page.evaluate(
    ({ testId, expected }) =>
      new Promise<number>((resolve, reject) => {
        const w = globalThis as unknown as {
          document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
          requestAnimationFrame(callback: (now: number) => void): number;
        };
        const deadline = performance.now() + 30_000;
        const check = () => {
          const rows = w.document.querySelectorAll(`[data-testid="${testId}"]`);
          const ready = expected
            ? rows.length === expected.rows && (rows[0]?.textContent ?? "").includes(expected.name)
            : rows.length > 0;
          if (ready) {
            // The rows are in the DOM: the next frame paints them.
            w.requestAnimationFrame((now) => resolve(now));
          } else if (performance.now() > deadline) {
            reject(new Error(`the ${testId}s did not show: ${rows.length} on screen`));
          } else {
            w.requestAnimationFrame(check);
          }
        };
        check();
      }),
    { testId, expected },
  );
}
