// A trigger that reports its items in a batch (Outlook's mail triggers: { value: [emails] }) is
// written with splitOn, so that each item starts its own run and the trigger's outputs (Subject,
// From…) are that item's. Without it one run gets the whole batch and those outputs are empty.
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const triggerSplitOn: Rule = (analysis, report) => {
  for (const trigger of analysis.triggers) {
    const suggested = trigger.operation?.template?.splitOn;
    if (typeof suggested !== "string") continue;
    const splitOn = trigger.object.splitOn;
    if (typeof splitOn === "string" && splitOn.trim() !== "") continue;
    report({
      rule: "trigger-split-on-off",
      step: trigger,
      field: "splitOn",
      message: `${stepLabel(trigger)} reports what arrived in a batch: without Split on, one run gets them all and the trigger's own outputs (such as the subject) are empty.`,
      fix: { label: "Turn Split on back on", edit: { kind: "set-split-on", splitOn: suggested } },
    });
  }
};
