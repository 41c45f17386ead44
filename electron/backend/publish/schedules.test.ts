import { describe, expect, it } from "vitest";
import { createFlow, publishWorld, runsOf, START, scheduledFlow } from "./test-support";
import { worldPerTest } from "./test-worlds";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const open = worldPerTest();

describe("scheduled flows on the clock", () => {
  it("advance one week: an hourly flow runs 168 times, a daily one 7, each on the published version", async () => {
    const w = open();
    const hourly = createFlow(w, "Hourly", "scheduled", scheduledFlow({ frequency: "Hour", interval: 1 }));
    const daily = createFlow(
      w,
      "Daily",
      "scheduled",
      scheduledFlow({
        frequency: "Day",
        interval: 1,
        timeZone: "Romance Standard Time",
        schedule: { hours: ["9"], minutes: [30] },
      }),
    );
    w.publisher.publish(hourly.id, { publishedBy: "me" });
    w.publisher.publish(daily.id, { publishedBy: "me" });
    await w.advanceBy(WEEK);
    const hourlyRuns = runsOf(w, hourly.id);
    expect(hourlyRuns).toHaveLength(168);
    expect(hourlyRuns.every((r) => r.flowVersion === 1 && r.status === "Succeeded")).toBe(true);
    expect(hourlyRuns[0]?.startedAt).toBe(new Date(START + HOUR).toISOString());
    const dailyRuns = runsOf(w, daily.id);
    expect(dailyRuns.map((r) => r.startedAt)).toEqual(
      Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2026, 0, 5 + i, 8, 30)).toISOString()),
    );
    expect(w.engine.getRun(dailyRuns[0]?.id ?? "")?.triggerOutputs).toEqual({
      headers: { "x-ms-scheduled-time": "2026-01-05T08:30:00.000Z" },
      body: { scheduledTime: "2026-01-05T08:30:00.000Z" },
    });
    expect(w.publisher.getWorkflow(daily.id)).toMatchObject({
      triggerSummary: "Every day at 09:30 (Romance Standard Time)",
      missed: { count: 0, policy: "run-once" },
    });
  });

  it("a disabled schedule does not run, and turned on again it does not catch up", async () => {
    const w = open();
    const flow = createFlow(w, "Hourly", "scheduled", scheduledFlow({ frequency: "Hour", interval: 1 }));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    await w.advanceBy(2 * HOUR);
    w.publisher.setEnabled(flow.id, false);
    await w.advanceBy(5 * HOUR);
    expect(runsOf(w, flow.id)).toHaveLength(2);
    w.publisher.setEnabled(flow.id, true);
    await w.advanceBy(HOUR);
    expect(runsOf(w, flow.id)).toHaveLength(3);
  });

  it("a new version replaces the schedule", async () => {
    const w = open();
    const flow = createFlow(w, "Ticker", "scheduled", scheduledFlow({ frequency: "Hour", interval: 1 }));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    await w.advanceBy(3 * HOUR);
    w.flows.saveDraft({
      id: flow.id,
      revision: flow.revision,
      definition: scheduledFlow({ frequency: "Minute", interval: 30 }),
    });
    w.publisher.publish(flow.id, { publishedBy: "me" });
    await w.advanceBy(3 * HOUR);
    expect(runsOf(w, flow.id).map((r) => r.flowVersion)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });
});

describe("missed occurrences after a restart", () => {
  function closedForADay(policy?: "run-once" | "skip") {
    let w = publishWorld();
    const flow = createFlow(w, "Hourly", "scheduled", scheduledFlow({ frequency: "Hour", interval: 1 }));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    if (policy) w.publisher.setMissedPolicy(flow.id, policy);
    return {
      flow,
      reopen: async () => {
        await w.advanceBy(2 * HOUR + 1);
        expect(runsOf(w, flow.id)).toHaveLength(2);
        // The app is closed at START + 2h, opened again 24 hours later.
        w = w.restart(START + 26 * HOUR + 1);
        open.replace(w);
        return w;
      },
    };
  }

  it("run-once (the default): counted, reported, and run once for the latest", async () => {
    const { flow, reopen } = closedForADay();
    const w = await reopen();
    await w.settle();
    const runs = runsOf(w, flow.id);
    expect(runs).toHaveLength(3);
    expect(w.engine.getRun(runs[2]?.id ?? "")?.triggerOutputs).toEqual({
      headers: { "x-ms-scheduled-time": new Date(START + 26 * HOUR).toISOString() },
      body: { scheduledTime: new Date(START + 26 * HOUR).toISOString(), missedOccurrences: 24 },
    });
    expect(w.publisher.getWorkflow(flow.id).missed).toEqual({
      policy: "run-once",
      count: 24,
      capped: false,
      firstAt: new Date(START + 3 * HOUR).toISOString(),
      lastAt: new Date(START + 26 * HOUR).toISOString(),
      detectedAt: new Date(START + 26 * HOUR + 1).toISOString(),
      action: "ran-once",
    });
    expect(w.logs.some((l) => l.includes("missed 24 scheduled runs"))).toBe(true);
    // And it goes on from now.
    await w.advanceBy(HOUR);
    expect(runsOf(w, flow.id)).toHaveLength(4);
  });

  it("skip: counted and reported, nothing run; a second restart without missed ones keeps the report", async () => {
    const { flow, reopen } = closedForADay("skip");
    let w = await reopen();
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(2);
    expect(w.publisher.getWorkflow(flow.id).missed).toMatchObject({
      policy: "skip",
      count: 24,
      action: "skipped",
    });
    await w.advanceBy(HOUR);
    expect(runsOf(w, flow.id)).toHaveLength(3);
    w = w.restart(w.clock.now() + 1);
    open.replace(w);
    expect(runsOf(w, flow.id)).toHaveLength(3);
    expect(w.publisher.getWorkflow(flow.id).missed).toMatchObject({ count: 24 });
  });

  it("a restart within the hour misses nothing", async () => {
    let w = open();
    const flow = createFlow(w, "Hourly", "scheduled", scheduledFlow({ frequency: "Hour", interval: 1 }));
    w.publisher.publish(flow.id, { publishedBy: "me" });
    await w.advanceBy(HOUR + 10);
    w = w.restart(START + HOUR + 20 * 60_000);
    open.replace(w);
    await w.settle();
    expect(runsOf(w, flow.id)).toHaveLength(1);
    expect(w.publisher.getWorkflow(flow.id).missed?.count).toBe(0);
    await w.advanceBy(HOUR);
    expect(runsOf(w, flow.id)).toHaveLength(2);
  });
});
