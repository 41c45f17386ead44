// A step's own timeout (limit.timeout), for the steps that can take time (shared/flow timeoutUse):
// a durable wait counted from the step's first attempt. Whichever ends first, the step's work or
// this wait, decides: when the timeout comes first, the step is TimedOut.
import { evaluateValue } from "../../../../shared/expr";
import type { StepContext } from "../core";
import { parseDurationMs } from "../durations";
import { StepError } from "../errors";
import type { ErrorInfo } from "../types";

export interface StepTimeout {
  /** As written (after expressions): "PT1H". */
  text: string;
  ms: number;
}

/** The step's timeout, or undefined without one; an unreadable duration fails the step. */
export function stepTimeout(sc: StepContext): StepTimeout | undefined {
  const written = sc.action.limit?.timeout;
  if (written === undefined) return undefined;
  const text = evaluateValue(written, sc.run.contextFor(sc.frame));
  const ms = typeof text === "string" ? parseDurationMs(text) : undefined;
  if (typeof text !== "string" || ms === undefined) {
    throw new StepError(
      "InvalidInput",
      `The timeout of step '${sc.name}' must be an ISO 8601 duration such as PT1H.`,
    );
  }
  return { text, ms };
}

/** Journals the timeout's wait unless a restart found it already there. */
export function armTimeout(sc: StepContext, timeout: StepTimeout, firstStartedAt: number): void {
  if (sc.core.existingWait(sc, "timeout")) return;
  const at = firstStartedAt + timeout.ms;
  sc.core.addWait(sc, 1, "timeout", {
    resumeAt: at,
    description: `Times out at ${new Date(at).toISOString()}`,
  });
}

export function timedOutError(sc: StepContext, timeout: StepTimeout): ErrorInfo {
  return {
    code: "ActionTimedOut",
    message: `The step '${sc.name}' did not finish within its timeout of ${timeout.text}.`,
  };
}
