// The sandbox's own "now": flows run on a simulated clock that the Simulation page moves ahead, and
// what the sandbox's apps show ("2 days ago") counts from it, not from the computer's clock.
import { useEffect, useState } from "react";
import { create } from "zustand";
import { api } from "../api/client";

interface SandboxClockState {
  /** How far the simulated clock runs ahead of real time, in milliseconds. */
  offsetMs: number;
  setOffset(offsetMs: number): void;
  /** Reads the clock again (it moves when anyone advances it). */
  load(): Promise<void>;
}

export const useSandboxClock = create<SandboxClockState>((set) => ({
  offsetMs: 0,
  setOffset(offsetMs) {
    set({ offsetMs });
  },
  async load() {
    try {
      const clock = await api.call("sandbox.clock.get", {});
      set({ offsetMs: clock.offsetMs });
    } catch {
      // Keep the last known lead: times read a little off until the next read.
    }
  },
}));

/** The simulated time for a real time. */
export function sandboxTime(realNow: number, offsetMs: number): number {
  return realNow + offsetMs;
}

const TICK_MS = 30_000;

/**
 * The sandbox's now, in milliseconds, for relative times ("5 minutes ago"): read from the clock when
 * the page opens, and moving on every 30 seconds so the words keep up.
 */
export function useSandboxNow(): number {
  const offsetMs = useSandboxClock((s) => s.offsetMs);
  const [realNow, setRealNow] = useState(() => Date.now());
  useEffect(() => {
    void useSandboxClock.getState().load();
    const timer = setInterval(() => setRealNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return sandboxTime(realNow, offsetMs);
}
