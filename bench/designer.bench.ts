// The designer's figures (issue 4), in headless Chromium against the built app in web mode:
// - open StressTest1000 (1,000 actions) from a cold page load to the canvas ready, against bare React
//   Flow drawing the same number of nodes and edges with no layout (goal: ratio under 1.5, median
//   under 1.5 s);
// - drag a card across that canvas for two seconds: frame times (goal: p95 under 20 ms);
// - insert a step into it: from the choice to the re-laid-out canvas (goal: under 100 ms).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { corpusFile } from "../fixtures/corpus";
import { buildCanvasModel } from "../renderer/designer/canvas/elements";
import { buildGraph, readFlowFile } from "../shared/flow";
import { median, percentile, round } from "./stats";
import { launchChromium, projectRoot, serveStatic, startWebMode } from "./support";

const READY = "flowsmith:canvas-ready";

async function buildBarePage(out: string): Promise<void> {
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(projectRoot, "bench", "bare", "main.tsx")],
    bundle: true,
    format: "esm",
    outfile: join(out, "main.js"),
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".css": "css" },
    logLevel: "error",
  });
  await build({
    entryPoints: [join(projectRoot, "node_modules", "@xyflow", "react", "dist", "style.css")],
    bundle: true,
    outfile: join(out, "style.css"),
    logLevel: "error",
  });
  writeFileSync(
    join(out, "index.html"),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/style.css"></head><body style="margin:0"><div id="root"></div><script type="module" src="/main.js"></script></body></html>',
  );
}

export async function benchDesigner(rounds = 5): Promise<Record<string, number | string>> {
  const text = corpusFile("logicapps/StressTest1000.json").text;
  const read = readFlowFile(text);
  if (!read.ok) throw new Error(read.error.message);
  const definition = read.document.definition;
  const model = buildCanvasModel(buildGraph(definition), new Set());
  const nodeCount = model.nodes.size;
  const edgeCount = model.edges.length;

  const dataDir = mkdtempSync(join(tmpdir(), "flowsmith-bench-designer-"));
  const cache = join(projectRoot, ".bench-cache", "bare");
  await buildBarePage(cache);
  const bare = await serveStatic(cache);
  const app = await startWebMode(dataDir);
  const browser = await launchChromium();
  try {
    const flow = await app.call<{ id: string }>("flows.create", {
      name: "StressTest1000",
      kind: "automated",
      definition,
    });
    const cookie = { name: `flowsmith_token_${app.port}`, value: app.token, domain: "127.0.0.1", path: "/" };
    const readyAt = async (url: string, withCookie: boolean): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
      if (withCookie) await context.addCookies([cookie]);
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, READY, {
        timeout: 60_000,
      });
      const at = await page.evaluate(
        (name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN,
        READY,
      );
      await context.close();
      return at;
    };
    const appUrl = `${app.origin}/#/flows/${flow.id}`;
    const bareUrl = `${bare.origin}/#nodes=${nodeCount}&edges=${edgeCount}`;
    // One warm-up of each, then alternate so that machine noise hits both alike.
    await readyAt(appUrl, true);
    await readyAt(bareUrl, false);
    const ours: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < rounds; i++) {
      ours.push(await readyAt(appUrl, true));
      baseline.push(await readyAt(bareUrl, false));
    }

    // Drag and insert, on the open flow.
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 } });
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, READY, {
      timeout: 60_000,
    });
    await page.waitForTimeout(500);
    const card = page.locator('[data-testid="step-card"]:not(.trigger-card)').first();
    const box = await card.boundingBox();
    if (!box) throw new Error("no card on screen to drag");
    await page.evaluate(() => {
      // In the page: typed by hand, as the benches compile without the DOM's types.
      const w = globalThis as unknown as {
        __frames: number[];
        __last: number;
        __on: boolean;
        requestAnimationFrame(callback: (now: number) => void): number;
      };
      const requestAnimationFrame = (callback: (now: number) => void) => w.requestAnimationFrame(callback);
      w.__frames = [];
      w.__on = true;
      w.__last = performance.now();
      const tick = (now: number) => {
        if (!w.__on) return;
        w.__frames.push(now - w.__last);
        w.__last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const started = Date.now();
    let step = 0;
    while (Date.now() - started < 2000) {
      step++;
      await page.mouse.move(
        box.x + box.width / 2 + Math.sin(step / 10) * 300,
        box.y + box.height / 2 + (step % 60) * 4,
        { steps: 1 },
      );
      await page.waitForTimeout(8);
    }
    const frames = await page.evaluate(() => {
      const w = globalThis as unknown as { __frames: number[]; __on: boolean };
      w.__on = false;
      return w.__frames.slice(2);
    });
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await page.waitForTimeout(800);

    const inserts: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await page.evaluate(() => performance.clearMeasures("flowsmith:edit-to-layout"));
      // A "+" on screen, away from the edges of the canvas.
      const targets = page.locator('[data-testid="drop-target"]');
      let clicked = false;
      for (let t = 0, n = await targets.count(); t < n && !clicked; t++) {
        const target = targets.nth(t);
        const at = await target.boundingBox();
        if (at && at.x > 560 && at.x < 1200 && at.y > 160 && at.y < 650) {
          await target.click();
          clicked = true;
        }
      }
      if (!clicked) throw new Error("no + on screen to insert at");
      await page.getByRole("dialog", { name: "Choose a step" }).getByRole("searchbox").fill("Compose");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        () => performance.getEntriesByName("flowsmith:edit-to-layout").length > 0,
        undefined,
        { timeout: 30_000 },
      );
      inserts.push(
        await page.evaluate(
          () => performance.getEntriesByName("flowsmith:edit-to-layout")[0]?.duration ?? Number.NaN,
        ),
      );
      await page.keyboard.press("Escape");
      await page.waitForTimeout(300);
    }
    await context.close();

    const oursMedian = median(ours);
    const baselineMedian = median(baseline);
    return {
      canvasNodes: nodeCount,
      canvasEdges: edgeCount,
      openStressTest1000MedianMs: round(oursMedian, 0),
      openBareReactFlowMedianMs: round(baselineMedian, 0),
      openRatio: round(oursMedian / baselineMedian),
      openGoal: "ratio under 1.5, median under 1500 ms",
      dragFrames: frames.length,
      dragFrameP50Ms: round(percentile(frames, 50), 1),
      dragFrameP95Ms: round(percentile(frames, 95), 1),
      dragGoal: "p95 under 20 ms",
      insertToLayoutMedianMs: round(median(inserts), 0),
      insertGoal: "under 100 ms",
    };
  } finally {
    await browser.close();
    await app.stop();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
