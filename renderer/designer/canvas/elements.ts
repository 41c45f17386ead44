// From the graph view of a definition to what the canvas lays out and draws. Pure: no React, no
// DOM, so the definition ⇄ canvas mapping is tested on its own.
//
// Every container (the top level, each branch of a scope) holds: a head (the trigger, or the
// branch's label chip), its steps, and a tail ("+" after the last steps, or a wide drop zone when
// the branch is empty). Edges join head → first steps, step → step (runAfter) and last steps → tail;
// each edge carries the insertion point its "+" stands for. An expanded scope is a container node
// holding its branches side by side; a collapsed scope is an ordinary card.
import {
  type ActionNode,
  type BranchNode,
  containerId,
  edgeInsertionPoint,
  type FlowGraph,
  type InsertionPoint,
  ROOT_CONTAINER_ID,
  type RunAfterStatus,
} from "../../../shared/flow";

export const SIZES = {
  card: { width: 300, height: 64 },
  head: { width: 140, height: 28 },
  tail: { width: 28, height: 28 },
  emptyTail: { width: 240, height: 44 },
  scopeHeader: 56,
} as const;

export type CanvasNodeKind = "trigger" | "action" | "scope" | "branch" | "head" | "tail";

export interface CanvasNodeMeta {
  id: string;
  kind: CanvasNodeKind;
  /** The graph node behind it (trigger, action or branch); tails and heads point at their container. */
  graphId: string;
  /** Container node id (branch id, or undefined at the top level) for React Flow's parentId. */
  parentId: string | undefined;
  width?: number;
  height?: number;
  /** For tails: where a step dropped on it goes (none for the end of parallel branches). */
  point?: InsertionPoint;
  /** For tails: the branch is empty, draw a drop zone. */
  empty?: boolean;
  /** For collapsed scopes: how many steps they hide. */
  hiddenSteps?: number;
}

export interface CanvasEdgeMeta {
  id: string;
  source: string;
  target: string;
  /** Where a step dropped on this edge's "+" goes. */
  point: InsertionPoint | undefined;
  /** runAfter statuses when not just Succeeded (drawn as a label). */
  statuses: RunAfterStatus[];
}

/** The ELK graph (sizes and hierarchy only) and the metadata to draw it after layout. */
export interface CanvasModel {
  elk: ElkInput;
  nodes: Map<string, CanvasNodeMeta>;
  edges: CanvasEdgeMeta[];
}

export interface ElkInput {
  id: string;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkInput[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
}

const LAYERED = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.layered.thoroughness": "1",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.edgeRouting": "POLYLINE",
  "elk.spacing.nodeNode": "32",
  "elk.layered.spacing.nodeNodeBetweenLayers": "44",
} as const;

/** Up to this many children, a container keeps its steps in document order (a little slower, steadier). */
const ORDERED_UP_TO = 150;

/**
 * Layered layout options for a container of n children. Small containers keep document order, so that
 * parallel steps and branches stay where the person put them; big ones (hundreds of steps) use the
 * fast settings measured on StressTest1000 (model order there costs seconds, not milliseconds).
 */
function layered(children: number): Record<string, string> {
  if (children <= ORDERED_UP_TO) {
    return {
      ...LAYERED,
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.layered.crossingMinimization.forceNodeModelOrder": "true",
    };
  }
  return {
    ...LAYERED,
    "elk.layered.layering.strategy": "LONGEST_PATH",
    "elk.layered.crossingMinimization.greedySwitch.type": "OFF",
  };
}

export const tailId = (container: string): string => `${container}#tail`;
export const headId = (branch: string): string => `${branch}#head`;

