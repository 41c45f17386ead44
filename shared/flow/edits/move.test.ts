import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction, WdlSwitchAction } from "../types";
import { actionIndex, allActions } from "../walk";
import { moveAction } from "./move";

describe("moveAction", () => {
  it("moves a step later: the steps around its old place are joined", () => {
    const out = moveAction(frozen(chain), { name: "B", to: { kind: "after", action: "D" } });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      C: { A: ["Succeeded"] },
      D: { C: ["Succeeded"] },
      B: { D: ["Succeeded"] },
    });
  });

  it("moves a step to the front", () => {
    const out = moveAction(frozen(chain), { name: "C", to: { kind: "start", container: null } });
    expect(runAfters(out.actions)).toEqual({
      C: {},
      A: { C: ["Succeeded"] },
      B: { A: ["Succeeded"] },
      D: { B: ["Succeeded"] },
    });
  });

  it("moves a step into a branch", () => {
    const out = moveAction(frozen(approvalFlow), {
      name: "Compose_summary",
      to: { kind: "start", container: { scope: "Condition", kind: "no" } },
    });
    expect(Object.keys(out.actions ?? {})).toEqual(["Start_and_wait_for_an_approval", "Condition"]);
    expect(runAfters(step<WdlIfAction>(out, "Condition").else?.actions)).toEqual({
      Compose_summary: {},
      Send_an_email: { Compose_summary: ["Succeeded"] },
    });
  });

  it("moves a scope with everything inside it", () => {
    const definition = frozen(corpusDefinition("logicapps/AllScopeNodes.json"));
    const inside = (name: string) =>
      allActions(definition).filter((e) => e.scopePath.some((b) => b.scope === name));
    const before = inside("ForEach").map((e) => e.name);
    const out = moveAction(definition, {
      name: "ForEach",
      to: { kind: "after", action: "Scope_Action_2" },
    });
    const index = actionIndex(out);
    expect(index.get("ForEach")?.container).toEqual({ scope: "Scope", kind: "body" });
    expect(index.get("ForEach")?.action.runAfter).toEqual({ Scope_Action_2: ["Succeeded"] });
    expect(index.get("Scope_nested")?.action.runAfter).toEqual({ ForEach: ["SUCCEEDED"] });
    expect(
      allActions(out)
        .filter((e) => e.scopePath.some((b) => b.scope === "ForEach"))
        .map((e) => e.name),
    ).toEqual(before);
    expect(step<WdlSwitchAction>(out, "Switch").cases?.ForEach_Case?.actions).toEqual({});
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("refuses to move a scope into itself", () => {
    const into = editError(() =>
      moveAction(approvalFlow, {
        name: "Condition",
        to: { kind: "start", container: { scope: "Condition", kind: "yes" } },
      }),
    );
    expect(into).toMatchObject({ code: "intoItself", message: '"Condition" cannot be moved inside itself.' });
    const deeper = corpusDefinition("logicapps/AllScopeNodes.json");
    expect(
      editError(() =>
        moveAction(deeper, { name: "Switch", to: { kind: "after", action: "ForEach_Action_3" } }),
      ).code,
    ).toBe("intoItself");
  });

  it("refuses to move a step after itself, or a variable into a scope", () => {
    expect(
      editError(() => moveAction(chain, { name: "B", to: { kind: "after", action: "B" } })),
    ).toMatchObject({
      code: "samePlace",
      message: '"B" is already there.',
    });
    const definition = corpusDefinition("powerautomate/do-until-exception.json");
    expect(
      editError(() =>
        moveAction(definition, {
          name: "Initialize_variable_'Do_Until_Status'",
          to: { kind: "start", container: { scope: "Do_until", kind: "body" } },
        }),
      ).code,
    ).toBe("notAllowedHere");
  });
});
