// A step's timeout (limit.timeout): a duration the engine can read, on a step that can take time.
// The engine fails a step whose timeout is not a duration, and ignores one on a step that finishes
// at once or on a container (shared/flow timeouts.ts says which steps time out).

import { isIsoDuration, SCOPE_TYPES, timeoutUse } from "../../flow";
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const FIELD = "limit/timeout";
const CONTAINERS = new Set<string>(SCOPE_TYPES);

export const timeoutSetting: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    const limit = step.object.limit;
    if (!isJsonObject(limit) || limit.timeout === undefined || limit.timeout === null) continue;
    const timeout = limit.timeout;
    const use = timeoutUse(step.type);
    if (use === "none" && step.knownType) {
      report({
        rule: "timeout-no-effect",
        step,
        field: FIELD,
        message: CONTAINERS.has(step.type)
          ? `The timeout of ${stepLabel(step)} has no effect: Flowsmith does not time out a container as a whole. Set the timeout on the steps inside it that wait, such as an approval.`
          : `The timeout of ${stepLabel(step)} has no effect: the step finishes at once. Only steps that wait (connector calls, approvals, Wait) time out.`,
        fix: { label: "Remove the timeout", edit: { kind: "remove-timeout", action: step.name } },
      });
      continue;
    }
    // An expression is read when the step runs.
    if (typeof timeout === "string" && (timeout.startsWith("@") || isIsoDuration(timeout))) continue;
    report({
      rule: "timeout-invalid",
      step,
      field: FIELD,
      message: `The timeout of ${stepLabel(step)} must be an ISO 8601 duration such as PT1H (an hour) or P3D (three days); it is ${JSON.stringify(timeout)}.`,
      fix: { label: "Write a duration such as PT1H" },
    });
  }
};
