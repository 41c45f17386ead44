import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction, WdlSwitchAction } from "../types";
import { actionIndex, allActions } from "../walk";
import { moveAction, moveActions, nudgeAction } from "./move";

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

describe("moveActions", () => {
  it("moves steps from different places together, in their order", () => {
    const out = moveActions(frozen(chain), { names: ["C", "A"], to: { kind: "after", action: "D" } });
    expect(runAfters(out.actions)).toEqual({
      B: {},
      D: { B: ["Succeeded"] },
      A: { D: ["Succeeded"] },
      C: { A: ["Succeeded"] },
    });
  });

  it("keeps linked steps linked and parallel siblings parallel", () => {
    const fan = {
      ...chain,
      actions: {
        ...chain.actions,
        E: { type: "Compose", runAfter: { A: ["Succeeded"] }, inputs: 5 },
      },
    };
    const linked = moveActions(frozen(chain), { names: ["B", "C"], to: { kind: "start", container: null } });
    expect(runAfters(linked.actions)).toEqual({
      B: {},
      C: { B: ["Succeeded"] },
      A: { C: ["Succeeded"] },
      D: { A: ["Succeeded"] },
    });
    const parallel = moveActions(frozen(fan), { names: ["B", "E"], to: { kind: "after", action: "D" } });
    expect(runAfters(parallel.actions)).toMatchObject({
      C: { A: ["Succeeded"] },
      B: { D: ["Succeeded"] },
      E: { D: ["Succeeded"] },
    });
    expect(buildGraph(parallel).problems).toEqual([]);
  });

  it("moves a scope and a step into a branch, the steps inside the scope going with it", () => {
    const out = moveActions(frozen(approvalFlow), {
      names: ["Condition", "Update_record", "Compose_summary"],
      to: { kind: "start", container: null },
    });
    expect(Object.keys(out.actions ?? {})).toEqual([
      "Condition",
      "Compose_summary",
      "Start_and_wait_for_an_approval",
    ]);
    expect(Object.keys(step<WdlIfAction>(out, "Condition").actions ?? {})).toContain("Update_record");
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("takes the place right above one of the moving steps", () => {
    const out = moveActions(frozen(chain), {
      names: ["D", "B"],
      to: { kind: "after", action: "A", follower: "B" },
    });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      B: { A: ["Succeeded"] },
      D: { B: ["Succeeded"] },
      C: { D: ["Succeeded"] },
    });
  });

  it("refuses a place right after, or inside, one of the moving steps", () => {
    expect(
      editError(() => moveActions(chain, { names: ["A", "C"], to: { kind: "after", action: "C" } })),
    ).toMatchObject({
      code: "samePlace",
      message: 'The steps cannot go right after "C", which moves with them.',
    });
    expect(
      editError(() =>
        moveActions(approvalFlow, {
          names: ["Compose_summary", "Condition"],
          to: { kind: "start", container: { scope: "Condition", kind: "no" } },
        }),
      ).code,
    ).toBe("intoItself");
  });
});

describe("nudgeAction", () => {
  it("moves a step up or down past its neighbour in the line", () => {
    expect(runAfters(nudgeAction(frozen(chain), { name: "C", direction: "up" }).actions)).toEqual({
      A: {},
      C: { A: ["Succeeded"] },
      B: { C: ["Succeeded"] },
      D: { B: ["Succeeded"] },
    });
    expect(runAfters(nudgeAction(frozen(chain), { name: "B", direction: "up" }).actions)).toEqual({
      B: {},
      A: { B: ["Succeeded"] },
      C: { A: ["Succeeded"] },
      D: { C: ["Succeeded"] },
    });
    expect(runAfters(nudgeAction(frozen(chain), { name: "B", direction: "down" }).actions)).toEqual({
      A: {},
      C: { A: ["Succeeded"] },
      B: { C: ["Succeeded"] },
      D: { B: ["Succeeded"] },
    });
  });

  it("stays in the branch, and says why where there is no one neighbour", () => {
    expect(editError(() => nudgeAction(chain, { name: "A", direction: "up" }))).toMatchObject({
      code: "samePlace",
      message: '"A" is already first in its branch.',
    });
    expect(editError(() => nudgeAction(chain, { name: "D", direction: "down" })).code).toBe("samePlace");
    const fork = {
      ...chain,
      actions: { ...chain.actions, E: { type: "Compose", runAfter: { A: ["Succeeded"] }, inputs: 5 } },
    };
    expect(editError(() => nudgeAction(fork, { name: "A", direction: "down" }))).toMatchObject({
      code: "notConsecutive",
      message: 'Several steps run after "A"; drag it where it should go.',
    });
    const inBranch = nudgeAction(frozen(approvalFlow), { name: "Post_message", direction: "up" });
    expect(runAfters(step<WdlIfAction>(inBranch, "Condition").actions)).toEqual({
      Post_message: {},
      Update_record: { Post_message: ["Succeeded"] },
    });
  });
});
