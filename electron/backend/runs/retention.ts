// Run history retention: ended runs older than the days the person chose in Settings leave the
// journal, as Power Automate keeps 28 days of run history. A purge goes in batches of small
// transactions with a pause between them, so a year of runs never holds the app up; it runs soon
// after start, every hour while the app is open, and when the setting changes.
import type { Engine } from "../engine";
import type { Sandbox } from "../sandbox";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Runs deleted per transaction: short enough that flows and the UI never wait on it. */
const BATCH = 500;

export interface RetentionDeps {
  engine: Pick<Engine, "deleteEndedRuns" | "dropUnreferenced">;
  sandbox: Pick<Sandbox, "forgetRuns">;
  /** The clock runs are stamped with (the sandbox's simulation clock). */
  now: () => number;
  /** The setting: days to keep ended runs, or null to keep them all. */
  days: () => number | null;
  /** After a purge that deleted runs. */
  onDeleted?: (count: number) => void;
  log?: (message: string) => void;
}

export class RunRetention {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly deps: RetentionDeps) {}

  /** Purges once after `firstDelayMs`, then every hour. */
  start(firstDelayMs = 5_000): void {
    this.stopped = false;
    this.schedule(firstDelayMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Deletes every ended run past the retention; resolves with how many. A purge asked for while
   * one is under way runs once more after it (the setting may have changed in between).
   */
  purge(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.purgeAll().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.purge();
      }
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.purge().finally(() => {
        if (!this.stopped) this.schedule(HOUR_MS);
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async purgeAll(): Promise<number> {
    const days = this.deps.days();
    if (days === null) return 0;
    const cutoff = this.deps.now() - days * DAY_MS;
    let deleted = 0;
    try {
      for (;;) {
        if (this.stopped) break;
        const runIds = this.deps.engine.deleteEndedRuns(cutoff, BATCH);
        if (runIds.length === 0) break;
        this.deps.sandbox.forgetRuns(runIds);
        deleted += runIds.length;
        if (runIds.length < BATCH) break;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (deleted > 0 && !this.stopped) this.deps.engine.dropUnreferenced(cutoff);
    } catch (error) {
      // A purge that fails leaves history as it was (each batch is one transaction); try next hour.
      this.deps.log?.(`Run history could not be trimmed: ${(error as Error).message}`);
    }
    if (deleted > 0) {
      this.deps.log?.(`Run history: ${deleted} run(s) that ended more than ${days} days ago were deleted.`);
      this.deps.onDeleted?.(deleted);
    }
    return deleted;
  }
}
