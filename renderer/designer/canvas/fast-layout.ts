// A layered top-down layout for very large flows, where ELK takes a second or more (StressTest1000:
// about a second in a browser worker). Same model, same conventions (positions relative to the
// parent, padding as the ELK options say), a fraction of the time: layers by longest path, order in
// a layer by the parents' order (barycenter), x centred under the parents and pushed apart where
// cards would overlap. Normal flows keep ELK's finer layout.
import type { ElkInput } from "./elements";
import type { Box, Layout } from "./layout";

const NODE_SPACING = 32;
const LAYER_SPACING = 44;
const BRANCH_SPACING = 24;

interface Padding {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function paddingOf(node: ElkInput): Padding {
  const text = node.layoutOptions?.["elk.padding"] ?? "";
  const read = (side: string) => Number(new RegExp(`${side}=(\\d+)`).exec(text)?.[1] ?? 12);
  return text
    ? { top: read("top"), left: read("left"), bottom: read("bottom"), right: read("right") }
    : { top: 12, left: 12, bottom: 12, right: 12 };
}

export function fastLayout(root: ElkInput): Layout {
  const layout: Layout = new Map();
  const size = layoutContainer(root, layout);
  layout.set(root.id, { x: 0, y: 0, ...size });
  return layout;
}

/** Lays out a container's children (recursively) and returns the container's size. */
function layoutContainer(node: ElkInput, layout: Layout): { width: number; height: number } {
  const children = node.children ?? [];
  const sizes = new Map<string, { width: number; height: number }>();
  for (const child of children) {
    sizes.set(
      child.id,
      child.children
        ? layoutContainer(child, layout)
        : { width: child.width ?? 0, height: child.height ?? 0 },
    );
  }
  const isScope = children.length > 0 && children.every(isBranchLane);
  const padding = node.id === "#root" ? { top: 0, left: 0, bottom: 0, right: 0 } : paddingOf(node);
  const placed = isScope ? sideBySide(children, sizes) : layered(children, node.edges ?? [], sizes);
  let width = 0;
  let height = 0;
  for (const [id, box] of placed) {
    const at: Box = { ...box, x: box.x + padding.left, y: box.y + padding.top };
    layout.set(id, at);
    width = Math.max(width, at.x + at.width);
    height = Math.max(height, at.y + at.height);
  }
  return { width: width + padding.right, height: height + padding.bottom };
}

/** A scope's branches: one row, top-aligned, equal heights (as the canvas aligns ELK's output too). */
function sideBySide(
  children: ElkInput[],
  sizes: Map<string, { width: number; height: number }>,
): Map<string, Box> {
  const placed = new Map<string, Box>();
  const height = Math.max(...children.map((c) => sizes.get(c.id)?.height ?? 0));
  let x = 0;
  for (const child of children) {
    const width = sizes.get(child.id)?.width ?? 0;
    placed.set(child.id, { x, y: 0, width, height });
    x += width + BRANCH_SPACING;
  }
  return placed;
}

function layered(
  children: ElkInput[],
  edges: NonNullable<ElkInput["edges"]>,
  sizes: Map<string, { width: number; height: number }>,
): Map<string, Box> {
  const ids = children.map((c) => c.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  const kids = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    const source = edge.sources[0];
    const target = edge.targets[0];
    if (
      source === undefined ||
      target === undefined ||
      !index.has(source) ||
      !index.has(target) ||
      source === target
    )
      continue;
    parents.get(target)?.push(source);
    kids.get(source)?.push(target);
  }

  // Layers by longest path (Kahn's order); steps caught in a cycle go below everything else.
  const layerOf = new Map<string, number>();
  const indegree = new Map(ids.map((id) => [id, parents.get(id)?.length ?? 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    const layer = Math.max(0, ...(parents.get(id) ?? []).map((p) => (layerOf.get(p) ?? -1) + 1));
    layerOf.set(id, layer);
    for (const kid of kids.get(id) ?? []) {
      const left = (indegree.get(kid) ?? 1) - 1;
      indegree.set(kid, left);
      if (left === 0) queue.push(kid);
    }
  }
  let deepest = Math.max(-1, ...layerOf.values());
  for (const id of ids) if (!layerOf.has(id)) layerOf.set(id, ++deepest);

  const layers: string[][] = [];
  for (const id of ids) {
    const at = layerOf.get(id) ?? 0;
    const layer = layers[at] ?? [];
    layer.push(id);
    layers[at] = layer;
  }

  // Order in a layer: by the mean position of the parents in the layer above, then document order.
  const position = new Map<string, number>();
  for (const layer of layers) {
    if (!layer) continue;
    const key = (id: string) => {
      const ps = parents.get(id) ?? [];
      return ps.length === 0
        ? Number.POSITIVE_INFINITY
        : ps.reduce((sum, p) => sum + (position.get(p) ?? 0), 0) / ps.length;
    };
    layer.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? -1 : 1;
      return (index.get(a) ?? 0) - (index.get(b) ?? 0);
    });
    for (const [i, id] of layer.entries()) position.set(id, i);
  }

  // Coordinates: each card centred under its parents, then pushed right where it would overlap.
  const placed = new Map<string, Box>();
  let y = 0;
  for (const layer of layers) {
    if (!layer) continue;
    let right = Number.NEGATIVE_INFINITY;
    let layerHeight = 0;
    for (const id of layer) {
      const { width, height } = sizes.get(id) ?? { width: 0, height: 0 };
      const ps = parents.get(id) ?? [];
      const centres = ps.map((p) => {
        const box = placed.get(p);
        return box ? box.x + box.width / 2 : 0;
      });
      const first = right === Number.NEGATIVE_INFINITY;
      const next = first ? 0 : right + NODE_SPACING;
      const wanted = centres.length ? centres.reduce((a, b) => a + b, 0) / centres.length - width / 2 : next;
      const x = first ? wanted : Math.max(wanted, next);
      placed.set(id, { x, y, width, height });
      right = x + width;
      layerHeight = Math.max(layerHeight, height);
    }
    y += layerHeight + LAYER_SPACING;
  }
  // Start at x = 0.
  const minX = Math.min(0, ...[...placed.values()].map((b) => b.x));
  if (minX < 0) for (const box of placed.values()) box.x -= minX;
  return placed;
}

/** A scope's branch lane (not the head chip or tail "+" inside it, whose ids extend the branch's). */
export function isBranchLane(node: ElkInput): boolean {
  return node.id.startsWith("#branch/") && !/#(head|tail)$/.test(node.id);
}

/** How many nodes make a flow big enough for the fast layout. */
export const FAST_LAYOUT_ABOVE = 300;
