// Move steps (a scope with everything inside it) to another insertion point: taken out as by
// deleteAction (their followers inherit their runAfter), then placed as by insertAction.
import { getOwn } from "../own";
import type { WdlDefinition } from "../types";
import { actionIndex } from "../walk";
import { copyActions } from "./copy-paste";
import { deleteActions } from "./delete";
import { EditError } from "./errors";
import { insertFragment } from "./fragment";
import { checkDrop, type InsertionPoint } from "./insertion-points";
import { requireAction, requireContainer } from "./tree";

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
  checkDrop(definition, index, { steps }, args.to);
  const fragment = copyActions(definition, { names: steps });
  // Dropped right above one of the moving steps: once it is taken out, the place is the anchor's.
  const { follower, ...anywhere } = args.to;
  const to = follower !== undefined && steps.includes(follower) ? anywhere : args.to;
  return insertFragment(deleteActions(definition, { names: steps }), to, fragment);
}

/**
 * Move up: the step goes right above the step it runs after; move down: right below the one step
 * that runs after it. Both stay in the step's branch, for people who do not drag (Alt+↑, Alt+↓).
 * Where the line forks or joins there is no one step to swap with, and the edit says so.
 */
export function nudgeAction(
  definition: WdlDefinition,
  args: { name: string; direction: "up" | "down" },
): WdlDefinition {
  return moveAction(definition, { name: args.name, to: nudgePoint(definition, args) });
}

/** Where Move up / Move down puts the step (EditError when it cannot go that way), without moving it. */
export function nudgePoint(
  definition: WdlDefinition,
  args: { name: string; direction: "up" | "down" },
): InsertionPoint {
  const index = actionIndex(definition);
  const entry = requireAction(index, args.name);
  const siblings = requireContainer(definition, entry.container, index);
  const name = args.name;
  if (args.direction === "up") {
    const [above, ...more] = Object.keys(entry.action.runAfter ?? {});
    if (above === undefined) throw new EditError("samePlace", `"${name}" is already first in its branch.`);
    if (more.length > 0) {
      throw new EditError(
        "notConsecutive",
        `"${name}" runs after several steps at once; drag it where it should go.`,
      );
    }
    const [anchor, ...others] = Object.keys(getOwn(siblings, above)?.runAfter ?? {});
    if (others.length > 0) {
      throw new EditError(
        "notConsecutive",
        `"${above}" runs after several steps at once; drag "${name}" where it should go.`,
      );
    }
    return anchor === undefined
      ? { kind: "start", container: entry.container, follower: above }
      : { kind: "after", action: anchor, follower: above };
  }
  const below = Object.keys(siblings).filter((n) => Object.hasOwn(siblings[n]?.runAfter ?? {}, name));
  const [next, ...more] = below;
  if (next === undefined) throw new EditError("samePlace", `"${name}" is already last in its branch.`);
  if (more.length > 0) {
    throw new EditError("notConsecutive", `Several steps run after "${name}"; drag it where it should go.`);
  }
  return { kind: "after", action: next };
}
