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
