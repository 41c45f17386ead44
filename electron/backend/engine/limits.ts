// The limits a run works within, each failing with an error that says which limit and which step.

export interface EngineLimits {
  /** Step starts per run (every attempt and every container counts; skips do not). */
  maxStepsPerRun: number;
  /** Items a Foreach may iterate over. */
  maxForeachItems: number;
  /** Parallel iterations of a Foreach (runtimeConfiguration.concurrency.repetitions is clamped to it). */
  maxForeachConcurrency: number;
  /** Until limit.count may not exceed it. */
  maxUntilCount: number;
  /** A run that has not finished this long after it started fails. */
  maxRunDurationMs: number;
  /** The largest value (inputs, outputs, variable, trigger outputs) as JSON text, in characters. */
  maxPayloadChars: number;
  /** Retries a fixed or exponential policy may ask for. */
  maxRetryCount: number;
}

export const DEFAULT_LIMITS: EngineLimits = {
  maxStepsPerRun: 100_000,
  maxForeachItems: 100_000,
  maxForeachConcurrency: 50,
  maxUntilCount: 5_000,
  maxRunDurationMs: 30 * 24 * 3600 * 1000,
  maxPayloadChars: 100 * 1024 * 1024,
  maxRetryCount: 90,
};

/** Until without limit.count runs at most 60 times; without limit.timeout, at most one hour. */
export const UNTIL_DEFAULT_COUNT = 60;
export const UNTIL_DEFAULT_TIMEOUT = "PT1H";

export function describeSize(chars: number): string {
  if (chars >= 1024 * 1024) return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  if (chars >= 1024) return `${(chars / 1024).toFixed(1)} KB`;
  return `${chars} bytes`;
}
