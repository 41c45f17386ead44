// Time for the engine and the sandbox: the system clock in normal use, a virtual one in tests and
// sandbox simulations, where "advance by 3 days" fires every timer due in those days at once.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls fn once the clock reaches `at` (at once, asynchronously, when `at` is past). Returns a cancel function. */
  setTimer(at: number, fn: () => void): () => void;
}

/** Node's timers cap at about 24.8 days; longer waits are re-armed in steps. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(at: number, fn: () => void): () => void {
    let handle: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const arm = () => {
      const delay = Math.max(0, at - Date.now());
      handle = setTimeout(
        () => {
          if (cancelled) return;
          if (Date.now() >= at) fn();
          else arm();
        },
        Math.min(delay, MAX_TIMEOUT_MS),
      );
    };
    arm();
    return () => {
      cancelled = true;
      clearTimeout(handle);
    };
  }
}

interface VirtualTimer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A clock that moves only when told. Timers fire in time order as the clock passes them, each at
 * its own instant (now() inside a timer callback returns that timer's time).
 */
export class VirtualClock implements Clock {
  private current: number;
  private timers: VirtualTimer[] = [];
  private nextId = 1;

  constructor(start: number | Date = Date.UTC(2026, 0, 5, 8, 0, 0)) {
    this.current = typeof start === "number" ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimer(at: number, fn: () => void): () => void {
    const timer = { id: this.nextId++, at, fn };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    // Timers already due fire on the next advance, never synchronously inside setTimer.
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** The time of the earliest pending timer, if any. */
  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Moves the clock to `target`, firing every timer due on the way, in order. Callbacks may set
   * new timers; those due before `target` fire too. `settle` runs after each timer (an engine
   * waits there for the work the timer started), so that the next timer sees its effects.
   */
  async advanceTo(target: number, settle: () => Promise<void> = async () => {}): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      next.fn();
      fired++;
      await settle();
    }
    this.current = Math.max(this.current, target);
    return fired;
  }

  advanceBy(ms: number, settle?: () => Promise<void>): Promise<number> {
    return this.advanceTo(this.current + ms, settle);
  }

  /** Jumps to the next pending timer and fires it (and any due at the same instant). */
  async advanceToNext(settle?: () => Promise<void>): Promise<number> {
    const next = this.nextTimerAt();
    return next === undefined ? 0 : this.advanceTo(next, settle);
  }
}

/**
 * The app's clock: real time, plus an offset the person can push forward from the sandbox ("advance
 * by 3 days", "advance to the next wait"). Timers fire on real time as usual; an advance fires at
 * once, in order, every timer it jumps over. The offset only grows while the simulation runs; the
 * one step back is returnToRealTime(), which drops it.
 */
export class SimulationClock implements Clock {
  private offset: number;
  private timers: VirtualTimer[] = [];
  private nextId = 1;
  private armed: ReturnType<typeof setTimeout> | undefined;

  constructor(
    offsetMs = 0,
    private readonly onOffsetChange: (offsetMs: number) => void = () => {},
  ) {
    this.offset = offsetMs;
  }

  now(): number {
    return Date.now() + this.offset;
  }

  get offsetMs(): number {
    return this.offset;
  }

  setTimer(at: number, fn: () => void): () => void {
    const timer = { id: this.nextId++, at, fn };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
    this.arm();
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
      this.arm();
    };
  }

  nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  /**
   * Drops the offset: now() is the computer's time again. Every timer keeps the instant it was set
   * for (the engine and the schedules keep those instants in their rows too, so a restart agrees):
   * a wait set while the clock ran ahead fires once real time reaches it, or at once when an advance
   * passes it; one already due fires at once.
   */
  returnToRealTime(): void {
    if (this.offset !== 0) {
      this.offset = 0;
      this.onOffsetChange(0);
    }
    this.arm();
  }

  /** Moves the clock forward and fires the timers due; `settle` runs after each (see VirtualClock). */
  async advanceBy(ms: number, settle: () => Promise<void> = async () => {}): Promise<number> {
    if (ms <= 0) return 0;
    this.offset += ms;
    this.onOffsetChange(this.offset);
    return this.fireDue(settle);
  }

  async advanceToNext(settle?: () => Promise<void>): Promise<number> {
    const next = this.nextTimerAt();
    if (next === undefined) return 0;
    return this.advanceBy(Math.max(0, next - this.now()), settle);
  }

  private async fireDue(settle: () => Promise<void> = async () => {}): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.timers[0];
      if (!next || next.at > this.now()) break;
      this.timers.shift();
      next.fn();
      fired++;
      await settle();
    }
    this.arm();
    return fired;
  }

  /** One real timer, for the earliest pending one. */
  private arm(): void {
    clearTimeout(this.armed);
    const next = this.timers[0];
    if (!next) return;
    const delay = Math.min(Math.max(0, next.at - this.now()), MAX_TIMEOUT_MS);
    this.armed = setTimeout(() => void this.fireDue(), delay);
    this.armed.unref?.();
  }

  dispose(): void {
    clearTimeout(this.armed);
    this.timers = [];
  }
}
