// Positions for a canvas model, computed by ELK in a worker. Results are relative to the parent
// container, which is what React Flow's sub-flows expect.
import type { ElkInput } from "./elements";
import { FAST_LAYOUT_ABOVE, fastLayout, isBranchLane } from "./fast-layout";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Layout = Map<string, Box>;

interface LayoutResult extends ElkInput {
  x?: number;
  y?: number;
}

type Reply = { id: number; result: LayoutResult } | { id: number; error: string };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL("./elk.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<Reply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if ("error" in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.result);
  };
  // A worker that cannot load (its script no longer served) or that crashed answers nothing: fail
  // what waits for it, and start a new one next time.
  created.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    created.terminate();
    if (worker === created) worker = undefined;
    const error = new Error(event.message || "the layout worker stopped");
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker = created;
  return created;
}

/**
 * ELK for flows of ordinary size; the fast layered layout for very large ones (see fast-layout.ts),
 * and for any flow when ELK's worker fails, so the canvas is never left empty.
 */
export async function computeLayout(graph: ElkInput, nodeCount: number): Promise<Layout> {
  if (nodeCount > FAST_LAYOUT_ABOVE) return fastLayout(graph);
  try {
    return await elkLayout(graph);
  } catch (error) {
    console.warn("ELK layout failed; using the fast layout instead:", error);
    return fastLayout(graph);
  }
}

async function elkLayout(graph: ElkInput): Promise<Layout> {
  const id = nextId++;
  const result = await new Promise<LayoutResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, graph });
  });
  const boxes: Layout = new Map();
  const collect = (node: LayoutResult) => {
    alignBranches(node);
    for (const child of (node.children ?? []) as LayoutResult[]) {
      boxes.set(child.id, {
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
      });
      collect(child);
    }
  };
  collect(result);
  boxes.set(result.id, { x: 0, y: 0, width: result.width ?? 0, height: result.height ?? 0 });
  return boxes;
}

/**
 * ELK centres the branches of a scope in their layer; lanes read better top-aligned and of equal
 * height (Yes and No side by side, like a table). Branches have no edges between them, so moving
 * them vertically changes nothing else.
 */
function alignBranches(node: LayoutResult): void {
  const children = (node.children ?? []) as LayoutResult[];
  if (children.length === 0 || !children.every(isBranchLane)) return;
  const top = Math.min(...children.map((c) => c.y ?? 0));
  const bottom = Math.max(...children.map((c) => (c.y ?? 0) + (c.height ?? 0)));
  for (const child of children) {
    child.y = top;
    child.height = bottom - top;
  }
}
