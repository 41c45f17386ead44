// Add a parallel branch: a new step that runs after the same steps as a given one, side by side.
import type { WdlAction, WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { checkDrop } from "./insertion-points";
import { insertKeyAfter, requireAction, requireContainer, requireNewName, setContainerActions } from "./tree";

export function addParallelAction(
  definition: WdlDefinition,
  args: { beside: string; name: string; action: WdlAction },
): WdlDefinition {
  const index = actionIndex(definition);
  const beside = requireAction(index, args.beside);
  requireNewName(definition, args.name);
  // Same rules as dropping the new step next to it.
  checkDrop(definition, index, { type: args.action.type }, { kind: "after", action: args.beside });
  const runAfter = copyRunAfter(beside.action.runAfter ?? {});
  const siblings = requireContainer(definition, beside.container, index);
  const added = { [args.name]: { ...args.action, runAfter } as WdlAction };
  return setContainerActions(
    definition,
    beside.container,
    insertKeyAfter(siblings, args.beside, added),
    index,
  );
}

function copyRunAfter(runAfter: { [k: string]: string[] }): { [k: string]: string[] } {
  return Object.fromEntries(Object.entries(runAfter).map(([k, v]) => [k, [...v]]));
}
