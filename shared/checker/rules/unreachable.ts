// Steps that can never run, for a reason in the flow's structure: they run after a Terminate
// (which ends the run) without waiting for it to be skipped, or after a step that itself never
// runs (a circle of Run after, reported by its own rule, or another such step). Which statuses a
// step waits for otherwise is the author's business: "only if skipped" of a step that is never
// skipped is not this rule's concern.
import { normalizeStatuses } from "../../flow";
import type { Step } from "../analysis";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const unreachable: Rule = (analysis, report) => {
  const { precedence, actions } = analysis;
  const never = new Uint8Array(actions.length);
  for (const i of precedence.cycleOf.keys()) never[i] = 1;
  const causes = new Map<number, { step: Step; terminate: boolean }>();
  // Steps behind a cycle come in no useful order: go over them again until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of precedence.order) {
      if (never[i]) continue;
      const step = actions[i] as Step;
      for (const p of precedence.predecessors[i] ?? []) {
        const predecessor = actions[p] as Step;
        const terminate = predecessor.type === "Terminate" && !waitsForSkipped(step, predecessor.name);
        if (never[p] || terminate) {
          never[i] = 1;
          causes.set(i, { step: predecessor, terminate: !never[p] });
          changed = true;
          break;
        }
      }
    }
  }
  for (const [i, cause] of [...causes].sort((a, b) => a[0] - b[0])) {
    const step = actions[i] as Step;
    const label = stepLabel(cause.step);
    report({
      rule: "unreachable",
      step,
      related: [cause.step.nodeId],
      message: cause.terminate
        ? `${stepLabel(step)} can never run: it runs after ${label}, which ends the run.`
        : `${stepLabel(step)} can never run: it runs after ${label}, which never runs.`,
      fix: {
        label: cause.terminate
          ? `Move it before ${label}, or delete it`
          : "Fix the steps before it, or delete it",
      },
    });
  }
};

function waitsForSkipped(step: Step, predecessor: string): boolean {
  const runAfter = step.object.runAfter;
  if (!runAfter || typeof runAfter !== "object" || Array.isArray(runAfter)) return false;
  const statuses = Object.hasOwn(runAfter, predecessor) ? runAfter[predecessor] : undefined;
  if (!Array.isArray(statuses)) return false;
  return normalizeStatuses(statuses.filter((s): s is string => typeof s === "string")).includes("Skipped");
}
