import { describe, expect, it } from "vitest";
import { corpusFile } from "../../../fixtures/corpus";
import { deleteActions, insertAction, readFlowFile, renameAction, updateAction } from "../../../shared/flow";
import { createDesignerStore } from "./designer-store";
import { editSubject, selectionAfterDelete } from "./edit-subject";
import { deleteSteps } from "./edits";
import { designerFlow } from "./test-flow";

// Get_file_properties → Start_and_Wait_for_Feedback → Get_Feedback (Foreach: Add_Feedback_to_List →
// Email_Feedback_to_Requestor).
const read = readFlowFile(corpusFile("powerautomate/collect-feedback-approval.json").text);
if (!read.ok) throw new Error(read.error.message);
const feedback = read.document.definition;

describe("the step an Undo or a Redo shows", () => {
  it("is the step that comes back when a deletion or a rename is undone", () => {
    const deleted = deleteActions(feedback, { names: ["Start_and_Wait_for_Feedback"] });
    expect(editSubject(feedback, deleted)).toBe("Start_and_Wait_for_Feedback");
    const renamed = renameAction(feedback, { from: "Get_Feedback", to: "Each_response" });
    expect(editSubject(feedback, renamed)).toBe("Get_Feedback");
    expect(editSubject(renamed, feedback)).toBe("Each_response");
  });

  it("is the step an undone insertion followed, where its “+” was", () => {
    const inserted = insertAction(feedback, {
      at: { kind: "after", action: "Get_file_properties" },
      name: "Compose",
      action: { type: "Compose", inputs: "x" },
    });
    expect(editSubject(feedback, inserted)).toBe("Get_file_properties");
    // Redone, the inserted step itself.
    expect(editSubject(inserted, feedback)).toBe("Compose");
  });

  it("is the step whose own fields changed, not the loop around it", () => {
    const edited = updateAction(feedback, {
      name: "Email_Feedback_to_Requestor",
      update: (a) => ({ ...a, description: "to the requester" }),
    });
    expect(editSubject(feedback, edited)).toBe("Email_Feedback_to_Requestor");
  });

  it("is nothing when only the canvas's own data changed", () => {
    expect(editSubject(feedback, feedback)).toBeUndefined();
  });
});

describe("the selection after deleting steps", () => {
  it("goes to the step before, else the one after, else the loop around, else the trigger", () => {
    expect(selectionAfterDelete(feedback, ["Start_and_Wait_for_Feedback"])).toBe("Get_file_properties");
    expect(selectionAfterDelete(feedback, ["Get_file_properties"])).toBe("Start_and_Wait_for_Feedback");
    expect(selectionAfterDelete(feedback, ["Add_Feedback_to_List"])).toBe("Email_Feedback_to_Requestor");
    expect(selectionAfterDelete(feedback, ["Add_Feedback_to_List", "Email_Feedback_to_Requestor"])).toBe(
      "Get_Feedback",
    );
    const trigger = Object.keys(feedback.triggers ?? {})[0] ?? "";
    expect(
      selectionAfterDelete(feedback, ["Get_file_properties", "Start_and_Wait_for_Feedback", "Get_Feedback"]),
    ).toBe(`#trigger/${trigger}`);
  });

  it("is what the designer selects after Delete, with the properties panel closed", () => {
    const store = createDesignerStore(designerFlow(feedback, "Collect feedback"));
    store.getState().select("Start_and_Wait_for_Feedback", { openPanel: true });
    deleteSteps(store, ["Start_and_Wait_for_Feedback"]);
    expect(store.getState().selected).toBe("Get_file_properties");
    expect(store.getState().panelOpen).toBe(false);
    store.getState().undo();
    expect(store.getState().selected).toBe("Start_and_Wait_for_Feedback");
  });
});
