// Rename a step: its key (in place), the runAfter entries that name it, and every expression of the
// definition that refers to it (outputs('…'), body('…'), items('…'), result('…')…).
import { renameActionReferences } from "../../expr/references";
import { putOwn } from "../own";
import type { WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { replaceRunAfterKey } from "./run-after";
import { mapStrings } from "./strings";
import { renameKey, requireAction, requireContainer, requireNewName, setContainerActions } from "./tree";

export function renameAction(definition: WdlDefinition, args: { from: string; to: string }): WdlDefinition {
  requireAction(actionIndex(definition), args.from);
  requireNewName(definition, args.to, args.from);
  if (args.to === args.from) return definition;
  const rewritten = mapStrings(definition, (text) => renameActionReferences(text, args.from, args.to));
  const index = actionIndex(rewritten);
  const entry = requireAction(index, args.from);
  const siblings = renameKey(requireContainer(rewritten, entry.container, index), args.from, args.to);
  for (const [name, action] of Object.entries(siblings)) {
    if (action.runAfter && Object.hasOwn(action.runAfter, args.from)) {
      const runAfter = replaceRunAfterKey(action.runAfter, args.from, {
        [args.to]: action.runAfter[args.from] ?? [],
      });
      putOwn(siblings, name, { ...action, runAfter });
    }
  }
  return setContainerActions(rewritten, entry.container, siblings, index);
}
