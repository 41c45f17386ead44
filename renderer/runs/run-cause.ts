// Which step a failed run's panel opens on: the step that made it fail, as its last attempt ended.
import type { StepRecord } from "../../shared/api";

type Attempt = Pick<StepRecord, "path" | "attempt" | "status" | "error">;

/** Each step's last attempt only (an earlier attempt's error was retried past), in the given order. */
export function finalAttempts<S extends Attempt>(steps: readonly S[]): S[] {
  const last = new Map<string, number>();
  for (const step of steps) last.set(step.path, Math.max(step.attempt, last.get(step.path) ?? 0));
  return steps.filter((step) => step.attempt === last.get(step.path));
}

/**
 * What made the run fail: the first step whose last attempt failed or timed out with an error of
 * its own, not a scope failing because of its contents ("ActionFailed").
 */
export function failureCause<S extends Attempt>(steps: readonly S[]): S | undefined {
  return finalAttempts(steps).find(
    (step) =>
      (step.status === "Failed" || step.status === "TimedOut") &&
      step.error !== null &&
      step.error.code !== "ActionFailed",
  );
}
