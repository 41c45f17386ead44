import { describe, expect, it } from "vitest";
import { updateAction, type WdlDefinition } from "../../../shared/flow";
import { createDesignerStore } from "./designer-store";
import { deleteSteps } from "./edits";
import { designerFlow } from "./test-flow";

const definition = {
  triggers: { manual: { type: "Request", kind: "Button", inputs: {} } },
  actions: {
    Get_file_properties: { type: "Compose", inputs: 1, runAfter: {} },
    Get_Feedback: { type: "Compose", inputs: 2, runAfter: { Get_file_properties: ["Succeeded"] } },
  },
} as unknown as WdlDefinition;

const flow = designerFlow(definition, "Collect feedback");

describe("typing in a field", () => {
  const typeDescription = (store: ReturnType<typeof createDesignerStore>, text: string) =>
    store.getState().apply(
      "Edit note",
      (d) =>
        updateAction(d, {
          name: "Get_Feedback",
          update: ({ description: _old, ...rest }) => (text === "" ? rest : { ...rest, description: text }),
        }),
      { coalesce: "Get_Feedback/description" },
    );

  it("typed back to where the burst began leaves no Undo that does nothing", () => {
    const store = createDesignerStore(flow);
    typeDescription(store, "a");
    typeDescription(store, "ab");
    expect(store.getState().past).toHaveLength(1);
    typeDescription(store, "a");
    typeDescription(store, "");
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().definition.actions?.Get_Feedback?.description).toBeUndefined();
  });

  it("keeps the Undo of an earlier edit under a burst typed back to its start", () => {
    const store = createDesignerStore(flow);
    deleteSteps(store, ["Get_file_properties"]);
    typeDescription(store, "a");
    typeDescription(store, "");
    expect(store.getState().past.map((e) => e.label)).toEqual(["Delete “Get file properties”"]);
  });

  it("begins a new undo step when the person comes back to the field, however soon", () => {
    const store = createDesignerStore(flow);
    typeDescription(store, "a");
    store.getState().endBurst();
    typeDescription(store, "ab");
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().definition.actions?.Get_Feedback?.description).toBe("a");
    // Typing after an Undo does not fold into the step under it.
    typeDescription(store, "ax");
    expect(store.getState().past).toHaveLength(2);
  });
});

describe("a draft that comes from the server (a version restored)", () => {
  const restored = designerFlow(
    {
      ...definition,
      actions: { Get_Feedback: { type: "Compose", inputs: 3, runAfter: {} } },
    } as unknown as WdlDefinition,
    "Collect feedback",
  );

  it("keeps the card the person is on, with its panel, when the step is still there", () => {
    const store = createDesignerStore(flow);
    store.getState().select("Get_Feedback", { openPanel: true });
    store.getState().adoptFromServer(restored, "Restore version 1");
    expect(store.getState().selected).toBe("Get_Feedback");
    expect(store.getState().panelOpen).toBe(true);
    expect(store.getState().definition.actions?.Get_Feedback?.inputs).toBe(3);
  });

  it("lets go of a step the restored draft does not have, and Undo brings the old draft back", () => {
    const store = createDesignerStore(flow);
    store.getState().select("Get_file_properties", { openPanel: true });
    store.getState().adoptFromServer(restored, "Restore version 1");
    expect(store.getState().selected).toBeUndefined();
    expect(store.getState().panelOpen).toBe(false);
    store.getState().undo();
    expect(Object.keys(store.getState().definition.actions ?? {})).toEqual([
      "Get_file_properties",
      "Get_Feedback",
    ]);
  });
});
