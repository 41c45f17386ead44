// The baseline of the designer bench: bare React Flow drawing the same number of nodes and edges as
// our canvas, with no layout (grid positions), default options, fitted to the window.
import { type Edge, type Node, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import { createRoot } from "react-dom/client";

const params = new URLSearchParams(location.hash.slice(1));
const nodeCount = Number(params.get("nodes") ?? 1000);
const edgeCount = Number(params.get("edges") ?? 999);
const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => ({
  id: `n${i}`,
  position: { x: (i % 40) * 320, y: Math.floor(i / 40) * 120 },
  data: { label: `Step ${i}` },
}));
const edges: Edge[] = Array.from({ length: edgeCount }, (_, i) => ({
  id: `e${i}`,
  source: `n${i % nodeCount}`,
  target: `n${(i + 1) % nodeCount}`,
}));

/** React Flow calls onInit once its nodes are measured and the viewport is set: ready after that paint. */
const ready = () => requestAnimationFrame(() => performance.mark("flowsmith:canvas-ready"));

createRoot(document.getElementById("root") as HTMLElement).render(
  <div style={{ width: "100vw", height: "100vh" }}>
    <ReactFlowProvider>
      <ReactFlow nodes={nodes} edges={edges} fitView onInit={ready} />
    </ReactFlowProvider>
  </div>,
);