export function buildCanvasModel(graph: FlowGraph, collapsed: ReadonlySet<string>): CanvasModel {
  const nodes = new Map<string, CanvasNodeMeta>();
  const edges: CanvasEdgeMeta[] = [];

  const leaf = (meta: CanvasNodeMeta): ElkInput => {
    nodes.set(meta.id, meta);
    return { id: meta.id, width: meta.width ?? 0, height: meta.height ?? 0 };
  };

  /** Lays out one container: head, steps (recursing into expanded scopes), tail, and its edges. */
  const container = (
    elkNode: ElkInput,
    /** The graph node the head stands for (trigger or branch) and the node drawn for it. */
    head: { graphId: string; drawId: string } | undefined,
    childIds: readonly string[],
    parentId: string | undefined,
    startPoint: InsertionPoint,
  ): void => {
    const children: ElkInput[] = elkNode.children ?? [];
    const elkEdges: NonNullable<ElkInput["edges"]> = [];
    const inside = new Set<string>();
    for (const id of childIds) {
      const action = graph.byId.get(id);
      if (action?.kind !== "action") continue;
      inside.add(id);
      children.push(step(action, parentId));
    }
    const addEdge = (
      source: string,
      target: string,
      point: InsertionPoint | undefined,
      statuses: RunAfterStatus[],
    ) => {
      const id = `${source}->${target}`;
      edges.push({ id, source, target, point, statuses });
      elkEdges.push({ id, sources: [source], targets: [target] });
    };
    const withOutgoing = new Set<string>();
    for (const id of inside) {
      for (const edge of graph.incoming.get(id) ?? []) {
        const fromSibling = inside.has(edge.source);
        if (!fromSibling && edge.source !== head?.graphId) continue;
        if (fromSibling) withOutgoing.add(edge.source);
        const unusual = edge.statuses.some((s) => s !== "Succeeded");
        const source = fromSibling ? edge.source : (head?.drawId ?? edge.source);
        addEdge(source, id, edgeInsertionPoint(graph, edge), unusual ? edge.statuses : []);
      }
    }
    const tail = tailId(parentId ?? ROOT_CONTAINER_ID);
    const empty = inside.size === 0;
    const sinks = [...inside].filter((id) => !withOutgoing.has(id));
    children.push(
      leaf({
        id: tail,
        kind: "tail",
        graphId: parentId ?? ROOT_CONTAINER_ID,
        parentId,
        ...(empty ? SIZES.emptyTail : SIZES.tail),
        // After one last step the tail is its "+"; an empty branch's tail is its drop zone; after
        // parallel last steps each edge carries its own "+" and the tail only closes the branch.
        ...(empty
          ? { point: startPoint }
          : sinks.length === 1 && sinks[0] !== undefined
            ? { point: { kind: "after" as const, action: nameOf(sinks[0]) } }
            : {}),
        empty,
      }),
    );
    if (empty && head) addEdge(head.drawId, tail, undefined, []);
    for (const sink of sinks) {
      addEdge(sink, tail, sinks.length > 1 ? { kind: "after", action: nameOf(sink) } : undefined, []);
    }
    elkNode.children = children;
    elkNode.edges = elkEdges;
  };

  const nameOf = (id: string): string => {
    const node = graph.byId.get(id);
    return node?.kind === "action" ? node.name : id;
  };

  const step = (action: ActionNode, parentId: string | undefined): ElkInput => {
    const isScope = action.branchIds.length > 0;
    if (!isScope || collapsed.has(action.name)) {
      return leaf({
        id: action.id,
        kind: "action",
        graphId: action.id,
        parentId,
        ...SIZES.card,
        ...(isScope ? { hiddenSteps: countSteps(graph, action) } : {}),
      });
    }
    nodes.set(action.id, { id: action.id, kind: "scope", graphId: action.id, parentId });
    const scopeNode: ElkInput = {
      id: action.id,
      layoutOptions: {
        ...layered(action.branchIds.length),
        "elk.padding": `[top=${SIZES.scopeHeader},left=16,bottom=16,right=16]`,
        "elk.spacing.nodeNode": "24",
        // Branches have no edges between them: keep them one component, in order (Yes before No).
        "elk.separateConnectedComponents": "false",
      },
      children: action.branchIds.map((branchId) => branch(branchId, action.id)),
      edges: [],
    };
    return scopeNode;
  };

  const branch = (branchId: string, scopeId: string): ElkInput => {
    const node = graph.byId.get(branchId) as BranchNode;
    nodes.set(branchId, { id: branchId, kind: "branch", graphId: branchId, parentId: scopeId });
    const head = headId(branchId);
    const elkNode: ElkInput = {
      id: branchId,
      layoutOptions: {
        ...layered(node.childIds.length),
        "elk.padding": "[top=12,left=12,bottom=12,right=12]",
      },
      children: [leaf({ id: head, kind: "head", graphId: branchId, parentId: branchId, ...SIZES.head })],
    };
    container(elkNode, { graphId: branchId, drawId: head }, node.childIds, branchId, {
      kind: "start",
      container: node.ref,
    });
    return elkNode;
  };

  const root: ElkInput = {
    id: ROOT_CONTAINER_ID,
    layoutOptions: layered(graph.rootIds.length),
    children: [],
  };
  const trigger = graph.triggers[0];
  if (trigger) {
    root.children?.push(
      leaf({ id: trigger.id, kind: "trigger", graphId: trigger.id, parentId: undefined, ...SIZES.card }),
    );
  }
  const head = trigger ? { graphId: trigger.id, drawId: trigger.id } : undefined;
  container(root, head, graph.rootIds, undefined, { kind: "start", container: null });
  return { elk: root, nodes, edges };
}

function countSteps(graph: FlowGraph, action: ActionNode): number {
  let count = 0;
  const visit = (branchIds: readonly string[]) => {
    for (const branchId of branchIds) {
      const branch = graph.byId.get(branchId);
      if (branch?.kind !== "branch") continue;
      for (const childId of branch.childIds) {
        const child = graph.byId.get(childId);
        if (child?.kind !== "action") continue;
        count++;
        visit(child.branchIds);
      }
    }
  };
  visit(action.branchIds);
  return count;
}

export { containerId };
