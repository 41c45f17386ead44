// Delete a step (with everything inside it). The steps that ran after it inherit its runAfter, so
// A → B → C without B becomes A → C with B's statuses on A.

import { putOwn } from "../own";
import type { WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { replaceRunAfterKey } from "./run-after";
import { requireAction, requireContainer, setContainerActions, withoutKey } from "./tree";

export function deleteAction(definition: WdlDefinition, args: { name: string }): WdlDefinition {
  const index = actionIndex(definition);
  const entry = requireAction(index, args.name);
  const siblings = withoutKey(requireContainer(definition, entry.container, index), args.name);
  const inherited = entry.action.runAfter ?? {};
  for (const [name, action] of Object.entries(siblings)) {
    if (action.runAfter && Object.hasOwn(action.runAfter, args.name)) {
      putOwn(siblings, name, {
        ...action,
        runAfter: replaceRunAfterKey(action.runAfter, args.name, inherited),
      });
    }
  }
  return setContainerActions(definition, entry.container, siblings, index);
}

/** Deletes several steps; a step inside another deleted one goes with it. */
export function deleteActions(definition: WdlDefinition, args: { names: readonly string[] }): WdlDefinition {
  let out = definition;
  for (const name of args.names) {
    if (actionIndex(out).has(name)) out = deleteAction(out, { name });
  }
  return out;
}
