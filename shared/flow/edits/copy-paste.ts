// Copy and paste of steps, within a flow and across flows. Pasted names are made unique against the
// target (Compose → Compose_2), and the references inside the pasted steps follow their new names.
import { renameActionReferences } from "../../expr/references";
import { branchesOf, sameContainer, withBranchActions } from "../branches";
import { uniqueAgainst, usedNames } from "../names";
import { containerId } from "../node-ids";
import { putOwn } from "../own";
import type { WdlAction, WdlActions, WdlDefinition, WdlRunAfter } from "../types";
import { actionIndex, allActions } from "../walk";
import { insertFragment } from "./fragment";
import type { InsertionPoint } from "./insertion-points";
import { mapStrings } from "./strings";
import { requireAction } from "./tree";

/**
 * The named steps (with everything inside them), in document order, ready for pasteActions. A step
 * inside another copied one is not repeated; runAfter keeps only the copied steps of the same branch.
 * Steps copied from different places keep their order when placed: one that runs after no copied
 * step follows the copied steps before it, unless it was a parallel sibling of the one before it
 * (same branch, same predecessors), which it stays.
 */
export function copyActions(definition: WdlDefinition, args: { names: readonly string[] }): WdlActions {
  const index = actionIndex(definition);
  const chosen = new Set(args.names);
  for (const name of chosen) requireAction(index, name);
  const out: WdlActions = {};
  let previousRoot: { container: string; predecessors: string } | undefined;
  for (const entry of index.values()) {
    if (!chosen.has(entry.name) || entry.scopePath.some((b) => chosen.has(b.scope))) continue;
    let runAfter: WdlRunAfter = {};
    for (const [p, statuses] of Object.entries(entry.action.runAfter ?? {})) {
      const pe = index.get(p);
      if (chosen.has(p) && pe && sameContainer(pe.container, entry.container)) putOwn(runAfter, p, statuses);
    }
    if (Object.keys(runAfter).length === 0) {
      const root = {
        container: containerId(entry.container),
        predecessors: Object.keys(entry.action.runAfter ?? {})
          .sort()
          .join("\n"),
      };
      const besidePrevious =
        previousRoot?.container === root.container && previousRoot.predecessors === root.predecessors;
      if (previousRoot && !besidePrevious) runAfter = afterEnds(out);
      previousRoot = root;
    }
    putOwn(out, entry.name, { ...entry.action, runAfter });
  }
  return out;
}

/** runAfter (Succeeded) on every step of `actions` that no other one runs after. */
function afterEnds(actions: WdlActions): WdlRunAfter {
  const followed = new Set(Object.values(actions).flatMap((a) => Object.keys(a.runAfter ?? {})));
  const runAfter: WdlRunAfter = {};
  for (const name of Object.keys(actions)) if (!followed.has(name)) putOwn(runAfter, name, ["Succeeded"]);
  return runAfter;
}

/**
 * The names the steps would get when pasted into `definition`: a name is kept when it is free there,
 * else it becomes name_2, name_3… New names never take a name of the pasted steps either, so renaming
 * one never touches the references of another.
 */
export function pasteNames(definition: WdlDefinition, actions: WdlActions): Map<string, string> {
  const names = allActions({ actions }).map((e) => e.name);
  const taken = usedNames(definition);
  const avoid = new Set([...taken, ...names.map((n) => n.toLowerCase())]);
  const out = new Map<string, string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    const next = taken.has(lower) ? uniqueAgainst(avoid, name) : name;
    taken.add(next.toLowerCase());
    avoid.add(next.toLowerCase());
    out.set(name, next);
  }
  return out;
}

/** Pastes steps (from copyActions, maybe of another flow) at an insertion point. */
export function pasteActions(
  definition: WdlDefinition,
  args: { at: InsertionPoint; actions: WdlActions },
): WdlDefinition {
  const renames = pasteNames(definition, args.actions);
  let fragment = renameInActions(args.actions, renames);
  for (const [from, to] of renames) {
    if (from !== to) fragment = mapStrings(fragment, (text) => renameActionReferences(text, from, to));
  }
  // Top-level steps keep only runAfter among the pasted steps; the point supplies the rest.
  const top: WdlActions = {};
  for (const [name, action] of Object.entries(fragment)) {
    const runAfter: WdlRunAfter = {};
    for (const [p, statuses] of Object.entries(action.runAfter ?? {})) {
      if (Object.hasOwn(fragment, p) && p !== name) putOwn(runAfter, p, statuses);
    }
    putOwn(top, name, { ...action, runAfter });
  }
  return insertFragment(definition, args.at, top);
}

/** Keys and runAfter keys renamed at every depth. */
function renameInActions(actions: WdlActions, renames: ReadonlyMap<string, string>): WdlActions {
  const out: WdlActions = {};
  for (const [name, action] of Object.entries(actions)) {
    let next: WdlAction = action;
    if (action.runAfter) {
      const runAfter: WdlRunAfter = {};
      for (const [p, statuses] of Object.entries(action.runAfter))
        putOwn(runAfter, renames.get(p) ?? p, statuses);
      next = { ...next, runAfter };
    }
    for (const branch of branchesOf(action)) {
      // An empty branch stays as written (an If without else keeps having none).
      if (Object.keys(branch.actions).length === 0) continue;
      next = withBranchActions(next, branch.spec, renameInActions(branch.actions, renames));
    }
    putOwn(out, renames.get(name) ?? name, next);
  }
  return out;
}
