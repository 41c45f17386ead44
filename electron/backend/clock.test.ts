import { describe, expect, it } from "vitest";
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
});
