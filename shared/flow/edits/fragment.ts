// Placing a fragment (one step, or several linked by runAfter among themselves) at an insertion
// point: what insert, move, paste and wrap all come down to.

import { putOwn } from "../own";
import type { WdlAction, WdlActions, WdlDefinition, WdlRunAfter } from "../types";
import { actionIndex } from "../walk";
import { checkDrop, type DropSubject, type InsertionPoint } from "./insertion-points";
import { isEmptyRunAfter, replaceRunAfterKey } from "./run-after";
import { insertKeyAfter, requireContainer, setContainerActions } from "./tree";

/**
 * The fragment's first steps (empty runAfter) run after the point's anchor; the steps that ran after
 * the anchor (or were first in the branch) now run after the fragment's last steps, keeping their
 * statuses. The caller makes sure the fragment's names are free.
 */
export function insertFragment(
  definition: WdlDefinition,
  point: InsertionPoint,
  fragment: WdlActions,
  subject: DropSubject = { actions: fragment },
): WdlDefinition {
  const index = actionIndex(definition);
  const { container, anchor, follower } = checkDrop(definition, index, subject, point);
  const siblings = requireContainer(definition, container, index);
  const names = Object.keys(fragment);
  const ranAfter = new Set(names.flatMap((n) => Object.keys(fragment[n]?.runAfter ?? {})));
  const ends = names.filter((n) => !ranAfter.has(n));

  const placed: WdlActions = {};
  for (const [name, action] of Object.entries(fragment)) {
    const first = isEmptyRunAfter(action.runAfter);
    putOwn(
      placed,
      name,
      first ? withRunAfter(action, anchor === null ? {} : fromEnds([anchor], ["Succeeded"])) : action,
    );
  }
  const updated: WdlActions = {};
  for (const [name, action] of Object.entries(siblings)) {
    const runAfter = action.runAfter ?? {};
    const takesOver =
      (follower === undefined || follower === name) &&
      (anchor === null ? isEmptyRunAfter(action.runAfter) : Object.hasOwn(runAfter, anchor));
    let next = action;
    if (takesOver && anchor === null) next = withRunAfter(action, fromEnds(ends, ["Succeeded"]));
    else if (takesOver && anchor !== null) {
      next = withRunAfter(
        action,
        replaceRunAfterKey(runAfter, anchor, fromEnds(ends, runAfter[anchor] ?? [])),
      );
    }
    putOwn(updated, name, next);
  }
  return setContainerActions(definition, container, insertKeyAfter(updated, anchor, placed), index);
}

function fromEnds(ends: string[], statuses: string[]): WdlRunAfter {
  const out: WdlRunAfter = {};
  for (const e of ends) putOwn(out, e, [...statuses]);
  return out;
}

export function withRunAfter(action: WdlAction, runAfter: WdlRunAfter): WdlAction {
  return { ...action, runAfter };
}
