// Copy-on-write updates of a definition: only the objects on the way from the root to the change are
// copied, everything else is shared with the input (which is never modified). Key order is kept, so
// an edited file differs from the original only where the edit is.
import { type ContainerRef, hasBranch, sameContainer, withBranchActions } from "../branches";
import { actionNameProblem } from "../names";
import { putOwn } from "../own";
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
      const what = container.kind === "case" ? `case "${container.caseName}"` : `"${container.kind}" branch`;
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
  const replaced = { ...siblings };
  putOwn(replaced, entry.name, action);
  return setContainerActions(definition, entry.container, replaced, index);
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

function fromEntries<T>(entries: Iterable<readonly [string, T]>): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const [k, v] of entries) putOwn(out, k, v);
  return out;
}

/** A copy of the map with `entries` placed right after the key `after` (null: first; missing: last). */
export function insertKeyAfter<T>(
  map: { [key: string]: T },
  after: string | null,
  entries: { [key: string]: T },
): { [key: string]: T } {
  const list: [string, T][] = [];
  const added = Object.entries(entries);
  if (after === null) list.push(...added);
  for (const [k, v] of Object.entries(map)) {
    list.push([k, v]);
    if (k === after) list.push(...added);
  }
  if (after !== null && !Object.hasOwn(map, after)) list.push(...added);
  return fromEntries(list);
}

export function withoutKey<T>(map: { [key: string]: T }, key: string): { [key: string]: T } {
  return fromEntries(Object.entries(map).filter(([k]) => k !== key));
}

/** A copy of the map with `from` renamed to `to` at the same position. */
export function renameKey<T>(map: { [key: string]: T }, from: string, to: string): { [key: string]: T } {
  return fromEntries(Object.entries(map).map(([k, v]) => [k === from ? to : k, v] as const));
}

/** The container all entries share, or undefined when they are in different branches. */
export function sameContainerOf(entries: readonly ActionEntry[]): ContainerRef | undefined {
  const first = entries[0];
  if (!first) return undefined;
  return entries.every((e) => sameContainer(e.container, first.container)) ? first.container : undefined;
}

/** Throws "invalidName" or "nameTaken" unless `name` can name a new step (`current`: the one renamed). */
export function requireNewName(definition: WdlDefinition, name: string, current?: string): void {
  const problem = actionNameProblem(definition, name, current);
  if (problem) throw new EditError(problem.code, problem.message);
}
