// The Wait action: a durable delay. Its end is a row in run_waits with a resume time, armed on the
// Clock; a restart re-arms it, and a time already past ends the wait at once. A limit.timeout shorter
// than the delay ends the step as TimedOut when it passes (timeout.ts).
import { evaluateValue } from "../../../../shared/expr";
import type { WdlWaitAction } from "../../../../shared/flow";
import { isJsonObject, type JsonValue } from "../../../../shared/json";
import type { StepContext } from "../core";
import { addDuration, intervalDuration } from "../durations";
import { StepError } from "../errors";
import type { FinalStatus } from "../status";
import { armTimeout, stepTimeout, timedOutError } from "./timeout";

function resumeTime(sc: StepContext, inputs: JsonValue): number {
  const fields = isJsonObject(inputs) ? inputs : {};
  if (isJsonObject(fields.until)) {
    const timestamp = fields.until.timestamp;
    const at = typeof timestamp === "string" ? Date.parse(timestamp) : Number.NaN;
    if (Number.isNaN(at)) {
      throw new StepError("InvalidInput", `The timestamp of '${sc.name}' is not a date and time (ISO 8601).`);
    }
    return at;
  }
  if (isJsonObject(fields.interval)) {
    const count = Number(fields.interval.count);
    const unit = String(fields.interval.unit ?? "");
    const duration = Number.isFinite(count) && count >= 0 ? intervalDuration(count, unit) : undefined;
    if (!duration) {
      throw new StepError(
        "InvalidInput",
        `The interval of '${sc.name}' needs a count of 0 or more and a unit (Second, Minute, Hour, Day, Week, Month).`,
      );
    }
    return addDuration(sc.core.now(), duration);
  }
  throw new StepError("InvalidInput", `Wait '${sc.name}' needs an interval or an until timestamp.`);
}

export async function runWait(sc: StepContext): Promise<FinalStatus> {
  const { core, run } = sc;
  const timeout = stepTimeout(sc);
  if (sc.prev?.status === "Waiting") {
    core.resumeInFlight(sc, sc.prev, true);
  } else {
    const inputs = evaluateValue(
      ((sc.action as WdlWaitAction).inputs ?? {}) as JsonValue,
      run.contextFor(sc.frame),
    );
    const at = resumeTime(sc, inputs);
    core.beginStep(sc, { leaf: true, status: "Waiting", inputs });
    core.addWait(sc, 1, "delay", {
      resumeAt: at,
      description: `Waiting until ${new Date(at).toISOString()}`,
    });
    // A timeout that cannot come before the delay's end changes nothing: no row for it.
    const startedAt = core.now();
    if (timeout && startedAt + timeout.ms < at) armTimeout(sc, timeout, startedAt);
  }
  core.leafStarted(run);
  try {
    if (!core.existingWait(sc, "delay") && !run.resolutions.has(sc.key)) {
      // Journaled as waiting but its wait is gone: it had ended; finish the step.
      core.removeWaits(sc);
      return core.completeStep(sc, { status: "Succeeded" });
    }
    const resolution = await core.awaitStep(sc);
    if (run.stopped) return "Cancelled";
    core.removeWaits(sc);
    if (timeout && resolution.kind === "time" && resolution.waitKind === "timeout") {
      return core.completeStep(sc, { status: "TimedOut", error: timedOutError(sc, timeout) });
    }
    return core.completeStep(sc, { status: "Succeeded" });
  } finally {
    core.leafEnded(run);
  }
}
