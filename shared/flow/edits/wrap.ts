// Wrap steps of one branch in a new Scope. The steps must be consecutive: no other step runs after
// one of them and before another. The Scope takes their place: it runs after what they ran after
// (outside the group), and the steps that ran after them run after the Scope, with the same statuses.
import { getOwn, putOwn } from "../own";
import type { WdlAction, WdlActions, WdlDefinition, WdlRunAfter } from "../types";
import { type ActionEntry, actionIndex } from "../walk";
import { EditError } from "./errors";
import { checkPlacement, subjectTops } from "./insertion-points";
import { mergeStatuses } from "./run-after";
import {
  requireAction,
  requireContainer,
  requireNewName,
  sameContainerOf,
  setContainerActions,
} from "./tree";

export function wrapInScope(
  definition: WdlDefinition,
  args: { names: readonly string[]; scopeName: string },
): WdlDefinition {
  const index = actionIndex(definition);
  const group = new Set(args.names);
  if (group.size === 0) throw new EditError("invalidArgument", "Choose at least one step to put in a scope.");
  const entries: ActionEntry[] = [...group].map((n) => requireAction(index, n));
  const container = sameContainerOf(entries);
  if (container === undefined) {
    throw new EditError("notConsecutive", "Only steps of the same branch can be put in one scope.");
  }
  requireNewName(definition, args.scopeName);
  checkPlacement(
    entries.flatMap((e) => subjectTops(index, e.name)),
    true,
    (entries[0]?.depth ?? 0) + 1,
  );
  const siblings = requireContainer(definition, container, index);
  checkConsecutive(siblings, group);

  const outside: WdlRunAfter = {};
  const inner: WdlActions = {};
  for (const [name, action] of Object.entries(siblings)) {
    if (!group.has(name)) continue;
    const kept: WdlRunAfter = {};
    for (const [p, statuses] of Object.entries(action.runAfter ?? {})) {
      if (group.has(p)) putOwn(kept, p, statuses);
      else {
        const had = getOwn(outside, p);
        putOwn(outside, p, had ? mergeStatuses(had, statuses) : statuses);
      }
    }
    putOwn(inner, name, { ...action, runAfter: kept });
  }
  const scope = { type: "Scope", actions: inner, runAfter: outside } as WdlAction;

  const out: WdlActions = {};
  for (const [name, action] of Object.entries(siblings)) {
    if (group.has(name)) {
      if (!Object.hasOwn(out, args.scopeName)) putOwn(out, args.scopeName, scope);
      continue;
    }
    const runAfter = action.runAfter ?? {};
    if (!Object.keys(runAfter).some((p) => group.has(p))) {
      putOwn(out, name, action);
      continue;
    }
    const next: WdlRunAfter = {};
    for (const [p, statuses] of Object.entries(runAfter)) {
      const key = group.has(p) ? args.scopeName : p;
      const had = getOwn(next, key);
      putOwn(next, key, had ? mergeStatuses(had, statuses) : statuses);
    }
    putOwn(out, name, { ...action, runAfter: next });
  }
  return setContainerActions(definition, container, out, index);
}

/** No step outside the group may run after a member and before another member. */
function checkConsecutive(siblings: WdlActions, group: ReadonlySet<string>): void {
  // Steps reachable forward from the group, going through non-members only.
  const followers = new Map<string, string[]>();
  for (const [name, action] of Object.entries(siblings)) {
    for (const p of Object.keys(action.runAfter ?? {})) {
      const list = followers.get(p);
      if (list) list.push(name);
      else followers.set(p, [name]);
    }
  }
  const seen = new Set<string>();
  const stack: string[] = [];
  for (const g of group) for (const f of followers.get(g) ?? []) if (!group.has(f)) stack.push(f);
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const f of followers.get(name) ?? []) {
      if (group.has(f)) {
        throw new EditError(
          "notConsecutive",
          `The steps must follow one another: "${name}" runs between them but is not among them.`,
        );
      }
      stack.push(f);
    }
  }
}
