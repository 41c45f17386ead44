// The designer keeps the flow's kind beside the definition (the workflow list shows it, publish
// registers the trigger by it). A trigger of another kind means the two disagree.
import type { FlowKind } from "../../connectors";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const STARTS: Readonly<Record<FlowKind, string>> = {
  automated: "starts on an event",
  scheduled: "starts on a schedule",
  instant: "is started by a person",
};

export const triggerKindMismatch: Rule = (analysis, report) => {
  const trigger = analysis.triggers[0];
  const { kind, triggerKind } = analysis;
  if (!trigger || triggerKind === undefined || kind === triggerKind) return;
  report({
    rule: "trigger-kind-mismatch",
    step: trigger,
    message: `This is ${kind === "automated" ? "an" : "a"} ${kind} flow, but its trigger ${stepLabel(trigger)} ${STARTS[triggerKind]}.`,
    fix: { label: `Choose a trigger for ${kind === "automated" ? "an" : "a"} ${kind} flow` },
  });
};
