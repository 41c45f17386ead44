import { describe, expect, it } from "vitest";
import { createDesignerStore } from "./designer-store";
import { deleteSteps, selectedStepNames } from "./edits";
import { designerFlow } from "./test-flow";

const flow = designerFlow({
  triggers: { manual: { type: "Request", kind: "Button" } },
  actions: {
    A: { type: "Compose", inputs: 1, runAfter: {} },
    B: { type: "Compose", inputs: 2, runAfter: { A: ["Succeeded"] } },
    C: { type: "Compose", inputs: 3, runAfter: { B: ["Succeeded"] } },
  },
});

describe("a selection of several steps", () => {
  it("grows and shrinks with Ctrl+click, and a plain selection replaces it", () => {
    const store = createDesignerStore(flow);
    const state = () => store.getState();
    state().select("A", { openPanel: true });
    state().toggleSelected("C");
    expect(selectedStepNames(state())).toEqual(["A", "C"]);
    expect(state().panelOpen).toBe(false);
    state().toggleSelected("A");
    expect(selectedStepNames(state())).toEqual(["C"]);
    state().toggleSelected("B");
    state().select("A");
    expect(selectedStepNames(state())).toEqual(["A"]);
  });

  it("can be every top-level step at once, as Ctrl+A selects", () => {
    const store = createDesignerStore(flow);
    store.getState().selectSteps(["A", "B", "C"]);
    expect(selectedStepNames(store.getState())).toEqual(["A", "B", "C"]);
    expect(store.getState().selected).toBe("C");
  });

  it("leaves out a step inside a selected scope: the scope carries it, and delete acts once", () => {
    const nested = designerFlow({
      triggers: { manual: { type: "Request", kind: "Button" } },
      actions: {
        Group: {
          type: "Scope",
          runAfter: {},
          actions: { Inner: { type: "Compose", inputs: 1, runAfter: {} } },
        },
        After: { type: "Compose", inputs: 2, runAfter: { Group: ["Succeeded"] } },
      },
    });
    const store = createDesignerStore(nested);
    store.getState().select("Inner");
    store.getState().toggleSelected("Group");
    store.getState().toggleSelected("After");
    expect(selectedStepNames(store.getState())).toEqual(["Group", "After"]);
    expect(deleteSteps(store, selectedStepNames(store.getState()))).toBe(true);
    expect(store.getState().definition.actions).toEqual({});
  });

  it("takes only steps: the trigger and notes are not added", () => {
    const store = createDesignerStore(flow);
    store.getState().select("A");
    store.getState().toggleSelected("#trigger/manual");
    store.getState().toggleSelected("note:1");
    expect(selectedStepNames(store.getState())).toEqual(["A"]);
  });

  it("is deleted in one edit that one undo brings back, and is cleared by it", () => {
    const store = createDesignerStore(flow);
    store.getState().select("A");
    store.getState().toggleSelected("C");
    expect(deleteSteps(store, selectedStepNames(store.getState()))).toBe(true);
    expect(Object.keys(store.getState().definition.actions ?? {})).toEqual(["B"]);
    expect(store.getState().alsoSelected).toEqual([]);
    store.getState().undo();
    expect(Object.keys(store.getState().definition.actions ?? {})).toEqual(["A", "B", "C"]);
    expect(store.getState().past).toHaveLength(0);
  });
});
