import {
  applyNodeChanges,
  Background,
  Controls,
  type Edge,
  type EdgeTypes,
  MiniMap,
  type Node,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  useReactFlow,
  useStore,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { findOperation } from "../../../shared/connectors";
import {
  actionNameOfNodeId,
  type FlowGraph,
  type InsertionPoint,
  insertionPointFromId,
} from "../../../shared/flow";
import { t } from "../../i18n";
import { toast } from "../../ui/toasts";
import { useDesigner, useDesignerStore } from "../state/context";
import { insertOperation, moveSteps, selectedStepNames, toggleCollapsed } from "../state/edits";
import { graphOf } from "../state/graph-cache";
import { checkDropAt, type DragSubject, dropPointAt, STEP_MIME, useDnd } from "./dnd";
import { InsertEdge } from "./edges/InsertEdge";
import { buildCanvasModel, type CanvasModel } from "./elements";
import { focusCard } from "./focus-card";
import { computeLayout, type Layout } from "./layout";
import { BranchHead, BranchLane, EndNode, TailNode } from "./nodes/BranchNodes";
import { NoteNode } from "./nodes/NoteNode";
import { type ChangeMark, ScopeNode, type StepBadge, StepCard } from "./nodes/StepCard";
import { type NodeCache, toFlowEdges, toFlowNodes } from "./to-flow";

const nodeTypes: NodeTypes = {
  step: StepCard,
  scope: ScopeNode,
  branch: BranchLane,
  head: BranchHead,
  tail: TailNode,
  end: EndNode,
  note: NoteNode,
};
const edgeTypes: EdgeTypes = { insert: InsertEdge };

/** Above this many cards only the visible ones are rendered. */
const VIRTUALIZE_ABOVE = 150;

interface LaidOut {
  graph: FlowGraph;
  model: CanvasModel;
  layout: Layout;
}

export interface FlowCanvasProps {
  dark: boolean;
  badges: ReadonlyMap<string, StepBadge>;
  statuses?: ReadonlyMap<string, string>;
  /** Steps marked as added, changed or removed against a compared version, by node id. */
  changes?: ReadonlyMap<string, ChangeMark>;
  /** Opens the step picker at a "+"; a read-only canvas (the store's readOnly) shows no "+". */
  onPick?: (point: InsertionPoint, anchor: DOMRect) => void;
  /** A right click on a card (its node id) or on the empty canvas (undefined), where it happened. */
  onContextMenu?: (nodeId: string | undefined, at: { x: number; y: number }) => void;
  /** Called after each layout with the time it took from the edit (for the designer's own figures). */
  onLaidOut?: (ms: number) => void;
}

const NO_STATUSES: ReadonlyMap<string, string> = new Map();
const NO_CHANGES: ReadonlyMap<string, ChangeMark> = new Map();

export function FlowCanvas({
  dark,
  badges,
  statuses = NO_STATUSES,
  changes = NO_CHANGES,
  onPick: pick,
  onContextMenu,
  onLaidOut,
}: FlowCanvasProps) {
  const store = useDesignerStore();
  const definition = useDesigner((s) => s.definition);
  const collapsedList = useDesigner((s) => s.designer.collapsed);
  const notes = useDesigner((s) => s.designer.notes);
  const selected = useDesigner((s) => s.selected);
  const alsoSelectedList = useDesigner((s) => s.alsoSelected);
  const alsoSelected = useMemo(() => new Set(alsoSelectedList), [alsoSelectedList]);
  const readOnly = useDesigner((s) => s.readOnly);
  const onPick = readOnly ? undefined : pick;
  const flow = useReactFlow();

  const graph = useMemo(() => graphOf(definition), [definition]);
  const collapsed = useMemo(() => new Set(collapsedList), [collapsedList]);
  const model = useMemo(() => buildCanvasModel(graph, collapsed), [graph, collapsed]);

  // The previous layout stays on screen until the new one is ready: no flash, no jump.
  const [laidOut, setLaidOut] = useState<LaidOut>();
  const firstLayout = useRef(true);
  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    computeLayout(model.elk, model.nodes.size).then(
      (layout) => {
        performance.measure("flowsmith:layout", { start: started });
        if (cancelled) return;
        setLaidOut({ graph, model, layout });
        onLaidOut?.(performance.now() - started);
      },
      (error: unknown) => toast.error(t("designer.layoutFailed", { message: String(error) })),
    );
    return () => {
      cancelled = true;
    };
  }, [graph, model, onLaidOut]);

  const onToggleCollapse = useCallback((name: string) => toggleCollapsed(store, name), [store]);

  const cache = useRef<NodeCache>(new Map());
  const computedNodes = useMemo<Node[]>(() => {
    if (!laidOut) return [];
    const nodes = toFlowNodes(
      laidOut.model,
      laidOut.layout,
      laidOut.graph,
      { selected, alsoSelected, badges, statuses, changes, onPick, onToggleCollapse },
      cache.current,
    );
    for (const note of notes) {
      nodes.push({
        id: `note:${note.id}`,
        type: "note",
        position: { x: note.x, y: note.y },
        width: 220,
        height: 140,
        selected: selected === `note:${note.id}`,
        data: { note },
        zIndex: 10,
      });
    }
    return nodes;
  }, [laidOut, selected, alsoSelected, badges, statuses, changes, onPick, onToggleCollapse, notes]);
  const edges = useMemo<Edge[]>(() => (laidOut ? toFlowEdges(laidOut.model, onPick) : []), [laidOut, onPick]);

  // React Flow moves nodes while they are dragged; the layout takes over again when the drag ends.
  const [nodes, setNodes] = useState<Node[]>(computedNodes);
  useEffect(() => setNodes(computedNodes), [computedNodes]);
  // A box drawn with Shift selects the steps wholly inside it (a scope only when all of it is):
  // React Flow reports them as it goes; the designer's selection takes them when it is released.
  const boxed = useRef<Set<string> | undefined>(undefined);
  // The card being dragged. React Flow would drag every selected card with it, and the "+" on their
  // edges would slide away from under the pointer: only the grabbed card follows it (the others of
  // a selection move with it when it is dropped).
  const grabbed = useRef<string | undefined>(undefined);
  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const only = grabbed.current;
    if (only !== undefined) changes = changes.filter((c) => c.type !== "position" || c.id === only);
    const box = boxed.current;
    if (box)
      for (const change of changes)
        if (change.type === "select") {
          if (change.selected) box.add(change.id);
          else box.delete(change.id);
        }
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  // Once the new layout is on screen: the first one makes the canvas ready, later ones end an edit.
  useEffect(() => {
    if (!laidOut) return;
    const frame = requestAnimationFrame(() => {
      if (performance.getEntriesByName("flowsmith:canvas-ready").length === 0)
        performance.mark("flowsmith:canvas-ready");
      if (performance.getEntriesByName("flowsmith:edit").length > 0) {
        performance.measure("flowsmith:edit-to-layout", "flowsmith:edit");
        performance.clearMarks("flowsmith:edit");
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [laidOut]);

  useEffect(() => {
    if (!laidOut || !firstLayout.current) return;
    firstLayout.current = false;
    // Small flows fit the window; big ones open at the trigger at a readable zoom.
    const trigger = laidOut.graph.triggers[0];
    if (laidOut.model.nodes.size <= 60 || !trigger) void flow.fitView({ maxZoom: 1, padding: 0.15 });
    else {
      const box = laidOut.layout.get(trigger.id);
      if (box) void flow.setCenter(box.x + box.width / 2, box.y + 300, { zoom: 0.9 });
    }
  }, [laidOut, flow]);

  // Keep the selected card in sight: a step just added, or reached with the keyboard, is scrolled to;
  // and when the canvas narrows (the properties panel opens beside it), the card stays visible. The
  // pane's size comes from React Flow's store, so setCenter centres in the size it knows.
  const container = useRef<HTMLDivElement>(null);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const focusedSelection = useRef<string>(undefined);
  useEffect(() => {
    if (!selected || !laidOut || paneWidth === 0) return;
    const frame = requestAnimationFrame(() => {
      const node = flow.getInternalNode(selected);
      if (!node) return;
      // The keyboard follows the selection when it was on the canvas, or lost with a card that went
      // (a step deleted, an edit undone); never out of a field or a box being typed in.
      const active = document.activeElement;
      const moved = focusedSelection.current !== selected;
      focusedSelection.current = selected;
      if (!active || active === document.body || (moved && active.closest(".react-flow__node")))
        focusCard(selected);
      const { x, y, zoom } = flow.getViewport();
      const at = node.internals.positionAbsolute;
      const width = (node.measured.width ?? 300) * zoom;
      const height = Math.min(node.measured.height ?? 64, 64) * zoom;
      const left = at.x * zoom + x;
      const top = at.y * zoom + y;
      const margin = 40;
      const inside =
        left >= margin &&
        top >= margin &&
        left + width <= paneWidth - margin &&
        top + height <= paneHeight - 140;
      if (!inside)
        void flow.setCenter(at.x + (node.measured.width ?? 300) / 2, at.y + 150, { zoom, duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [selected, laidOut, flow, paneWidth, paneHeight]);

  const dragSubject = useRef<DragSubject>(undefined);
  const dnd = useDnd();

  const hoverAt = (clientX: number, clientY: number, subject: DragSubject) => {
    const pointId = dropPointAt(clientX, clientY);
    const point = pointId ? insertionPointFromId(pointId) : undefined;
    dnd.hoverPoint(point ? checkDropAt(store.getState().definition, subject, point) : undefined);
    return point;
  };

  const finishDrop = (subject: DragSubject, point: InsertionPoint | undefined): void => {
    const hover = useDnd.getState().hover;
    dnd.end();
    if (!point) {
      toast.info(t("designer.dropHint"));
      return;
    }
    if (hover && !hover.ok) {
      toast.error(t("designer.dropRefused", { reason: hover.reason ?? "" }));
      return;
    }
    if (subject.kind === "move") moveSteps(store, subject.names, point);
    else {
      const operation = findOperation(subject.connectorId, subject.operationId);
      if (operation) insertOperation(store, point, operation);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the canvas is where palette steps are dropped; every drop target is also a button
    <div
      ref={container}
      className="canvas"
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes(STEP_MIME)) return;
        const subject = useDnd.getState().dragging;
        if (!subject) return;
        const point = hoverAt(event.clientX, event.clientY, subject);
        const hover = useDnd.getState().hover;
        // Allowing the drop is what makes the browser show it as possible.
        if (point && hover?.ok) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }
      }}
      onDrop={(event) => {
        const subject = useDnd.getState().dragging;
        if (!subject) return;
        event.preventDefault();
        finishDrop(subject, hoverAt(event.clientX, event.clientY, subject));
      }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        colorMode={dark ? "dark" : "light"}
        nodesConnectable={false}
        nodesDraggable={!readOnly}
        elementsSelectable
        selectNodesOnDrag={false}
        onlyRenderVisibleElements={nodes.length > VIRTUALIZE_ABOVE}
        minZoom={0.05}
        maxZoom={2}
        deleteKeyCode={null}
        // The designer's own keys (DesignerPage): arrows go from card to card, Enter opens a card.
        // React Flow's would move a clicked (focused) card by a few pixels instead.
        disableKeyboardA11y
        proOptions={{ hideAttribution: true }}
        // Ctrl+click adds a step to the selection, a box drawn with Shift selects the steps inside it:
        // the selection is the designer's (copy, cut, delete and wrap read it), not React Flow's.
        multiSelectionKeyCode={null}
        selectionKeyCode={readOnly ? null : "Shift"}
        onSelectionStart={() => {
          boxed.current = new Set();
        }}
        onSelectionEnd={() => {
          const box = boxed.current;
          boxed.current = undefined;
          if (!box || box.size === 0) return;
          const steps = nodes.filter((n) => box.has(n.id) && (n.type === "step" || n.type === "scope"));
          store.getState().selectSteps(steps.map((n) => n.id));
        }}
        onNodeClick={(event, node) => {
          if (
            (event.ctrlKey || event.metaKey || event.shiftKey) &&
            (node.type === "step" || node.type === "scope")
          ) {
            store.getState().toggleSelected(node.id);
            return;
          }
          if (node.type === "step" || node.type === "scope" || node.type === "note") {
            store.getState().select(node.id, { openPanel: node.type !== "note" });
          }
        }}
        onPaneClick={() => store.getState().select(undefined)}
        onNodeContextMenu={(event, node) => {
          if (!onContextMenu || (node.type !== "step" && node.type !== "scope")) return;
          event.preventDefault();
          // A card of a selection of several keeps it: the menu acts on them all.
          const { selected: primary, alsoSelected: others } = store.getState();
          if (primary !== node.id && !others.includes(node.id)) store.getState().select(node.id);
          onContextMenu(node.id, { x: event.clientX, y: event.clientY });
        }}
        onPaneContextMenu={(event) => {
          if (!onContextMenu) return;
          event.preventDefault();
          onContextMenu(undefined, { x: event.clientX, y: event.clientY });
        }}
        onNodeDragStart={(_event, node) => {
          grabbed.current = node.id;
          if (node.type === "note") return;
          const name = actionNameOfNodeId(node.id);
          if (name === undefined) return;
          // A card of a selection of several takes the whole selection with it.
          const state = store.getState();
          const inSelection = state.selected === node.id || state.alsoSelected.includes(node.id);
          const names = inSelection ? selectedStepNames(state) : [name];
          dragSubject.current = { kind: "move", names: names.length > 0 ? names : [name] };
          dnd.start(dragSubject.current);
        }}
        onNodeDrag={(event) => {
          const { x, y } = clientPoint(event);
          if (dragSubject.current) hoverAt(x, y, dragSubject.current);
        }}
        onNodeDragStop={(event, node) => {
          grabbed.current = undefined;
          if (node.type === "note") {
            const id = node.id.slice("note:".length);
            store.getState().applyDesigner(t("designer.edit.moveNote"), (d) => ({
              ...d,
              notes: d.notes.map((n) => (n.id === id ? { ...n, x: node.position.x, y: node.position.y } : n)),
            }));
            return;
          }
          const subject = dragSubject.current;
          dragSubject.current = undefined;
          setNodes(computedNodes);
          if (subject) {
            const { x, y } = clientPoint(event);
            const point = hoverAt(x, y, subject);
            // A drag that ends where it started is a click, not a refused drop.
            if (point || useDnd.getState().hover) finishDrop(subject, point);
            else dnd.end();
          }
        }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        <MiniMap
          // Its size as a style: React Flow draws the map to it (a CSS size would crop a 200 × 150 map).
          style={{ width: 180, height: 120 }}
          pannable
          zoomable
          nodeColor={(n) => (n.type === "step" ? "var(--minimap-node)" : "transparent")}
        />
      </ReactFlow>
    </div>
  );
}

function clientPoint(event: MouseEvent | TouchEvent): { x: number; y: number } {
  if ("clientX" in event) return { x: event.clientX, y: event.clientY };
  const touch = event.changedTouches[0];
  return { x: touch?.clientX ?? 0, y: touch?.clientY ?? 0 };
}
