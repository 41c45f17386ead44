// A trigger's concurrency control (runtimeConfiguration.concurrency): how many runs of the flow at
// once, and how many may wait for a slot. The engine queues by it; the designer and the run page
// show it.
import { isJsonObject } from "../json";
import type { WdlDefinition } from "./types";

export interface ConcurrencyLimit {
  /** Runs of the flow at once. */
  runs: number;
  /** Runs that may wait for a slot. */
  waiting: number;
}

/** Waiting runs allowed when the trigger does not say (maximumWaitingRuns). */
export const DEFAULT_MAX_WAITING_RUNS = 100;

/** The trigger's concurrency limit, or undefined when its runs are not limited. */
export function concurrencyOf(definition: WdlDefinition, triggerName: string): ConcurrencyLimit | undefined {
  const trigger = definition.triggers?.[triggerName];
  const config = trigger?.runtimeConfiguration;
  const concurrency = isJsonObject(config) ? config.concurrency : undefined;
  if (!isJsonObject(concurrency)) return undefined;
  const runs = concurrency.runs;
  if (typeof runs !== "number" || !Number.isInteger(runs) || runs < 1) return undefined;
  const waiting = concurrency.maximumWaitingRuns;
  return {
    runs,
    waiting:
      typeof waiting === "number" && Number.isInteger(waiting) && waiting >= 0
        ? waiting
        : DEFAULT_MAX_WAITING_RUNS,
  };
}
