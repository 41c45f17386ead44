// A step with its static result turned on (Power Automate's testing aid) does not run: it ends at
// once with the status, outputs and error the flow keeps for it. A setting that names a missing
// result fails the step with that said, rather than calling the service.
import { type StaticResultUse, staticResultOf } from "../../../../shared/flow";
import type { StepContext } from "../core";
import type { FinalStatus } from "../status";

/** A static result the step must end with: turned on, or turned on but set up wrongly. */
type InUse = Extract<StaticResultUse, { kind: "enabled" | "broken" }>;

/** The step's static result when one is turned on (or set up wrongly); undefined: run the step. */
export function staticResultFor(sc: StepContext): InUse | undefined {
  if (sc.action.runtimeConfiguration === undefined) return undefined;
  const use = staticResultOf(sc.run.definition, sc.action);
  return use.kind === "enabled" || use.kind === "broken" ? use : undefined;
}

export function runStaticResult(sc: StepContext, use: InUse): FinalStatus {
  if (use.kind === "broken") {
    return sc.core.completeStep(sc, {
      status: "Failed",
      error: {
        code: "InvalidStaticResult",
        message: `The static result of step '${sc.name}' cannot be used: ${use.problem}.`,
      },
    });
  }
  const { status, outputs, error } = use.result;
  return sc.core.completeStep(sc, {
    status,
    ...(outputs !== undefined ? { outputs } : {}),
    error:
      error ??
      (status === "Failed" || status === "TimedOut"
        ? { code: "StaticResult", message: `The step '${sc.name}' returned its static result: ${status}.` }
        : null),
    code:
      status === "Succeeded"
        ? "OK"
        : status === "Skipped"
          ? "ActionSkipped"
          : status === "TimedOut"
            ? "ActionTimedOut"
            : "StaticResult",
  });
}
