// Every action of a definition, flattened in document order (a scope before the actions inside it).
import { type BranchRef, branchesOf, type ContainerRef, sameSpec } from "./branches";
import type { WdlAction, WdlActions, WdlDefinition } from "./types";

export type ActionEntry = {
  name: string;
  action: WdlAction;
  /** Where it lives: null at the top level, else the branch of its scope. */
  container: ContainerRef;
  /** The branches around it, outermost first; the last one is `container`. Empty at the top level. */
  scopePath: BranchRef[];
  /** How many scopes are around it: 0 at the top level. */
  depth: number;
};

export function allActions(definition: WdlDefinition): ActionEntry[] {
  const out: ActionEntry[] = [];
  const visit = (actions: WdlActions, scopePath: BranchRef[]): void => {
    for (const [name, action] of Object.entries(actions)) {
      out.push({ name, action, container: scopePath.at(-1) ?? null, scopePath, depth: scopePath.length });
      for (const branch of branchesOf(action)) {
        visit(branch.actions, [...scopePath, { ...branch.spec, scope: name }]);
      }
    }
  };
  visit(definition.actions ?? {}, []);
  return out;
}

export function actionCount(definition: WdlDefinition): number {
  let n = 0;
  const visit = (actions: WdlActions): void => {
    for (const action of Object.values(actions)) {
      n++;
      for (const branch of branchesOf(action)) visit(branch.actions);
    }
  };
  visit(definition.actions ?? {});
  return n;
}

/** Action name → entry. */
export function actionIndex(definition: WdlDefinition): Map<string, ActionEntry> {
  return new Map(allActions(definition).map((e) => [e.name, e]));
}

/** The actions map of a container (top level or a branch), or undefined when it does not exist. */
export function containerActions(
  definition: WdlDefinition,
  container: ContainerRef,
  index: ReadonlyMap<string, ActionEntry> = actionIndex(definition),
): WdlActions | undefined {
  if (container === null) return definition.actions ?? {};
  const scope = index.get(container.scope);
  if (!scope) return undefined;
  return branchesOf(scope.action).find((b) => sameSpec(b.spec, container))?.actions;
}
