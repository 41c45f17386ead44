// Move steps (a scope with everything inside it) to another insertion point: taken out as by
// deleteAction (their followers inherit their runAfter), then placed as by insertAction.
import type { WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { copyActions } from "./copy-paste";
import { deleteActions } from "./delete";
import { insertFragment } from "./fragment";
import { checkDrop, type InsertionPoint } from "./insertion-points";
import { requireAction } from "./tree";

export function moveAction(
  definition: WdlDefinition,
  args: { name: string; to: InsertionPoint },
): WdlDefinition {
  return moveActions(definition, { names: [args.name], to: args.to });
}

/**
 * Moves several steps together, in document order: the ones linked by runAfter stay linked, the
 * others follow each other (as copyActions places them). A step inside another moved one goes with it.
 */
export function moveActions(
  definition: WdlDefinition,
  args: { names: readonly string[]; to: InsertionPoint },
): WdlDefinition {
  const index = actionIndex(definition);
  for (const name of args.names) requireAction(index, name);
  const chosen = new Set(args.names);
  const steps = args.names.filter((name) => !index.get(name)?.scopePath.some((b) => chosen.has(b.scope)));
  checkDrop(definition, index, steps.length === 1 ? (steps[0] ?? "") : { steps }, args.to);
  const fragment = copyActions(definition, { names: steps });
  // Dropped right above one of the moving steps: once it is taken out, the place is the anchor's.
  const { follower, ...anywhere } = args.to;
  const to = follower !== undefined && steps.includes(follower) ? anywhere : args.to;
  return insertFragment(deleteActions(definition, { names: steps }), to, fragment);
}
