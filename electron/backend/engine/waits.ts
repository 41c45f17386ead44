// Every pending wait of every run, in memory: tokens by value, and timed waits (delays, retries,
// timeouts, run deadlines) in one heap behind a single Clock timer. The rows live in run_waits; this
// registry is rebuilt from them on start, which is what "re-arming" costs.
import type { Clock } from "../clock";
import { MinHeap } from "./heap";
import type { WaitKind } from "./types";

export interface ArmedWait {
  id: string;
  runId: string;
  iteration: string;
  action: string;
  attempt: number;
  kind: WaitKind;
  token: string | null;
  resumeAt: number | null;
  active: boolean;
}

/** A timer entry: a timed wait, or the moment a run exceeds its maximum duration. */
export type Due = { at: number; wait: ArmedWait } | { at: number; deadline: RunDeadline };

export interface RunDeadline {
  runId: string;
  active: boolean;
}

export class WaitRegistry {
  private readonly byId = new Map<string, ArmedWait>();
  private readonly byToken = new Map<string, ArmedWait>();
  private readonly byRun = new Map<string, Set<ArmedWait>>();
  private readonly deadlines = new Map<string, RunDeadline>();
  private readonly heap = new MinHeap<Due>((a, b) => a.at < b.at);
  private armedAt: number | undefined;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    /** Called for every entry that is due, outside the Clock's callback stack when it was already due. */
    private readonly onDue: (due: Due) => void,
    /** Runs a callback soon (the engine counts it as pending work). */
    private readonly soon: (fn: () => void) => void,
  ) {}

  get size(): number {
    return this.byId.size;
  }

  add(wait: ArmedWait): void {
    const previous = this.byId.get(wait.id);
    if (previous) this.remove(previous.id);
    this.index(wait);
    if (wait.resumeAt !== null) this.schedule({ at: wait.resumeAt, wait });
  }

  /** Adds many at once (recovery): one heap build, one timer. */
  addAll(waits: Iterable<ArmedWait>): void {
    for (const wait of waits) {
      this.index(wait);
      if (wait.resumeAt !== null) this.heap.push({ at: wait.resumeAt, wait });
    }
    this.fireDueNow();
    this.rearm();
  }

  /** Makes a wait findable by id, token and run. */
  private index(wait: ArmedWait): void {
    this.byId.set(wait.id, wait);
    if (wait.token !== null) this.byToken.set(wait.token, wait);
    let set = this.byRun.get(wait.runId);
    if (!set) {
      set = new Set();
      this.byRun.set(wait.runId, set);
    }
    set.add(wait);
  }

  get(id: string): ArmedWait | undefined {
    return this.byId.get(id);
  }

  byTokenValue(token: string): ArmedWait | undefined {
    return this.byToken.get(token);
  }

  /** Whether any wait or deadline of the run is armed (most runs end without one). */
  holds(runId: string): boolean {
    return this.byRun.has(runId) || this.deadlines.has(runId);
  }

  ofRun(runId: string): ArmedWait[] {
    return [...(this.byRun.get(runId) ?? [])];
  }

  remove(id: string): void {
    const wait = this.byId.get(id);
    if (!wait) return;
    wait.active = false;
    this.byId.delete(id);
    if (wait.token !== null && this.byToken.get(wait.token) === wait) this.byToken.delete(wait.token);
    const set = this.byRun.get(wait.runId);
    set?.delete(wait);
    if (set && set.size === 0) this.byRun.delete(wait.runId);
    // Its heap entry stays and is dropped when it surfaces.
  }

  removeRun(runId: string): void {
    for (const wait of this.ofRun(runId)) this.remove(wait.id);
    this.removeDeadline(runId);
    // The clock's timer may be for one of them: arm it for the next live wait (the sandbox shows it
    // as "next wait", and advancing to it must not stop at a cancelled run's delay).
    this.rearm();
  }

  hasDeadline(runId: string): boolean {
    return this.deadlines.has(runId);
  }

  addDeadline(runId: string, at: number): void {
    if (this.deadlines.has(runId)) return;
    const deadline = { runId, active: true };
    this.deadlines.set(runId, deadline);
    this.schedule({ at, deadline });
  }

  removeDeadline(runId: string): void {
    const deadline = this.deadlines.get(runId);
    if (!deadline) return;
    deadline.active = false;
    this.deadlines.delete(runId);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.armedAt = undefined;
  }

  private schedule(due: Due): void {
    if (due.at <= this.clock.now()) {
      // Already due: a virtual clock would only fire it on its next advance.
      this.soon(() => this.deliver(due));
      return;
    }
    this.heap.push(due);
    this.rearm();
  }

  private deliver(due: Due): void {
    if (this.stopped || !isLive(due)) return;
    if ("deadline" in due && this.deadlines.get(due.deadline.runId) === due.deadline) {
      this.deadlines.delete(due.deadline.runId);
    }
    this.onDue(due);
  }

  private fireDueNow(): void {
    const now = this.clock.now();
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.at > now) break;
      this.heap.pop();
      if (isLive(top)) this.soon(() => this.deliver(top));
    }
  }

  private rearm(): void {
    if (this.stopped) return;
    let top = this.heap.peek();
    while (top && !isLive(top)) {
      this.heap.pop();
      top = this.heap.peek();
    }
    if (!top) {
      this.cancelTimer?.();
      this.cancelTimer = undefined;
      this.armedAt = undefined;
      return;
    }
    if (this.armedAt === top.at) return;
    this.cancelTimer?.();
    this.armedAt = top.at;
    this.cancelTimer = this.clock.setTimer(top.at, () => this.fire());
  }

  private fire(): void {
    this.cancelTimer = undefined;
    this.armedAt = undefined;
    if (this.stopped) return;
    const now = this.clock.now();
    const due: Due[] = [];
    for (;;) {
      const top = this.heap.peek();
      if (!top || top.at > now) break;
      this.heap.pop();
      if (isLive(top)) due.push(top);
    }
    this.rearm();
    for (const entry of due) this.deliver(entry);
  }
}

function isLive(due: Due): boolean {
  return "wait" in due ? due.wait.active : due.deadline.active;
}
