// A schedule (or a polling trigger's check) runs at most once a minute.
import { isJsonObject } from "../../json";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const MIN_RECURRENCE_SECONDS = 60;

export const recurrenceTooFrequent: Rule = (analysis, report) => {
  for (const trigger of analysis.triggers) {
    const recurrence = trigger.object.recurrence;
    if (!isJsonObject(recurrence)) continue;
    const { frequency, interval } = recurrence;
    if (typeof frequency !== "string" || frequency.toLowerCase() !== "second") continue;
    const n =
      typeof interval === "number" ? interval : typeof interval === "string" ? Number(interval) : Number.NaN;
    // Below 1 is out of range for any frequency: the range rule says so.
    if (!Number.isFinite(n) || n < 1 || n >= MIN_RECURRENCE_SECONDS) continue;
    report({
      rule: "recurrence-too-frequent",
      step: trigger,
      field: "recurrence/interval",
      message: `${stepLabel(trigger)} runs every ${n} second${n === 1 ? "" : "s"}; a flow can run at most once a minute.`,
      fix: {
        label: "Run it every 60 seconds",
        edit: { kind: "set-value", field: "recurrence/interval", value: MIN_RECURRENCE_SECONDS },
      },
    });
  }
};
