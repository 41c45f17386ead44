import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction } from "../types";
import { actionCount, actionIndex } from "../walk";
import { copyActions, pasteActions, pasteNames } from "./copy-paste";

describe("copyActions", () => {
  it("copies steps with their contents, keeping runAfter only among them", () => {
    const copied = copyActions(approvalFlow, { names: ["Compose_summary", "Condition", "Update_record"] });
    expect(Object.keys(copied)).toEqual(["Condition", "Compose_summary"]);
    expect(runAfters(copied)).toEqual({
      Condition: {},
      Compose_summary: { Condition: ["Succeeded", "Failed"] },
    });
    expect((copied.Condition as WdlIfAction).actions).toBe(
      step<WdlIfAction>(approvalFlow, "Condition").actions,
    );
  });
});

describe("copyActions from different places", () => {
  it("keeps their order: a step that follows no copied one comes after the ones before it", () => {
    expect(runAfters(copyActions(chain, { names: ["C", "A"] }))).toEqual({
      A: {},
      C: { A: ["Succeeded"] },
    });
  });
});

describe("pasteActions", () => {
  it("pastes into the same flow with fresh names and rewritten references", () => {
    const copied = copyActions(chain, { names: ["B", "C"] });
    const out = pasteActions(frozen(chain), { at: { kind: "after", action: "D" }, actions: copied });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      B: { A: ["Succeeded"] },
      C: { B: ["Succeeded"] },
      D: { C: ["Succeeded"] },
      B_2: { D: ["Succeeded"] },
      C_2: { B_2: ["Succeeded"] },
    });
    // C_2 refers to the pasted B_2; B_2 still refers to A, which was not pasted.
    expect(out.actions?.C_2?.inputs).toBe("@outputs('B_2')");
    expect(out.actions?.B_2?.inputs).toBe("@outputs('A')");
  });

  it("pastes a whole scope, renaming what is inside", () => {
    const copied = copyActions(approvalFlow, { names: ["Condition"] });
    const out = pasteActions(frozen(approvalFlow), {
      at: { kind: "after", action: "Compose_summary" },
      actions: copied,
    });
    expect(actionCount(out)).toBe(10);
    const pasted = out.actions?.Condition_2 as WdlIfAction;
    expect(pasted.runAfter).toEqual({ Compose_summary: ["Succeeded"] });
    expect(Object.keys(pasted.actions ?? {})).toEqual(["Update_record_2", "Post_message_2"]);
    expect(pasted.actions?.Post_message_2?.runAfter).toEqual({ Update_record_2: ["Succeeded"] });
    expect(pasted.actions?.Post_message_2?.inputs).toMatchObject({
      parameters: { "body/messageBody": "Released @{outputs('Update_record_2')?['body/number']}" },
    });
    expect(Object.keys(pasted.else?.actions ?? {})).toEqual(["Send_an_email_2"]);
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("keeps names that are free in another flow", () => {
    const copied = copyActions(approvalFlow, { names: ["Condition"] });
    const target = corpusDefinition("powerautomate/try-catch-finally.json");
    const out = pasteActions(frozen(target), {
      at: { kind: "start", container: { scope: "Try", kind: "body" } },
      actions: copied,
    });
    const index = actionIndex(out);
    expect(index.get("Condition")?.container).toEqual({ scope: "Try", kind: "body" });
    expect(index.get("Condition")?.action.runAfter).toEqual({});
    expect(index.has("Update_record")).toBe(true);
  });

  it("never renames onto a name another pasted step had", () => {
    const definition = { actions: { Compose: { type: "Compose", runAfter: {} } } };
    const actions = {
      Compose: { type: "Compose", runAfter: {}, inputs: "@outputs('Compose_2')" },
      Compose_2: { type: "Compose", runAfter: { Compose: ["Succeeded"] }, inputs: "@outputs('Compose')" },
    };
    expect([...pasteNames(definition, actions)]).toEqual([
      ["Compose", "Compose_3"],
      ["Compose_2", "Compose_2"],
    ]);
    const out = pasteActions(definition, { at: { kind: "after", action: "Compose" }, actions });
    expect(out.actions?.Compose_3?.inputs).toBe("@outputs('Compose_2')");
    expect(out.actions?.Compose_2?.inputs).toBe("@outputs('Compose_3')");
    expect(runAfters(out.actions)).toEqual({
      Compose: {},
      Compose_3: { Compose: ["Succeeded"] },
      Compose_2: { Compose_3: ["Succeeded"] },
    });
  });

  it("pastes into the middle of a corpus flow", () => {
    const definition = frozen(corpusDefinition("powerautomate/do-until-exception.json"));
    const copied = copyActions(definition, { names: ["Scope"] });
    const out = pasteActions(definition, {
      at: { kind: "after", action: "On_failure_set_'Do_Until_Status'_to_Exception" },
      actions: copied,
    });
    expect(actionCount(out)).toBe(14);
    expect(actionIndex(out).get("Scope_2")?.action.runAfter).toEqual({
      "On_failure_set_'Do_Until_Status'_to_Exception": ["Succeeded"],
    });
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("refuses to paste Initialize variable into a branch", () => {
    const copied = copyActions(corpusDefinition("logicapps/NotesInMetadata.json"), {
      names: ["Initialize_variable"],
    });
    expect(
      editError(() =>
        pasteActions(approvalFlow, {
          at: { kind: "start", container: { scope: "Condition", kind: "yes" } },
          actions: copied,
        }),
      ).code,
    ).toBe("notAllowedHere");
  });
});
