// Copy-on-write updates of a definition: only the objects on the way from the root to the change are
// copied, everything else is shared with the input (which is never modified). Key order is kept, so
// an edited file differs from the original only where the edit is.
import { type ContainerRef, hasBranch, sameContainer, withBranchActions } from "../branches";
import type { WdlAction, WdlActions, WdlDefinition } from "../types";
import { type ActionEntry, actionIndex, containerActions } from "../walk";
import { EditError } from "./errors";

export type Index = ReadonlyMap<string, ActionEntry>;

export function requireAction(index: Index, name: string): ActionEntry {
  const entry = index.get(name);
  if (!entry) throw new EditError("notFound", `There is no step called "${name}".`);
  return entry;
}

export function requireContainer(
  definition: WdlDefinition,
  container: ContainerRef,
  index: Index,
): WdlActions {
  if (container !== null) {
    const scope = requireAction(index, container.scope);
    if (!hasBranch(scope.action, container)) {
      const what =
        container.kind === "case" ? `a case "${container.caseName}"` : `a "${container.kind}" branch`;
      throw new EditError("notFound", `"${container.scope}" has no ${what}.`);
    }
  }
  return containerActions(definition, container, index) ?? {};
}

/** The definition with a container's actions replaced. */
export function setContainerActions(
  definition: WdlDefinition,
  container: ContainerRef,
  actions: WdlActions,
  index: Index = actionIndex(definition),
): WdlDefinition {
  if (container === null) return { ...definition, actions };
  const scope = requireAction(index, container.scope);
  return replaceAction(definition, scope, withBranchActions(scope.action, container, actions), index);
}

/** The definition with one action replaced in place (same name, same position). */
export function replaceAction(
  definition: WdlDefinition,
  entry: ActionEntry,
  action: WdlAction,
  index: Index = actionIndex(definition),
): WdlDefinition {
  const siblings = containerActions(definition, entry.container, index) ?? {};
  return setContainerActions(definition, entry.container, { ...siblings, [entry.name]: action }, index);
}

export function updateActionByName(
  definition: WdlDefinition,
  name: string,
  update: (action: WdlAction, entry: ActionEntry) => WdlAction,
): WdlDefinition {
  const index = actionIndex(definition);
  const entry = requireAction(index, name);
  return replaceAction(definition, entry, update(entry.action, entry), index);
}

/** A copy of the map with `value` under `key` placed right after `after` (null: first). */
export function insertKeyAfter<T>(
  map: { [key: string]: T },
  after: string | null,
  entries: { [key: string]: T },
): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  if (after === null) Object.assign(out, entries);
  for (const [k, v] of Object.entries(map)) {
    out[k] = v;
    if (k === after) Object.assign(out, entries);
  }
  if (after !== null && !Object.hasOwn(map, after)) Object.assign(out, entries);
  return out;
}

export function withoutKey<T>(map: { [key: string]: T }, key: string): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const [k, v] of Object.entries(map)) if (k !== key) out[k] = v;
  return out;
}

/** A copy of the map with `from` renamed to `to` at the same position. */
export function renameKey<T>(map: { [key: string]: T }, from: string, to: string): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const [k, v] of Object.entries(map)) out[k === from ? to : k] = v;
  return out;
}

/** A copy of the object without the fields whose value is undefined (JSON has no undefined). */
export function compact<T extends object>(value: T): T {
  const out: { [key: string]: unknown } = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** The container all entries share, or undefined when they are in different branches. */
export function sameContainerOf(entries: readonly ActionEntry[]): ContainerRef | undefined {
  const first = entries[0];
  if (!first) return undefined;
  return entries.every((e) => sameContainer(e.container, first.container)) ? first.container : undefined;
}
