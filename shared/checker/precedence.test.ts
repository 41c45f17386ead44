import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../fixtures/corpus";
import { predecessorsOf, readFlowFile, type WdlDefinition } from "../flow";
import { analyze } from "./analysis";
import { compose, flow, succeeded } from "./test-support/flows";

// The bit rows must say exactly what shared/flow's predecessorsOf says, step by step.
describe("sure-before rows agree with predecessorsOf", () => {
  it.each(corpusFiles().map((f) => [f.name, f.text]))("%s", (_name, text) => {
    const read = readFlowFile(text);
    if (!read.ok) throw new Error(read.error.message);
    const analysis = analyze(read.document.definition);
    for (const step of analysis.actions) {
      const expected = predecessorsOf(analysis.graph, step.name).map((n) => n.name);
      const actual = analysis.precedence.sureBeforeList(step.index).map((i) => analysis.actions[i]?.name);
      expect(actual, step.name).toEqual(expected);
    }
  });
});

describe("sure-before rows on nested scopes", () => {
  it("agree with predecessorsOf through Scope, Do until, Condition, Switch and loops", () => {
    const definition: WdlDefinition = flow({
      A: compose(1),
      Scope: {
        type: "Scope",
        runAfter: succeeded("A"),
        actions: {
          Until: {
            type: "Until",
            runAfter: {},
            expression: "@true",
            actions: {
              U1: compose(1),
              Condition: {
                type: "If",
                runAfter: succeeded("U1"),
                expression: "@true",
                actions: { Y: compose(1) },
                else: { actions: { N: compose(1) } },
              },
              U2: compose(1, succeeded("Condition")),
            },
          },
          S2: compose(1, succeeded("Until")),
          Loop: {
            type: "Foreach",
            runAfter: succeeded("Until"),
            foreach: "@createArray(1)",
            actions: { L1: compose(1), L2: compose(1, succeeded("L1")) },
          },
        },
      },
      B: compose(1, succeeded("Scope")),
      Parallel: compose(1, succeeded("A")),
      Switch: {
        type: "Switch",
        runAfter: succeeded("B", "Parallel"),
        expression: "@1",
        cases: { One: { case: 1, actions: { C1: compose(1) } } },
        default: { actions: { D1: compose(1), D2: compose(1, succeeded("D1")) } },
      },
    });
    const analysis = analyze(definition);
    for (const step of analysis.actions) {
      const expected = predecessorsOf(analysis.graph, step.name).map((n) => n.name);
      const actual = analysis.precedence.sureBeforeList(step.index).map((i) => analysis.actions[i]?.name);
      expect(actual, step.name).toEqual(expected);
    }
    // Spot checks in words: after the Scope, everything its Do until always runs is done.
    const names = (name: string) =>
      analysis.precedence
        .sureBeforeList(analysis.byName.get(name.toLowerCase())?.index ?? -1)
        .map((i) => analysis.actions[i]?.name);
    expect(names("B")).toEqual(["A", "Scope", "Until", "U1", "Condition", "U2", "S2", "Loop"]);
    expect(names("D2")).toEqual(expect.arrayContaining(["A", "B", "Parallel", "D1"]));
  });
});
