// Where actions live: the top level of the definition, or a branch of a scope action
// (If: yes = actions, no = else.actions; Switch: cases[name].actions and default.actions;
// Foreach / Until / Scope: body = actions).
import { canonicalActionType } from "./action-types";
import { getOwn } from "./own";
import type { WdlAction, WdlActions, WdlBranch, WdlSwitchCase } from "./types";

export type BranchKind = "yes" | "no" | "case" | "default" | "body";

/** A branch of a scope action, without the scope's name. */
export type BranchSpec = { kind: "yes" | "no" | "default" | "body" } | { kind: "case"; caseName: string };

/** A branch of the scope action named `scope`. */
export type BranchRef = BranchSpec & { scope: string };

/** Where an action lives: null for the top level of the definition, else a branch. */
export type ContainerRef = BranchRef | null;

export type ActionBranch = {
  spec: BranchSpec;
  /** The branch's actions; an empty object when the branch is not written (an If without else). */
  actions: WdlActions;
};

/** The branches of an action in display order; none for an action that is not a scope. */
export function branchesOf(action: WdlAction): ActionBranch[] {
  const holder = action as WdlAction & {
    actions?: WdlActions;
    else?: WdlBranch;
    cases?: { [name: string]: WdlSwitchCase };
    default?: WdlBranch;
  };
  switch (canonicalActionType(action.type)) {
    case "If":
      return [
        { spec: { kind: "yes" }, actions: holder.actions ?? {} },
        { spec: { kind: "no" }, actions: holder.else?.actions ?? {} },
      ];
    case "Switch": {
      const out: ActionBranch[] = [];
      for (const [caseName, c] of Object.entries(holder.cases ?? {})) {
        out.push({ spec: { kind: "case", caseName }, actions: c.actions ?? {} });
      }
      out.push({ spec: { kind: "default" }, actions: holder.default?.actions ?? {} });
      return out;
    }
    case "Foreach":
    case "Until":
    case "Scope":
      return [{ spec: { kind: "body" }, actions: holder.actions ?? {} }];
    default:
      return [];
  }
}

/** Whether the action has that branch (a Switch has the case; an If has yes/no; loops have body). */
export function hasBranch(action: WdlAction, spec: BranchSpec): boolean {
  return branchesOf(action).some((b) => sameSpec(b.spec, spec));
}

export function branchActions(action: WdlAction, spec: BranchSpec): WdlActions | undefined {
  return branchesOf(action).find((b) => sameSpec(b.spec, spec))?.actions;
}

/**
 * A copy of the scope action with the branch's actions replaced. Writes else / default when
 * they were absent. The caller checks hasBranch first.
 */
export function withBranchActions(action: WdlAction, spec: BranchSpec, actions: WdlActions): WdlAction {
  const holder = action as WdlAction & {
    else?: WdlBranch;
    cases?: { [name: string]: WdlSwitchCase };
    default?: WdlBranch;
  };
  switch (spec.kind) {
    case "yes":
    case "body":
      return { ...action, actions } as WdlAction;
    case "no":
      return { ...action, else: { ...holder.else, actions } } as WdlAction;
    case "default":
      return { ...action, default: { ...holder.default, actions } } as WdlAction;
    case "case": {
      const cases = holder.cases ?? {};
      const current = getOwn(cases, spec.caseName) ?? {};
      return { ...action, cases: { ...cases, [spec.caseName]: { ...current, actions } } } as WdlAction;
    }
  }
}

export function sameSpec(a: BranchSpec, b: BranchSpec): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== "case" || (b.kind === "case" && a.caseName === b.caseName);
}

export function sameContainer(a: ContainerRef, b: ContainerRef): boolean {
  if (a === null || b === null) return a === b;
  return a.scope === b.scope && sameSpec(a, b);
}

/** "yes", "no", "default", "body", or the case's name: how people call the branch. */
export function branchLabel(spec: BranchSpec): string {
  return spec.kind === "case" ? spec.caseName : spec.kind;
}
