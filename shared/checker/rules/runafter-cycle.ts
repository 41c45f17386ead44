// Steps whose Run after settings wait for each other in a circle: none of them can ever start.
import type { Step } from "../analysis";
import { listText, stepLabel } from "../wording";
import type { Rule } from "./rule";

export const runAfterCycle: Rule = (analysis, report) => {
  const { precedence, actions } = analysis;
  for (const cycle of precedence.cycles) {
    const members = cycle.map((i) => actions[i] as Step);
    for (const step of members) {
      const others = members.filter((m) => m !== step);
      const waitsFor = (precedence.predecessors[step.index] ?? [])
        .map((p) => actions[p] as Step)
        .find((p) => members.includes(p));
      report({
        rule: "runafter-cycle",
        step,
        field: "runAfter",
        related: others.map((m) => m.nodeId),
        message: `${listText(members.map(stepLabel))} wait for each other through Run after, so none of them ever starts.`,
        ...(waitsFor
          ? {
              fix: {
                label: `Remove ${stepLabel(waitsFor)} from Run after`,
                edit: { kind: "remove-run-after", action: step.name, predecessor: waitsFor.name },
              },
            }
          : {}),
      });
    }
  }
};
