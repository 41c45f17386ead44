// Where one step stands relative to another it refers to: sure to have run before it, or why not
// (itself, a scope around it, later, a parallel branch, the other branch of a Condition, inside a
// branch or loop that may not have run it). Built on the precedence rows, so each answer costs a
// couple of bit tests and a walk along two short scope chains.
import type { Analysis, Step } from "./analysis";

export type Placement =
  | { kind: "before" }
  /** The referring step is a trigger: nothing has run yet. */
  | { kind: "trigger" }
  | { kind: "self" }
  /** The step referred to is a scope around the referring one: it has not finished. */
  | { kind: "enclosing" }
  /** The step referred to is inside the referring scope: it runs after the scope starts. */
  | { kind: "inside" }
  | { kind: "later" }
  | { kind: "parallel" }
  /** In another branch of the same Condition or Switch: only one of them runs. */
  | { kind: "other-branch"; scope: Step }
  /** Inside a branch of a Condition or Switch that ran before: the branch may not have been taken. */
  | { kind: "conditional"; scope: Step; branch: string }
  /** Inside Apply to each loops that ran before (levels: how many loops deep). */
  | { kind: "loop"; loops: Step[] };

export function placementOf(analysis: Analysis, from: Step, to: Step): Placement {
  if (from.kind === "trigger") return { kind: "trigger" };
  if (to.index === from.index) return { kind: "self" };
  const { precedence, actions } = analysis;
  if (precedence.sureBefore(from.index, to.index)) return { kind: "before" };
  const a = from.chain;
  const b = to.chain;
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  if (k === b.length) return { kind: "enclosing" };
  if (k === a.length) {
    // A Do until's condition is read after its body ran: its always-run contents are before it.
    if (from.type !== "Until") return { kind: "inside" };
    if (precedence.inSureContents(from.index, to.index)) return { kind: "before" };
    return insideDetail(analysis, to, k) ?? { kind: "inside" };
  }
  const fromTop = actions[a[k] as number] as Step;
  const toTop = actions[b[k] as number] as Step;
  if (
    fromTop.node.kind === "action" &&
    toTop.node.kind === "action" &&
    fromTop.node.parentId !== toTop.node.parentId
  ) {
    const scope = actions[a[k - 1] as number];
    if (scope) return { kind: "other-branch", scope };
  }
  if (precedence.sureBefore(fromTop.index, toTop.index)) {
    return insideDetail(analysis, to, k) ?? { kind: "parallel" };
  }
  if (precedence.sureBefore(toTop.index, fromTop.index)) return { kind: "later" };
  return { kind: "parallel" };
}

/** Why a step inside scopes that ran (from chain position `start` on) may not have run itself. */
function insideDetail(analysis: Analysis, to: Step, start: number): Placement | undefined {
  const loops: Step[] = [];
  let conditional: { scope: Step; branch: string } | undefined;
  for (let j = start; j < to.chain.length - 1; j++) {
    const scope = analysis.actions[to.chain[j] as number];
    const inner = analysis.actions[to.chain[j + 1] as number];
    if (!scope || !inner) continue;
    if (scope.type === "Foreach") loops.push(scope);
    else if (!conditional && (scope.type === "If" || scope.type === "Switch")) {
      conditional = { scope, branch: branchName(analysis, inner) };
    }
  }
  if (loops.length > 0) return { kind: "loop", loops };
  return conditional ? { kind: "conditional", ...conditional } : undefined;
}

/** "Yes", "No", "Default", or "case “Shipped”" for the branch a step sits in. */
function branchName(analysis: Analysis, step: Step): string {
  const parentId = step.node.kind === "action" ? step.node.parentId : null;
  const branch = parentId === null ? undefined : analysis.graph.byId.get(parentId);
  if (branch?.kind !== "branch") return "";
  switch (branch.ref.kind) {
    case "yes":
      return "Yes";
    case "no":
      return "No";
    case "default":
      return "Default";
    case "body":
      return "";
    case "case":
      return `case “${branch.ref.caseName.replaceAll("_", " ")}”`;
  }
}
