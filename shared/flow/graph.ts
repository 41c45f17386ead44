// The graph view of a definition, for the canvas and the checker: nodes for triggers, actions and
// scope branches; edges from runAfter (with their statuses), from the trigger to the first top-level
// actions and from a branch to the first actions inside it; parent/child links for scopes.
// Node ids: see node-ids.ts (an action's id is its name).
import { canonicalActionType } from "./action-types";
import { type BranchRef, type BranchSpec, branchesOf, branchLabel, type ContainerRef } from "./branches";
import { actionNodeId, branchNodeId, edgeId, triggerNodeId } from "./node-ids";
import { getOwn } from "./own";
import { normalizeStatuses, type RunAfterStatus } from "./status";
import type { WdlAction, WdlActions, WdlDefinition, WdlTrigger } from "./types";

export type TriggerNode = { kind: "trigger"; id: string; name: string; trigger: WdlTrigger };

export type ActionNode = {
  kind: "action";
  id: string;
  name: string;
  action: WdlAction;
  /** The canonical type ("If", "OpenApiConnection"…), or the type as written when Flowsmith does not know it. */
  type: string;
  container: ContainerRef;
  /** The id of the branch node it sits in, null at the top level. */
  parentId: string | null;
  /** Scopes around it: 0 at the top level. */
  depth: number;
  /** For a scope action, its branch nodes in display order (If: yes, no; Switch: cases then default). */
  branchIds: string[];
};

export type BranchNode = {
  kind: "branch";
  id: string;
  ref: BranchRef;
  /** "yes", "no", "default", "body", or the Switch case's name. */
  label: string;
  /** For a Switch case: its value ("case"). */
  caseValue?: string | number | boolean | null;
  /** The scope action's node id. */
  parentId: string;
  /** Depth of the actions inside it. */
  depth: number;
  /** Ids of the actions directly inside, in document order. */
  childIds: string[];
};

export type GraphNode = TriggerNode | ActionNode | BranchNode;

export type GraphEdge = {
  id: string;
  source: string;
  target: string;
  /** runAfter: source is a predecessor; trigger / branch: target is a first action (empty runAfter). */
  kind: "runAfter" | "trigger" | "branch";
  /** Canonical statuses of a runAfter edge; empty for the other kinds. */
  statuses: RunAfterStatus[];
};

/** A runAfter entry that gives no edge: a missing action, the action itself, or one outside its branch. */
export type RunAfterProblem = {
  action: string;
  predecessor: string;
  problem: "missing" | "self" | "notSibling";
};

export type FlowGraph = {
  /** Triggers first, then actions and branches in document order (a scope before its branches). */
  nodes: GraphNode[];
  edges: GraphEdge[];
  byId: ReadonlyMap<string, GraphNode>;
  byActionName: ReadonlyMap<string, ActionNode>;
  triggers: TriggerNode[];
  /** Ids of the top-level actions. */
  rootIds: string[];
  incoming: ReadonlyMap<string, GraphEdge[]>;
  outgoing: ReadonlyMap<string, GraphEdge[]>;
  problems: RunAfterProblem[];
};

export function buildGraph(definition: WdlDefinition): FlowGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const byId = new Map<string, GraphNode>();
  const byActionName = new Map<string, ActionNode>();
  const triggers: TriggerNode[] = [];
  const rootIds: string[] = [];
  const problems: RunAfterProblem[] = [];
  const add = (node: GraphNode): void => {
    nodes.push(node);
    byId.set(node.id, node);
  };

  for (const [name, trigger] of Object.entries(definition.triggers ?? {})) {
    const node: TriggerNode = { kind: "trigger", id: triggerNodeId(name), name, trigger };
    triggers.push(node);
    add(node);
  }

  // Edges are added once every node is known; containers are listed in document order meanwhile.
  const containers: { actions: WdlActions; startIds: string[]; startKind: "trigger" | "branch" }[] = [];
  const visit = (
    actions: WdlActions,
    container: ContainerRef,
    parentId: string | null,
    depth: number,
  ): string[] => {
    const ids: string[] = [];
    for (const [name, action] of Object.entries(actions)) {
      const node: ActionNode = {
        kind: "action",
        id: actionNodeId(name),
        name,
        action,
        type: canonicalActionType(action.type) ?? action.type,
        container,
        parentId,
        depth,
        branchIds: [],
      };
      add(node);
      byActionName.set(name, node);
      ids.push(node.id);
      for (const branch of branchesOf(action)) {
        const ref: BranchRef = { ...branch.spec, scope: name };
        const branchNode: BranchNode = {
          kind: "branch",
          id: branchNodeId(ref),
          ref,
          label: branchLabel(branch.spec),
          ...caseValueOf(action, branch.spec),
          parentId: node.id,
          depth: depth + 1,
          childIds: [],
        };
        add(branchNode);
        node.branchIds.push(branchNode.id);
        containers.push({ actions: branch.actions, startIds: [branchNode.id], startKind: "branch" });
        branchNode.childIds = visit(branch.actions, ref, branchNode.id, depth + 1);
      }
    }
    return ids;
  };
  containers.push({
    actions: definition.actions ?? {},
    startIds: triggers.map((t) => t.id),
    startKind: "trigger",
  });
  rootIds.push(...visit(definition.actions ?? {}, null, null, 0));

  for (const { actions, startIds, startKind } of containers) {
    for (const [name, action] of Object.entries(actions)) {
      const target = actionNodeId(name);
      const entries = Object.entries(action.runAfter ?? {});
      if (entries.length === 0) {
        for (const source of startIds) {
          edges.push({
            id: edgeId(source, target),
            source,
            target,
            kind: startKind,
            statuses: [],
          });
        }
        continue;
      }
      for (const [predecessor, statuses] of entries) {
        if (predecessor === name) problems.push({ action: name, predecessor, problem: "self" });
        else if (!byActionName.has(predecessor))
          problems.push({ action: name, predecessor, problem: "missing" });
        else if (!Object.hasOwn(actions, predecessor)) {
          problems.push({ action: name, predecessor, problem: "notSibling" });
        } else {
          const source = actionNodeId(predecessor);
          edges.push({
            id: edgeId(source, target),
            source,
            target,
            kind: "runAfter",
            statuses: normalizeStatuses(statuses),
          });
        }
      }
    }
  }

  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    pushTo(incoming, e.target, e);
    pushTo(outgoing, e.source, e);
  }
  return { nodes, edges, byId, byActionName, triggers, rootIds, incoming, outgoing, problems };
}

