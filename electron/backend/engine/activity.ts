// What the engine is doing right now: work in flight (for idle() and the VirtualClock's settle
// hook), and which runs only wait (their journal status becomes Waiting, so that a restart arms
// their waits without loading them).
import type { Journal } from "./journal";
import type { RunExecution } from "./run-state";
import type { EngineEvent } from "./types";

export class Activity {
  /** Steps executed since the event loop last turned: long synchronous bursts yield. */
  burst = 0;
  private busy = 0;
  /** Work for the next turn, run by one immediate: a burst of 2,000 starts makes one, not 2,000. */
  private later: (() => void)[] = [];
  private laterScheduled = false;
  private idleWaiters: (() => void)[] = [];
  private readonly dirtyRuns = new Set<RunExecution>();
  /** Events that say a run waits: emitted with the commit that holds the run's settled status. */
  private settledEvents: EngineEvent[] = [];
  private journal: Journal | undefined;

  constructor(private readonly stopped: () => boolean) {}

  attach(journal: Journal): void {
    this.journal = journal;
  }

  /** Runs fn on a later turn of the event loop, counted as work in flight until it has run. */
  soon(fn: () => void): void {
    this.busy++;
    this.later.push(fn);
    if (this.laterScheduled) return;
    this.laterScheduled = true;
    setImmediate(this.runLater);
  }

  /**
   * Runs the work queued for this turn, in order, as one batch of the journal (runs that end in it
   * are written at once and committed when it is done); work queued meanwhile waits for the next turn.
   */
  private readonly runLater = (): void => {
    const queue = this.later;
    this.later = [];
    this.laterScheduled = false;
    if (this.journal) this.journal.batch(() => this.runAll(queue));
    else this.runAll(queue);
  };

  private runAll(queue: readonly (() => void)[]): void {
    for (let i = 0; i < queue.length; i++) {
      this.burst = 0;
      try {
        if (!this.stopped()) (queue[i] as () => void)();
      } catch (error) {
        // What has not run yet still runs, on the next turn, before anything queued after it.
        this.later = queue.slice(i + 1).concat(this.later);
        if (!this.laterScheduled && this.later.length > 0) {
          this.laterScheduled = true;
          setImmediate(this.runLater);
        }
        throw error;
      } finally {
        this.release();
      }
    }
  }

  /** A leaf step (connector call, wait) starts executing. */
  leafStarted(run: RunExecution): void {
    if (run.stopped) return;
    run.activeLeaves++;
    this.busy++;
    this.dirtyRuns.add(run);
  }

  leafEnded(run: RunExecution): void {
    if (run.stopped) return;
    run.activeLeaves--;
    this.dirtyRuns.add(run);
    this.release();
  }

  /** The leaf now only waits for a wait to end: not work in flight. */
  leafWaiting(run: RunExecution): void {
    if (run.stopped) return;
    run.waitingLeaves++;
    this.dirtyRuns.add(run);
    this.release();
  }

  leafResumed(run: RunExecution): void {
    if (run.stopped) return;
    run.waitingLeaves--;
    this.busy++;
    if (run.status === "Waiting") {
      // In the same commit as what the resumed step does next.
      run.status = "Running";
      this.journal?.setRunStatus(run.id, "Running");
    }
    this.dirtyRuns.add(run);
  }

  /** A run ended with leaves still counted as in flight. */
  runEnded(run: RunExecution): void {
    const outstanding = run.activeLeaves - run.waitingLeaves;
    run.activeLeaves = 0;
    run.waitingLeaves = 0;
    this.dirtyRuns.delete(run);
    for (let i = 0; i < outstanding; i++) this.release();
  }

  /**
   * An event to emit once the run's status has settled at the end of this turn: a listener that
   * reads the run on "run.waiting" finds it Waiting, not the Running of the commit that stored the wait.
   */
  afterSettle(event: EngineEvent): void {
    this.settledEvents.push(event);
  }

  /** End of a turn (microtasks settled): a run whose every executing leaf waits is Waiting. */
  settleRunStatuses(): void {
    for (const run of this.dirtyRuns) {
      if (run.stopped) continue;
      const waiting = run.activeLeaves > 0 && run.activeLeaves === run.waitingLeaves;
      if (waiting && run.status === "Running") {
        run.status = "Waiting";
        this.journal?.setRunStatus(run.id, "Waiting");
      } else if (!waiting && run.status === "Waiting") {
        run.status = "Running";
        this.journal?.setRunStatus(run.id, "Running");
      }
    }
    this.dirtyRuns.clear();
    const events = this.settledEvents;
    this.settledEvents = [];
    for (const event of events) this.journal?.event(event);
  }

  get quiet(): boolean {
    return this.busy <= 0 && !this.journal?.pending;
  }

  /** Wakes idle() to look again (work ended, a commit landed, the engine stopped). */
  notifyProgress(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  async idle(): Promise<void> {
    for (;;) {
      // Microtasks run first: a step that just ended has started its followers by then.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.quiet || this.stopped()) return;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  reset(): void {
    this.busy = 0;
    this.later = [];
    this.dirtyRuns.clear();
    this.settledEvents = [];
    this.notifyProgress();
  }

  private release(): void {
    this.busy--;
    if (this.busy <= 0) this.notifyProgress();
  }
}
