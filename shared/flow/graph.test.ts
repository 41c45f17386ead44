import { describe, expect, it } from "vitest";
import { branchesOf } from "./branches";
import { ancestorsOf, buildGraph, descendantsOf, predecessorsOf } from "./graph";
import { actionNameOfNodeId, actionNodeId, branchNodeId, triggerNodeId } from "./node-ids";
import { corpusDefinition, corpusFiles } from "./test-support/corpus";
import type { WdlDefinition } from "./types";
import { actionCount, allActions } from "./walk";

describe("the graph of every corpus file", () => {
  it.each(corpusFiles().map((f) => [f.name]))("%s", (name) => {
    const definition = corpusDefinition(name);
    const graph = buildGraph(definition);
    const branches = allActions(definition).reduce((n, e) => n + branchesOf(e.action).length, 0);
    const triggers = Object.keys(definition.triggers ?? {}).length;
    expect(graph.nodes.length).toBe(actionCount(definition) + branches + triggers);
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    for (const edge of graph.edges) {
      expect(graph.byId.has(edge.source)).toBe(true);
      expect(graph.byId.has(edge.target)).toBe(true);
    }
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(graph.problems).toEqual([]);
    // Every action has a way in: a runAfter edge, or the trigger / its branch.
    for (const node of graph.nodes) {
      if (node.kind === "action") expect(graph.incoming.get(node.id)?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe("AllScopeNodes", () => {
  const graph = buildGraph(corpusDefinition("logicapps/AllScopeNodes.json"));

  it("has nodes for the trigger, 24 actions and 15 branches", () => {
    const count = (kind: string) => graph.nodes.filter((n) => n.kind === kind).length;
    expect([count("trigger"), count("action"), count("branch")]).toEqual([1, 24, 15]);
    expect(graph.rootIds).toEqual(["Switch", "Initialize_owner"]);
  });

  it("names branches by scope and branch", () => {
    const sw = graph.byActionName.get("Switch");
    expect(sw?.branchIds).toEqual([
      "#branch/Switch/case/Conditional_Case",
      "#branch/Switch/case/ForEach_Case",
      "#branch/Switch/case/Scope_Case",
      "#branch/Switch/case/DoUntil_Case",
      "#branch/Switch/default",
    ]);
    expect(graph.byActionName.get("Condition")?.branchIds).toEqual([
      "#branch/Condition/yes",
      "#branch/Condition/no",
    ]);
    const caseNode = graph.byId.get("#branch/Switch/case/ForEach_Case");
    expect(caseNode).toMatchObject({
      kind: "branch",
      label: "ForEach_Case",
      caseValue: "test-2",
      parentId: "Switch",
    });
    expect(caseNode?.kind === "branch" && caseNode.childIds).toEqual(["ForEach"]);
  });

  it("draws edges from runAfter, from the trigger and from branches", () => {
    const into = (id: string) => graph.incoming.get(id)?.map((e) => [e.source, e.kind, e.statuses]);
    expect(into("Switch")).toEqual([["#trigger/Recurrence", "trigger", []]]);
    expect(into("Initialize_owner")).toEqual([["Switch", "runAfter", ["Succeeded"]]]);
    expect(into("Increment_variable_4")).toEqual([["Terminate", "runAfter", ["Failed"]]]);
    expect(into("Terminate_2")).toEqual([["#branch/Condition/no", "branch", []]]);
    expect(into("Default-Compose")).toEqual([["#branch/Switch/default", "branch", []]]);
  });

  it("knows depth, container and parents", () => {
    const node = graph.byActionName.get("ForEach_Action_3");
    expect(node).toMatchObject({
      depth: 3,
      parentId: "#branch/ForEach_nested/body",
      container: { kind: "body", scope: "ForEach_nested" },
      type: "IncrementVariable",
    });
    expect(ancestorsOf(graph, "ForEach_Action_3").map((n) => n.id)).toEqual([
      "#branch/ForEach_nested/body",
      "ForEach_nested",
      "#branch/ForEach/body",
      "ForEach",
      "#branch/Switch/case/ForEach_Case",
      "Switch",
    ]);
    expect(ancestorsOf(graph, "Switch")).toEqual([]);
    expect(descendantsOf(graph, "ForEach").map((n) => n.name)).toEqual([
      "ForEach_Action_1",
      "ForEach_nested",
      "ForEach_Action_2",
      "ForEach_Action_3",
      "ForEach_empty",
    ]);
  });
});

describe("predecessorsOf (do-until-exception)", () => {
  const graph = buildGraph(corpusDefinition("powerautomate/do-until-exception.json"));
  const runBefore = (name: string) => predecessorsOf(graph, name).map((n) => n.name);

  it("climbs the scopes around a step, without the scopes themselves", () => {
    expect(runBefore("Set_'Do_Until_Status'_to_Complete")).toEqual([
      "Actual_work",
      "Initialize_variable_'Do_Until_Status'",
    ]);
  });

  it("includes what is inside a preceding Scope, but not inside its Condition", () => {
    expect(runBefore("On_failure_set_'Do_Until_Status'_to_Exception")).toEqual([
      "Scope",
      "Actual_work",
      "Set_'Do_Until_Status'_to_Complete_if_work_is_done",
      "Initialize_variable_'Do_Until_Status'",
    ]);
  });

  it("includes the body of a preceding Do until (it runs at least once)", () => {
    expect(runBefore("Terminate_with_Failed")).toEqual([
      "Do_until",
      "Scope",
      "Actual_work",
      "Set_'Do_Until_Status'_to_Complete_if_work_is_done",
      "On_failure_set_'Do_Until_Status'_to_Exception",
      "Initialize_variable_'Do_Until_Status'",
    ]);
  });

  it("has nothing before the first step", () => {
    expect(runBefore("Initialize_variable_'Do_Until_Status'")).toEqual([]);
  });
});

describe("predecessorsOf (parallel branches and loops)", () => {
  const definition: WdlDefinition = {
    triggers: { manual: { type: "Request", kind: "Button" } },
    actions: {
      Start: { type: "Compose", runAfter: {} },
      Left: { type: "Compose", runAfter: { Start: ["Succeeded"] } },
      Right: { type: "Compose", runAfter: { Start: ["Succeeded"] } },
      Join: { type: "Compose", runAfter: { Left: ["Succeeded"], Right: ["Failed"] } },
      Loop: {
        type: "Foreach",
        foreach: "@body('Start')",
        runAfter: { Join: ["Succeeded"] },
        actions: { Inside: { type: "Compose", runAfter: {} } },
      },
      After: { type: "Compose", runAfter: { Loop: ["Succeeded"] } },
    },
  };
  const graph = buildGraph(definition);
  const runBefore = (name: string) => predecessorsOf(graph, name).map((n) => n.name);

  it("does not offer a parallel branch or a later step", () => {
    expect(runBefore("Left")).toEqual(["Start"]);
    expect(runBefore("Join")).toEqual(["Start", "Left", "Right"]);
  });

  it("does not offer the inside of an Apply to each from after it", () => {
    expect(runBefore("After")).toEqual(["Start", "Left", "Right", "Join", "Loop"]);
    expect(runBefore("Inside")).toEqual(["Start", "Left", "Right", "Join"]);
  });
});

describe("node ids", () => {
  it("are names for actions and #-prefixed for the rest", () => {
    expect(actionNodeId("Compose")).toBe("Compose");
    expect(actionNodeId("#weird")).toBe("##weird");
    expect(actionNameOfNodeId("##weird")).toBe("#weird");
    expect(actionNameOfNodeId("#trigger/manual")).toBeUndefined();
    expect(triggerNodeId("When/now")).toBe("#trigger/When%2Fnow");
    expect(branchNodeId({ scope: "Switch", kind: "case", caseName: "Groß-/Kleinbuchstaben" })).toBe(
      "#branch/Switch/case/Groß-%2FKleinbuchstaben",
    );
  });

  it("stay unique with unicode case names", () => {
    const graph = buildGraph(corpusDefinition("logicapps/UnicodeKeys.json"));
    expect(graph.byActionName.get("Switch")?.branchIds).toEqual([
      "#branch/Switch/case/Groß-%2FKleinbuchstaben",
      "#branch/Switch/case/🐞🍋🐠",
      "#branch/Switch/case/早上好",
      "#branch/Switch/case/トで読み込み中",
      "#branch/Switch/default",
    ]);
  });

  it("report runAfter that gives no edge", () => {
    const graph = buildGraph({
      actions: {
        A: { type: "Compose", runAfter: { Nope: ["Succeeded"] } },
        B: { type: "Compose", runAfter: { B: ["Succeeded"] } },
        S: { type: "Scope", actions: { C: { type: "Compose", runAfter: { A: ["Succeeded"] } } } },
      },
    });
    expect(graph.problems).toEqual([
      { action: "A", predecessor: "Nope", problem: "missing" },
      { action: "B", predecessor: "B", problem: "self" },
      { action: "C", predecessor: "A", problem: "notSibling" },
    ]);
    expect(graph.edges.filter((e) => e.kind === "runAfter")).toEqual([]);
  });
});
