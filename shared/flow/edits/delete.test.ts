import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlDefinition, WdlIfAction } from "../types";
import { actionCount, actionIndex } from "../walk";
import { deleteAction, deleteActions } from "./delete";

describe("deleteAction", () => {
  it("joins the steps around the deleted one", () => {
    const out = deleteAction(frozen(chain), { name: "B" });
    expect(runAfters(out.actions)).toEqual({ A: {}, C: { A: ["Succeeded"] }, D: { C: ["Succeeded"] } });
  });

  it("gives the followers the deleted step's runAfter and statuses, merged with theirs", () => {
    const definition: WdlDefinition = {
      actions: {
        A: { type: "Compose", runAfter: {} },
        X: { type: "Compose", runAfter: {} },
        B: { type: "Compose", runAfter: { A: ["Failed"], X: ["Succeeded"] } },
        C: { type: "Compose", runAfter: { A: ["Succeeded"], B: ["Succeeded", "Skipped"] } },
      },
    };
    const out = deleteAction(frozen(definition), { name: "B" });
    expect(out.actions?.C?.runAfter).toEqual({ A: ["Succeeded", "Failed"], X: ["Succeeded"] });
  });

  it("makes the followers of a first step first", () => {
    const out = deleteAction(frozen(corpusDefinition("logicapps/RunAfter.json")), { name: "Init_all" });
    expect(runAfters(out.actions)).toEqual({
      Compose: {},
      Execute_a_navigation_plan: {},
      Initialize_test_var: {},
      Response: {
        Compose: ["SUCCEEDED"],
        Initialize_test_var: ["SUCCEEDED", "Skipped"],
        Execute_a_navigation_plan: ["SUCCEEDED", "TimedOut", "Skipped"],
      },
      Terminate_2: { Response: ["Failed"], Initialize_test_var: ["SUCCEEDED", "Skipped"] },
    });
    const graph = buildGraph(out);
    expect(graph.outgoing.get("#trigger/Http")?.map((e) => e.target)).toEqual([
      "Compose",
      "Execute_a_navigation_plan",
      "Initialize_test_var",
    ]);
  });

  it("deletes a scope with everything inside it", () => {
    const definition = frozen(corpusDefinition("logicapps/AllScopeNodes.json"));
    const out = deleteAction(definition, { name: "Switch" });
    expect(actionCount(out)).toBe(1);
    expect(runAfters(out.actions)).toEqual({ Initialize_owner: {} });
  });

  it("deletes inside a branch and keeps the rest shared", () => {
    const definition = frozen(corpusDefinition("powerautomate/do-until-exception.json"));
    const out = deleteAction(definition, { name: "Actual_work" });
    const index = actionIndex(out);
    expect(index.has("Actual_work")).toBe(false);
    expect(index.get("Set_'Do_Until_Status'_to_Complete_if_work_is_done")?.action.runAfter).toEqual({});
    expect(out.actions?.["Check_'Do_Until_status'_and_terminate_with_correct_status"]).toBe(
      definition.actions?.["Check_'Do_Until_status'_and_terminate_with_correct_status"],
    );
    expect(
      step<WdlIfAction>(out, "Check_'Do_Until_status'_and_terminate_with_correct_status").else,
    ).toBeDefined();
  });

  it("refuses a step that does not exist", () => {
    expect(editError(() => deleteAction(chain, { name: "Z" }))).toMatchObject({ code: "notFound" });
  });
});

describe("deleteActions", () => {
  it("deletes several, skipping those already gone with their scope", () => {
    const definition = corpusDefinition("logicapps/AllScopeNodes.json");
    const out = deleteActions(definition, { names: ["ForEach", "ForEach_Action_1", "Initialize_owner"] });
    expect(actionCount(out)).toBe(24 - 6 - 1);
  });
});
