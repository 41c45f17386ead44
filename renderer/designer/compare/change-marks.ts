// Which cards of the definition on screen a comparison marks, and under which node id. The
// definition on screen is the newer side ("what this version changed") or the older one ("what
// the draft changes in it"); a step is marked only on the side where it exists.
import { actionNodeId, type FlowDiff, type StepChange, triggerNodeId } from "../../../shared/flow";
import type { ChangeMark } from "../canvas/nodes/StepCard";

/** Which side of the comparison the canvas shows. */
export type ShownSide = "newer" | "older";

/** The step's node id on the shown side, or undefined when it is not there. */
export function shownNodeId(change: StepChange, side: ShownSide): string | undefined {
  if (side === "newer" && change.kind === "removed") return undefined;
  if (side === "older" && change.kind === "added") return undefined;
  const name = side === "older" ? (change.previousName ?? change.name) : change.name;
  return change.isTrigger ? triggerNodeId(name) : actionNodeId(name);
}

export function changeMarks(diff: FlowDiff, side: ShownSide): Map<string, ChangeMark> {
  const marks = new Map<string, ChangeMark>();
  for (const change of diff.steps) {
    const id = shownNodeId(change, side);
    if (id === undefined) continue;
    marks.set(id, change.kind === "added" ? "added" : change.kind === "removed" ? "removed" : "changed");
  }
  return marks;
}