function caseValueOf(action: WdlAction, spec: BranchSpec): { caseValue?: string | number | boolean | null } {
  if (spec.kind !== "case") return {};
  const cases = (action as { cases?: { [k: string]: { case?: string | number | boolean | null } } }).cases;
  const value = getOwn(cases, spec.caseName)?.case;
  return value === undefined ? {} : { caseValue: value };
}

function pushTo(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/** The scopes around a node, nearest first: its branch node, that branch's scope action, and so on out. */
export function ancestorsOf(graph: FlowGraph, id: string): GraphNode[] {
  const out: GraphNode[] = [];
  let node = graph.byId.get(id);
  while (node && node.kind !== "trigger" && node.parentId !== null) {
    const parent = graph.byId.get(node.parentId);
    if (!parent) break;
    out.push(parent);
    node = parent;
  }
  return out;
}

/** Every action inside a scope action, at any depth, in document order. */
export function descendantsOf(graph: FlowGraph, name: string): ActionNode[] {
  const out: ActionNode[] = [];
  const visit = (node: ActionNode): void => {
    for (const branchId of node.branchIds) {
      const branch = graph.byId.get(branchId);
      if (branch?.kind !== "branch") continue;
      for (const childId of branch.childIds) {
        const child = graph.byId.get(childId);
        if (child?.kind === "action") {
          out.push(child);
          visit(child);
        }
      }
    }
  };
  const start = graph.byActionName.get(name);
  if (start) visit(start);
  return out;
}

/**
 * Actions sure to have run before `name` whatever path the run takes: the actions it runs after,
 * transitively, within its branch; the same for each scope around it (the scopes themselves have
 * not finished, so they are not included); and the contents of those predecessors that are a Scope or
 * a Do until (their body always runs). Not included: later steps, parallel branches, steps inside
 * the branches of a Condition or Switch or inside an Apply to each (they may not run at all).
 * Document order. This is what dynamic content may offer and what a reference may rely on.
 */
export function predecessorsOf(graph: FlowGraph, name: string): ActionNode[] {
  const found = new Set<string>();
  const addSureContents = (node: ActionNode): void => {
    if (node.type !== "Scope" && node.type !== "Until") return;
    for (const child of childActions(graph, node)) {
      found.add(child.name);
      addSureContents(child);
    }
  };
  let current = graph.byActionName.get(name);
  while (current) {
    const stack = [current];
    while (stack.length > 0) {
      const node = stack.pop() as ActionNode;
      for (const edge of graph.incoming.get(node.id) ?? []) {
        if (edge.kind !== "runAfter") continue;
        const source = graph.byId.get(edge.source);
        if (source?.kind !== "action" || found.has(source.name)) continue;
        found.add(source.name);
        addSureContents(source);
        stack.push(source);
      }
    }
    const branch = current.parentId === null ? undefined : graph.byId.get(current.parentId);
    const scope = branch?.kind === "branch" ? graph.byId.get(branch.parentId) : undefined;
    current = scope?.kind === "action" ? scope : undefined;
  }
  return graph.nodes.filter((n): n is ActionNode => n.kind === "action" && found.has(n.name));
}

/** The actions directly inside a scope action, all branches. */
export function childActions(graph: FlowGraph, node: ActionNode): ActionNode[] {
  const out: ActionNode[] = [];
  for (const branchId of node.branchIds) {
    const branch = graph.byId.get(branchId);
    if (branch?.kind !== "branch") continue;
    for (const id of branch.childIds) {
      const child = graph.byId.get(id);
      if (child?.kind === "action") out.push(child);
    }
  }
  return out;
}
