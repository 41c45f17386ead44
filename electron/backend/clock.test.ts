import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SimulationClock, VirtualClock } from "./clock";

describe("VirtualClock", () => {
  it("fires timers in time order as it advances, each at its own instant", async () => {
    const clock = new VirtualClock(1000);
    const fired: [string, number][] = [];
    clock.setTimer(3000, () => fired.push(["b", clock.now()]));
    clock.setTimer(2000, () => fired.push(["a", clock.now()]));
    clock.setTimer(9000, () => fired.push(["c", clock.now()]));
    expect(await clock.advanceBy(5000)).toBe(2);
    expect(fired).toEqual([
      ["a", 2000],
      ["b", 3000],
    ]);
    expect(clock.now()).toBe(6000);
    expect(await clock.advanceToNext()).toBe(1);
    expect(clock.now()).toBe(9000);
  });

  it("fires timers that a timer sets when they fall inside the advance", async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.setTimer(10, () => {
      fired.push(clock.now());
      clock.setTimer(20, () => fired.push(clock.now()));
    });
    await clock.advanceBy(100);
    expect(fired).toEqual([10, 20]);
  });

  it("cancels timers", async () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const cancel = clock.setTimer(10, () => {
      fired = true;
    });
    cancel();
    await clock.advanceBy(100);
    expect(fired).toBe(false);
  });
});

describe("SimulationClock", () => {
  it("runs on real time plus an offset that advancing pushes forward, firing what it jumps over", async () => {
    const offsets: number[] = [];
    const clock = new SimulationClock(0, (o) => offsets.push(o));
    const start = clock.now();
    const fired: string[] = [];
    clock.setTimer(start + 3 * 86_400_000, () => fired.push("in three days"));
    clock.setTimer(start + 10 * 86_400_000, () => fired.push("in ten days"));
    expect(await clock.advanceBy(4 * 86_400_000)).toBe(1);
    expect(fired).toEqual(["in three days"]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(4 * 86_400_000);
    expect(offsets).toEqual([4 * 86_400_000]);
    expect(await clock.advanceToNext()).toBe(1);
    expect(fired).toEqual(["in three days", "in ten days"]);
    clock.dispose();
  });

  it("fires due timers on real time too", async () => {
    const clock = new SimulationClock();
    const fired = await new Promise<boolean>((resolve) => {
      clock.setTimer(clock.now() + 20, () => resolve(true));
      setTimeout(() => resolve(false), 2000);
    });
    expect(fired).toBe(true);
    clock.dispose();
  });

  describe("back to real time", () => {
    const HOUR = 3_600_000;
    const DAY = 24 * HOUR;
    beforeEach(() => {
      vi.useFakeTimers({ now: Date.UTC(2026, 0, 5, 8, 0, 0) });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it("drops the offset and says so, so a restart starts on real time", async () => {
      const offsets: number[] = [];
      const clock = new SimulationClock(3 * DAY, (o) => offsets.push(o));
      clock.returnToRealTime();
      expect(clock.offsetMs).toBe(0);
      expect(clock.now()).toBe(Date.now());
      expect(offsets).toEqual([0]);
      // Already on real time: nothing to say.
      clock.returnToRealTime();
      expect(offsets).toEqual([0]);
      clock.dispose();
    });

    it("keeps a wait set while ahead due at its simulated instant: it fires when real time gets there", async () => {
      const clock = new SimulationClock(0);
      await clock.advanceBy(3 * DAY);
      const fired: number[] = [];
      const at = clock.now() + HOUR; // a one-hour delay armed three days ahead
      clock.setTimer(at, () => fired.push(Date.now()));
      clock.returnToRealTime();
      expect(clock.nextTimerAt()).toBe(at);
      await vi.advanceTimersByTimeAsync(HOUR);
      expect(fired).toEqual([]);
      await vi.advanceTimersByTimeAsync(3 * DAY);
      expect(fired).toEqual([at]);
      clock.dispose();
    });

    it("fires such a wait at once when the clock is advanced past it again", async () => {
      const clock = new SimulationClock(0);
      await clock.advanceBy(2 * DAY);
      const fired: string[] = [];
      clock.setTimer(clock.now() + HOUR, () => fired.push("delay"));
      clock.returnToRealTime();
      expect(await clock.advanceToNext()).toBe(1);
      expect(fired).toEqual(["delay"]);
      expect(clock.offsetMs).toBe(2 * DAY + HOUR);
      clock.dispose();
    });

    it("fires at once a timer already due, and times new waits from real time", async () => {
      const clock = new SimulationClock(DAY);
      const fired: string[] = [];
      clock.returnToRealTime();
      clock.setTimer(Date.now() - 1000, () => fired.push("past"));
      clock.setTimer(clock.now() + HOUR, () => fired.push("in an hour"));
      await vi.advanceTimersByTimeAsync(0);
      expect(fired).toEqual(["past"]);
      await vi.advanceTimersByTimeAsync(HOUR);
      expect(fired).toEqual(["past", "in an hour"]);
      clock.dispose();
    });
  });
});
