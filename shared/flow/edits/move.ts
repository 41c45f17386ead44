// Move a step (a scope with everything inside it) to another insertion point: taken out as by
// deleteAction (its followers inherit its runAfter), then placed as by insertAction.
import type { WdlAction, WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { deleteAction } from "./delete";
import { insertFragment } from "./fragment";
import { checkDrop, type InsertionPoint } from "./insertion-points";
import { requireAction } from "./tree";

export function moveAction(
  definition: WdlDefinition,
  args: { name: string; to: InsertionPoint },
): WdlDefinition {
  const index = actionIndex(definition);
  checkDrop(definition, index, args.name, args.to);
  const { runAfter: _old, ...moving } = requireAction(index, args.name).action;
  const without = deleteAction(definition, { name: args.name });
  return insertFragment(without, args.to, { [args.name]: moving as WdlAction }, { type: moving.type });
}
