// Node ids of the graph view.
//
// An action's id is its name: WDL action names are unique across the whole definition (every scope),
// and a name survives a move, so a card keeps its id (selection, layout animation) when it is dragged
// elsewhere; it changes only on rename. Triggers and branches get synthetic ids that start with a
// single "#": "#trigger/manual", "#branch/Condition/yes", "#branch/Switch/case/Case_2",
// "#branch/Loop/body". Inside synthetic ids "%" and "/" of names are written %25 and %2F, and an
// action whose name itself starts with "#" gets one more "#" in front, so no two nodes share an id.
import type { BranchRef, ContainerRef } from "./branches";

export const ROOT_CONTAINER_ID = "#root";

export function escapeIdPart(name: string): string {
  return name.replaceAll("%", "%25").replaceAll("/", "%2F").replaceAll(">", "%3E");
}

export function actionNodeId(name: string): string {
  return name.startsWith("#") ? `#${name}` : name;
}

/** The action name of an action node id, or undefined for a trigger or branch id. */
export function actionNameOfNodeId(id: string): string | undefined {
  if (!id.startsWith("#")) return id;
  return id.startsWith("##") ? id.slice(1) : undefined;
}

export function triggerNodeId(name: string): string {
  return `#trigger/${escapeIdPart(name)}`;
}

export function branchNodeId(ref: BranchRef): string {
  const base = `#branch/${escapeIdPart(ref.scope)}/`;
  return ref.kind === "case" ? `${base}case/${escapeIdPart(ref.caseName)}` : base + ref.kind;
}

/** "#root" for the top level, else the branch node's id. */
export function containerId(container: ContainerRef): string {
  return container === null ? ROOT_CONTAINER_ID : branchNodeId(container);
}

export function edgeId(source: string, target: string): string {
  return `${escapeIdPart(source)}>${escapeIdPart(target)}`;
}
