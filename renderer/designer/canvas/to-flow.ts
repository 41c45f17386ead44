// Turns a laid-out canvas model into React Flow nodes and edges. Node objects are reused when
// nothing about them changed, so React Flow re-renders only the cards an edit touched.
import { type Edge, type Node, type NodeHandle, Position } from "@xyflow/react";
import type { FlowGraph, InsertionPoint } from "../../../shared/flow";
import { branchHeadLabel, cardAriaLabel, cardInfo, stepNote } from "../card-info";
import type { CanvasModel, CanvasNodeMeta } from "./elements";
import type { Box, Layout } from "./layout";
import type { ChangeMark, StepBadge } from "./nodes/StepCard";

export interface FlowDecorations {
  selected: string | undefined;
  /** The other cards of a selection of several. */
  alsoSelected: ReadonlySet<string>;
  badges: ReadonlyMap<string, StepBadge>;
  statuses: ReadonlyMap<string, string>;
  /** Steps marked as changed from a compared version, by node id. */
  changes: ReadonlyMap<string, ChangeMark>;
  /** Undefined on a read-only canvas (a run, an old version): no "+" anywhere. */
  onPick: ((point: InsertionPoint, anchor: DOMRect) => void) | undefined;
  onToggleCollapse: (name: string) => void;
}

type CacheEntry = { node: Node; key: unknown[] };
export type NodeCache = Map<string, CacheEntry>;

const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export function toFlowNodes(
  model: CanvasModel,
  layout: Layout,
  graph: FlowGraph,
  decorations: FlowDecorations,
  cache: NodeCache,
): Node[] {
  const nodes: Node[] = [];
  for (const [id, box] of layout) {
    const meta = model.nodes.get(id);
    if (!meta) continue; // the root container itself
    const node = buildNode(meta, box, graph, decorations, cache);
    if (node) nodes.push(node);
  }
  return nodes;
}

function buildNode(
  meta: CanvasNodeMeta,
  box: Box,
  graph: FlowGraph,
  d: FlowDecorations,
  cache: NodeCache,
): Node | undefined {
  const graphNode = graph.byId.get(meta.graphId);
  const selected = d.selected === meta.id || d.alsoSelected.has(meta.id);
  const step =
    graphNode?.kind === "action"
      ? graphNode.action
      : graphNode?.kind === "trigger"
        ? graphNode.trigger
        : undefined;
  const badge = d.badges.get(meta.id);
  const status = d.statuses.get(meta.id);
  const change = d.changes.get(meta.id);
  const written = stepNote(step);
  const note = written.trim() !== "" ? written : undefined;
  const key: unknown[] = [
    meta.kind,
    box.x,
    box.y,
    box.width,
    box.height,
    meta.parentId,
    step,
    selected,
    badge?.errors,
    badge?.warnings,
    status,
    change,
    meta.hiddenSteps,
    meta.empty,
    d.onPick,
  ];
  const cached = cache.get(meta.id);
  if (cached && sameKey(cached.key, key)) return cached.node;

  const base = {
    id: meta.id,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    // Sizes and handles are known from the layout: React Flow then never has to render a card just
    // to measure it (with hundreds of cards, that forced render is what made edits slow).
    measured: { width: box.width, height: box.height },
    handles: handlesOf(meta.kind, box),
    ...(meta.parentId !== undefined ? { parentId: meta.parentId, extent: undefined } : {}),
    selected,
  };
  let node: Node | undefined;
  switch (meta.kind) {
    case "trigger":
    case "action": {
      if (!graphNode || graphNode.kind === "branch" || step === undefined) return undefined;
      const name = graphNode.name;
      const info = cardInfo(name, step);
      node = {
        ...base,
        type: "step",
        draggable: meta.kind === "action",
        ariaLabel: cardAriaLabel(info, badge, status, note),
        data: {
          info,
          isTrigger: meta.kind === "trigger",
          badge,
          status,
          ...(change ? { change } : {}),
          ...(note ? { note } : {}),
          ...(meta.hiddenSteps !== undefined
            ? { hiddenSteps: meta.hiddenSteps, onToggleCollapse: () => d.onToggleCollapse(name) }
            : {}),
        },
      };
      break;
    }
    case "scope": {
      if (graphNode?.kind !== "action") return undefined;
      const name = graphNode.name;
      const info = cardInfo(name, graphNode.action);
      node = {
        ...base,
        type: "scope",
        draggable: true,
        style: { width: box.width, height: box.height },
        ariaLabel: cardAriaLabel(info, badge, status, note),
        data: {
          info,
          isTrigger: false,
          badge,
          status,
          ...(change ? { change } : {}),
          ...(note ? { note } : {}),
          onToggleCollapse: () => d.onToggleCollapse(name),
        },
      };
      break;
    }
    case "branch": {
      if (graphNode?.kind !== "branch") return undefined;
      node = {
        ...base,
        type: "branch",
        draggable: false,
        selectable: false,
        style: { width: box.width, height: box.height },
        data: { tone: toneOf(graphNode.label) },
      };
      break;
    }
    case "head": {
      if (graphNode?.kind !== "branch") return undefined;
      const scope = graph.byId.get(graphNode.parentId);
      node = {
        ...base,
        type: "head",
        draggable: false,
        selectable: false,
        data: {
          label: branchHeadLabel(
            graphNode.label,
            graphNode.caseValue,
            scope?.kind === "action" ? scope.type : "",
          ),
          tone: toneOf(graphNode.label),
        },
      };
      break;
    }
    case "tail": {
      // Read-only: an empty branch still shows that it is empty; elsewhere the tail just closes the branch.
      const insertable = meta.point && (d.onPick || meta.empty);
      node = {
        ...base,
        type: insertable ? "tail" : "end",
        draggable: false,
        selectable: false,
        data: insertable ? { point: meta.point, empty: meta.empty ?? false, onPick: d.onPick } : {},
      };
      break;
    }
  }
  if (node) cache.set(meta.id, { node, key });
  return node;
}

export function toFlowEdges(model: CanvasModel, onPick: FlowDecorations["onPick"]): Edge[] {
  return model.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: "insert",
    selectable: false,
    data: { point: onPick ? edge.point : undefined, statuses: edge.statuses, onPick },
  }));
}

function toneOf(label: string): "yes" | "no" | "neutral" {
  return label === "yes" ? "yes" : label === "no" ? "no" : "neutral";
}

function handlesOf(kind: CanvasNodeMeta["kind"], box: Box): NodeHandle[] {
  const centre = box.width / 2;
  const target: NodeHandle = { type: "target", position: Position.Top, x: centre, y: 0, width: 1, height: 1 };
  const source: NodeHandle = {
    type: "source",
    position: Position.Bottom,
    x: centre,
    y: box.height,
    width: 1,
    height: 1,
  };
  switch (kind) {
    case "trigger":
    case "head":
      return [source];
    case "tail":
      return [target];
    case "branch":
      return [];
    default:
      return [target, source];
  }
}
