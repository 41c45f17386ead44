import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../../fixtures/corpus";
import {
  actionCount,
  buildGraph,
  insertionPointId,
  insertionPoints,
  readFlowFile,
  type WdlDefinition,
} from "../../../shared/flow";
import { buildCanvasModel, type ElkInput } from "./elements";

const definitions = corpusFiles().map((file) => {
  const read = readFlowFile(file.text);
  if (!read.ok) throw new Error(`${file.name}: ${read.error.message}`);
  return { name: file.name, definition: read.document.definition };
});

/** Every edge must join two children of the ELK node that lists it. */
function checkEdgesStayInContainers(node: ElkInput): void {
  const children = new Set((node.children ?? []).map((c) => c.id));
  for (const edge of node.edges ?? []) {
    expect(children.has(edge.sources[0] ?? ""), `${edge.id} source outside ${node.id}`).toBe(true);
    expect(children.has(edge.targets[0] ?? ""), `${edge.id} target outside ${node.id}`).toBe(true);
  }
  for (const child of node.children ?? []) checkEdgesStayInContainers(child);
}

describe("definition ⇄ canvas mapping", () => {
  it.each(definitions)("$name: one card per action and one lane per branch", ({ definition }) => {
    const graph = buildGraph(definition);
    const model = buildCanvasModel(graph, new Set());
    const kinds = [...model.nodes.values()].map((n) => n.kind);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    const branches = graph.nodes.filter((n) => n.kind === "branch").length;
    expect(count("action") + count("scope")).toBe(actionCount(definition));
    expect(count("branch")).toBe(branches);
    expect(count("head")).toBe(branches);
    expect(count("trigger")).toBe(Math.min(1, graph.triggers.length));
    // one tail per container: the top level and each branch
    expect(count("tail")).toBe(branches + 1);
    for (const edge of model.edges) {
      expect(model.nodes.has(edge.source), edge.id).toBe(true);
      expect(model.nodes.has(edge.target), edge.id).toBe(true);
    }
    checkEdgesStayInContainers(model.elk);
  });

  it("offers every insertion point of the definition somewhere on the canvas", () => {
    for (const { name, definition } of definitions) {
      const model = buildCanvasModel(buildGraph(definition), new Set());
      const drawn = new Set<string>();
      for (const edge of model.edges) if (edge.point) drawn.add(insertionPointId(edge.point));
      for (const node of model.nodes.values()) if (node.point) drawn.add(insertionPointId(node.point));
      // Every step can be followed, and every branch can be started (its "+" or its drop zone).
      for (const listed of insertionPoints(definition)) {
        const canReach =
          drawn.has(listed.id) ||
          [...drawn].some((id) => id.startsWith(`${listed.id}>`)) ||
          (listed.point.kind === "after" && hasFollowerPoints(drawn, listed.id));
        expect(canReach, `${name}: ${listed.id}`).toBe(true);
      }
    }
  });

  it("hides the contents of collapsed scopes behind one card", () => {
    const definition = definitions.find((d) => d.name.endsWith("AllScopeNodes.json"))
      ?.definition as WdlDefinition;
    const graph = buildGraph(definition);
    const scopes = graph.nodes.filter((n) => n.kind === "action" && n.branchIds.length > 0 && n.depth === 0);
    const collapsed = new Set(scopes.map((s) => (s.kind === "action" ? s.name : "")));
    const model = buildCanvasModel(graph, collapsed);
    const cards = [...model.nodes.values()].filter((n) => n.kind === "action");
    expect(cards.length).toBe(graph.rootIds.length);
    expect(cards.filter((c) => c.hiddenSteps !== undefined).length).toBe(scopes.length);
  });

  it("lays out every corpus flow with ELK without error", async () => {
    const elk = new ELK();
    for (const { name, definition } of definitions) {
      if (actionCount(definition) > 200) continue; // the stress flows are measured in the bench
      const model = buildCanvasModel(buildGraph(definition), new Set());
      const result = await elk.layout(model.elk as Parameters<typeof elk.layout>[0]);
      expect(result.width, name).toBeGreaterThan(0);
    }
  });
});

function hasFollowerPoints(drawn: ReadonlySet<string>, id: string): boolean {
  for (const point of drawn) if (point.startsWith(`${id}>`)) return true;
  return false;
}
