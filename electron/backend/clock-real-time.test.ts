// Sandbox → Simulation → Back to real time, through the contract: the offset goes (also after a
// restart), and a delay armed while the clock ran ahead keeps the instant it was set for.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backend } from "./app";
import { startDraftRun, tempDir, testBackend } from "./test-support";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pause = { Pause: { type: "Wait", inputs: { interval: { count: 1, unit: "Hour" } }, runAfter: {} } };

let dataDir: string;
let backend: Backend;
beforeEach(() => {
  dataDir = tempDir();
  backend = testBackend(dataDir);
});
afterEach(() => backend.close());

interface ClockState {
  now: string;
  offsetMs: number;
  nextWaitAt: string | null;
}

async function call(method: Parameters<Backend["dispatch"]>[0], input: unknown): Promise<ClockState> {
  const answer = await backend.dispatch(method, input);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as ClockState;
}

describe("sandbox.clock.realTime", () => {
  it("drops the lead: now is the computer's time again, also after a restart", async () => {
    await call("sandbox.clock.advance", { byMs: 3 * DAY });
    const before = Date.now();
    const state = await call("sandbox.clock.realTime", {});
    expect(state.offsetMs).toBe(0);
    expect(Date.parse(state.now)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(state.now)).toBeLessThanOrEqual(Date.now() + 1000);
    backend.close();
    backend = testBackend(dataDir);
    expect((await call("sandbox.clock.get", {})).offsetMs).toBe(0);
  });

  it("keeps a delay armed ahead due at its simulated time; advancing to the next wait fires it", async () => {
    await call("sandbox.clock.advance", { byMs: 2 * DAY });
    const runId = await startDraftRun(backend, pause, "Pause an hour");
    const { nextWaitAt } = await call("sandbox.clock.get", {});
    expect(nextWaitAt).not.toBeNull();

    const back = await call("sandbox.clock.realTime", {});
    // The wait did not move and did not fire: it is now two days and an hour away in real time.
    expect(back.nextWaitAt).toBe(nextWaitAt);
    expect(Date.parse(nextWaitAt ?? "") - Date.parse(back.now)).toBeGreaterThan(2 * DAY);
    expect(backend.engine.getRunSummary(runId)?.status).toBe("Waiting");

    const advanced = await backend.dispatch("sandbox.clock.advance", { toNextWait: true });
    expect(advanced.ok && (advanced.value as { fired: number }).fired).toBe(1);
    expect(backend.engine.getRunSummary(runId)?.status).toBe("Succeeded");
  });

  it("refuses input it does not take", async () => {
    const answer = await backend.dispatch("sandbox.clock.realTime", { offsetMs: 0 });
    expect(answer.ok).toBe(false);
  });
});
