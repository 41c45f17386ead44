// Run after statuses are Succeeded, Failed, Skipped and TimedOut (any letter case); anything else
// never matches, and the step would wait for nothing.
import { isRunAfterStatus } from "../../flow";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const runAfterStatus: Rule = (analysis, report) => {
  for (const step of analysis.actions) {
    const runAfter = step.object.runAfter;
    if (!runAfter || typeof runAfter !== "object" || Array.isArray(runAfter)) continue;
    for (const [predecessor, statuses] of Object.entries(runAfter)) {
      if (!Array.isArray(statuses)) continue;
      for (const status of statuses) {
        if (typeof status === "string" && isRunAfterStatus(status)) continue;
        report({
          rule: "runafter-status",
          step,
          field: "runAfter",
          detail: `${predecessor}/${String(status)}`,
          message: `${stepLabel(step)} runs after ${stepLabel(predecessor)} has “${String(status)}”, which is not a status: use Succeeded, Failed, Skipped or TimedOut.`,
        });
      }
    }
  }
};
