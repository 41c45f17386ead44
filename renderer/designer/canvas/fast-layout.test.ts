import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../../fixtures/corpus";
import { buildGraph, readFlowFile } from "../../../shared/flow";
import { buildCanvasModel, type ElkInput } from "./elements";
import { fastLayout } from "./fast-layout";
import type { Box } from "./layout";

function absolute(root: ElkInput, layout: Map<string, Box>): Map<string, Box> {
  const out = new Map<string, Box>();
  const walk = (node: ElkInput, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const box = layout.get(child.id);
      if (!box) throw new Error(`no box for ${child.id}`);
      const at = { ...box, x: box.x + dx, y: box.y + dy };
      out.set(child.id, at);
      walk(child, at.x, at.y);
    }
  };
  walk(root, 0, 0);
  return out;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("the fast layered layout", () => {
  for (const file of corpusFiles().filter((f) =>
    /StressTest|AllScopeNodes|Switch|MultipleRunAfters/.test(f.name),
  )) {
    it(`${file.name}: every step below the steps it runs after, siblings never overlapping, containers holding their content`, () => {
      const read = readFlowFile(file.text);
      if (!read.ok) throw new Error(read.error.message);
      const model = buildCanvasModel(buildGraph(read.document.definition), new Set());
      const layout = fastLayout(model.elk);
      const boxes = absolute(model.elk, layout);
      for (const edge of model.edges) {
        const source = boxes.get(edge.source);
        const target = boxes.get(edge.target);
        if (!source || !target) continue;
        expect(target.y, edge.id).toBeGreaterThanOrEqual(source.y + source.height);
      }
      const check = (node: ElkInput) => {
        const children = node.children ?? [];
        const parent = node.id === "#root" ? undefined : boxes.get(node.id);
        for (let i = 0; i < children.length; i++) {
          const a = boxes.get(children[i]?.id ?? "");
          if (!a) continue;
          if (parent) {
            expect(a.x).toBeGreaterThanOrEqual(parent.x);
            expect(a.x + a.width).toBeLessThanOrEqual(parent.x + parent.width + 0.001);
            expect(a.y + a.height).toBeLessThanOrEqual(parent.y + parent.height + 0.001);
          }
          for (let j = i + 1; j < children.length; j++) {
            const b = boxes.get(children[j]?.id ?? "");
            if (b) expect(overlap(a, b), `${children[i]?.id} overlaps ${children[j]?.id}`).toBe(false);
          }
        }
        for (const child of children) check(child);
      };
      check(model.elk);
    });
  }

  it("lays out the 1,000-step flow in a few milliseconds", () => {
    const file = corpusFiles().find((f) => f.name.endsWith("StressTest1000.json"));
    const read = readFlowFile(file?.text ?? "");
    if (!read.ok) throw new Error("StressTest1000 missing");
    const model = buildCanvasModel(buildGraph(read.document.definition), new Set());
    const layout = fastLayout(model.elk);
    expect(layout.size).toBe(model.nodes.size + 1);
  });
});
