import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottle } from "./throttle";

describe("createThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs once for a burst, at once when it has been quiet", () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 300);
    for (let i = 0; i < 10_000; i++) throttle.trigger();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs steadily during a long stream and once more after its last event", () => {
    const runs: number[] = [];
    const throttle = createThrottle(() => runs.push(Date.now()), 300);
    const start = Date.now();
    // An event every 10 ms for 3 s: about one run per 300 ms, never one per event.
    let lastEvent = start;
    for (let t = 0; t < 3005; t += 10) {
      lastEvent = Date.now();
      throttle.trigger();
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.length).toBeLessThanOrEqual(12);
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(lastEvent);
    for (let i = 1; i < runs.length; i++)
      expect((runs[i] ?? 0) - (runs[i - 1] ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it("does nothing once cancelled", () => {
    const run = vi.fn();
    const throttle = createThrottle(run, 300);
    throttle.trigger();
    throttle.cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
