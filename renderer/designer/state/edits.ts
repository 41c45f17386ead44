// The designer's edits, in people's words: each applies one pure edit from shared/flow through the
// store (so it can be undone) and chooses what is selected afterwards.
import { instantiate, newStep, type OperationDeclaration } from "../../../shared/connectors";
import {
  actionNameOfNodeId,
  actionNodeId,
  addParallelAction,
  copyActions,
  deleteActions,
  EditError,
  type InsertionPoint,
  insertAction,
  moveActions,
  nudgeAction,
  nudgePoint,
  pasteActions,
  pasteNames,
  renameAction,
  sanitizeActionName,
  uniqueActionName,
  usedNames,
  type WdlAction,
  type WdlActions,
  type WdlDefinition,
  wrapInScope,
} from "../../../shared/flow";
import { t } from "../../i18n";
import { displayName } from "../card-info";
import type { DesignerStore } from "./designer-store";
import { selectionAfterDelete } from "./edit-subject";
import { graphOf } from "./graph-cache";

const asAction = (json: unknown): WdlAction => json as WdlAction;

export function insertOperation(
  store: DesignerStore,
  point: InsertionPoint,
  operation: OperationDeclaration,
): string | undefined {
  const { definition } = store.getState();
  const step = newStep(operation, usedNames(definition));
  const ok = store
    .getState()
    .apply(
      t("designer.edit.addStep", { step: displayName(step.name) }),
      (d) => insertAction(d, { at: point, name: step.name, action: asAction(step.definition) }),
      { select: actionNodeId(step.name) },
    );
  if (!ok) return undefined;
  store.getState().select(actionNodeId(step.name), { openPanel: true });
  return step.name;
}

/** Moves one step, or several together (in their order), to a point; they stay selected. */
export function moveSteps(store: DesignerStore, names: readonly string[], point: InsertionPoint): boolean {
  const [first] = names;
  if (first === undefined) return false;
  const label =
    names.length === 1
      ? t("designer.edit.moveStep", { step: displayName(first) })
      : t("designer.edit.moveSteps", { count: names.length });
  const ok = store.getState().apply(label, (d) => moveActions(d, { names, to: point }), {
    select: actionNodeId(first),
  });
  if (ok && names.length > 1) store.getState().selectSteps(names.map(actionNodeId));
  return ok;
}

/** Move up / Move down: the step swaps places with its neighbour in the line (Alt+↑, Alt+↓). */
export function nudgeStep(store: DesignerStore, name: string, direction: "up" | "down"): boolean {
  const label = t(direction === "up" ? "designer.edit.moveStepUp" : "designer.edit.moveStepDown", {
    step: displayName(name),
  });
  return store.getState().apply(label, (d) => nudgeAction(d, { name, direction }), {
    select: actionNodeId(name),
  });
}

/** Whether Move up / Move down can go that way (for the menu to offer it): found, not performed. */
export function canNudge(definition: WdlDefinition, name: string, direction: "up" | "down"): boolean {
  try {
    nudgePoint(definition, { name, direction });
    return true;
  } catch (error) {
    if (error instanceof EditError) return false;
    throw error;
  }
}

export function deleteSteps(store: DesignerStore, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const label =
    names.length === 1
      ? t("designer.edit.deleteStep", { step: displayName(names[0] ?? "") })
      : t("designer.edit.deleteSteps", { count: names.length });
  const before = store.getState().definition;
  const ok = store.getState().apply(label, (d) => deleteActions(d, { names }));
  if (ok) store.getState().select(selectionAfterDelete(before, names), { openPanel: false });
  return ok;
}

export function renameStep(store: DesignerStore, from: string, to: string): boolean {
  return store
    .getState()
    .apply(t("designer.edit.renameStep", { step: displayName(from) }), (d) => renameAction(d, { from, to }), {
      select: actionNodeId(to),
    });
}

