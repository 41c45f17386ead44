import { describe, expect, it } from "vitest";
import { diffDefinitions, renameAction, type WdlDefinition } from "../../../shared/flow";
import { changeMarks } from "./change-marks";

const older: WdlDefinition = {
  triggers: { manual: { type: "Request", kind: "Button" } },
  actions: {
    Keep: { type: "Compose", runAfter: {}, inputs: 1 },
    Drop: { type: "Compose", runAfter: { Keep: ["Succeeded"] }, inputs: 2 },
    Edit: { type: "Compose", runAfter: { Drop: ["Succeeded"] }, inputs: 3 },
  },
};
const newer: WdlDefinition = renameAction(
  {
    triggers: older.triggers,
    actions: {
      Keep: { type: "Compose", runAfter: {}, inputs: 1 },
      Edit: { type: "Compose", runAfter: { Keep: ["Succeeded"] }, inputs: 30 },
      Add: { type: "Compose", runAfter: { Edit: ["Succeeded"] }, inputs: 4 },
    },
  },
  { from: "Keep", to: "Kept" },
);

describe("changeMarks", () => {
  const diff = diffDefinitions(older, newer);

  it("marks the newer side's added, changed and renamed steps under their new names", () => {
    expect(Object.fromEntries(changeMarks(diff, "newer"))).toEqual({
      Kept: "changed",
      Edit: "changed",
      Add: "added",
    });
  });

  it("marks the older side's removed, changed and renamed steps under their old names", () => {
    expect(Object.fromEntries(changeMarks(diff, "older"))).toEqual({
      Keep: "changed",
      Edit: "changed",
      Drop: "removed",
    });
  });
});