export function duplicateStep(store: DesignerStore, name: string): boolean {
  const { definition } = store.getState();
  const copied = copyActions(definition, { names: [name] });
  return pasteAt(
    store,
    { kind: "after", action: name },
    copied,
    t("designer.edit.duplicateStep", { step: displayName(name) }),
  );
}

export function pasteAt(
  store: DesignerStore,
  point: InsertionPoint,
  actions: WdlActions,
  label = t("designer.edit.paste"),
): boolean {
  const { definition } = store.getState();
  const renamed = pasteNames(definition, actions);
  const firstName = renamed.values().next().value;
  const ok = store
    .getState()
    .apply(
      label,
      (d) => pasteActions(d, { at: point, actions }),
      firstName ? { select: actionNodeId(firstName) } : {},
    );
  return ok;
}

export function addParallelBranch(
  store: DesignerStore,
  beside: string,
  operation: OperationDeclaration,
): boolean {
  const { definition } = store.getState();
  const step = newStep(operation, usedNames(definition));
  return store
    .getState()
    .apply(
      t("designer.edit.addParallelBranch"),
      (d) => addParallelAction(d, { beside, name: step.name, action: asAction(step.definition) }),
      { select: actionNodeId(step.name) },
    );
}

export function wrapStepsInScope(store: DesignerStore, names: readonly string[]): boolean {
  const scopeName = uniqueActionName(store.getState().definition, "Scope");
  return store.getState().apply(t("designer.edit.wrapInScope"), (d) => wrapInScope(d, { names, scopeName }), {
    select: actionNodeId(scopeName),
  });
}

/** Action names use underscores where people type spaces, as Power Automate writes them. */
export function actionNameFromTitle(title: string): string {
  return sanitizeActionName(title.trim().replace(/\s+/g, "_"));
}

/**
 * The action names of the selection, the card selected first first (empty when a trigger, a note or
 * nothing is selected). A step inside a selected scope is left out: the scope carries it, so that
 * copy, cut, delete and wrap act on it once.
 */
export function selectedStepNames(state: {
  selected: string | undefined;
  alsoSelected?: readonly string[];
  definition?: WdlDefinition;
}): string[] {
  const names: string[] = [];
  for (const id of [...(state.alsoSelected ?? []), state.selected]) {
    const name = id && !id.startsWith("note:") ? actionNameOfNodeId(id) : undefined;
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  if (names.length < 2 || !state.definition) return names;
  const graph = graphOf(state.definition);
  const chosen = new Set(names);
  const insideChosen = (name: string): boolean => {
    let scope = graph.byActionName.get(name)?.container?.scope;
    while (scope !== undefined) {
      if (chosen.has(scope)) return true;
      scope = graph.byActionName.get(scope)?.container?.scope;
    }
    return false;
  };
  return names.filter((name) => !insideChosen(name));
}

export function freshAction(operation: OperationDeclaration): WdlAction {
  return asAction(instantiate(operation));
}

export type { WdlDefinition };

/** After the last top-level step (one no other step runs after), or the start of an empty flow. */
export function endOfFlow(store: DesignerStore): InsertionPoint {
  const { definition } = store.getState();
  const names = Object.keys(definition.actions ?? {});
  const followed = new Set(names.flatMap((n) => Object.keys(definition.actions?.[n]?.runAfter ?? {})));
  const last = names.filter((n) => !followed.has(n)).pop();
  return last ? { kind: "after", action: last } : { kind: "start", container: null };
}

/** Folds a scope's card, or unfolds it (an undoable change of the designer's data). */
export function toggleCollapsed(store: DesignerStore, name: string): void {
  const isCollapsed = store.getState().designer.collapsed.includes(name);
  store
    .getState()
    .applyDesigner(isCollapsed ? t("designer.edit.expand") : t("designer.edit.collapse"), (d) => ({
      ...d,
      collapsed: isCollapsed ? d.collapsed.filter((n) => n !== name) : [...d.collapsed, name],
    }));
}
