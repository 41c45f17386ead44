import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlDefinition, WdlIfAction, WdlScopeAction } from "../types";
import { wrapInScope } from "./wrap";

describe("wrapInScope", () => {
  it("puts consecutive steps in a Scope that takes their place", () => {
    const out = wrapInScope(frozen(chain), { names: ["B", "C"], scopeName: "Scope" });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      Scope: { A: ["Succeeded"] },
      D: { Scope: ["Succeeded"] },
    });
    expect(runAfters(step<WdlScopeAction>(out, "Scope").actions)).toEqual({
      B: {},
      C: { B: ["Succeeded"] },
    });
    expect(out.actions?.Scope?.type).toBe("Scope");
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("keeps the statuses of the steps that ran after the group", () => {
    const definition = frozen(corpusDefinition("powerautomate/try-catch-finally.json"));
    const out = wrapInScope(definition, { names: ["Try", "Catch"], scopeName: "Guarded" });
    expect(runAfters(out.actions)).toEqual({
      Guarded: {},
      Finally: { Guarded: ["Succeeded", "Skipped", "Failed", "TimedOut"] },
    });
    expect(runAfters(step<WdlScopeAction>(out, "Guarded").actions)).toEqual({
      Try: {},
      Catch: { Try: ["Failed"] },
    });
  });

  it("merges the outside predecessors of the group", () => {
    const definition: WdlDefinition = {
      actions: {
        A: { type: "Compose", runAfter: {} },
        X: { type: "Compose", runAfter: {} },
        B: { type: "Compose", runAfter: { A: ["Succeeded"] } },
        C: { type: "Compose", runAfter: { X: ["Failed"], B: ["Succeeded"] } },
        D: { type: "Compose", runAfter: { B: ["Failed"], C: ["Succeeded"] } },
      },
    };
    const out = wrapInScope(frozen(definition), { names: ["C", "B"], scopeName: "Group" });
    expect(Object.keys(out.actions ?? {})).toEqual(["A", "X", "Group", "D"]);
    expect(out.actions?.Group?.runAfter).toEqual({ A: ["Succeeded"], X: ["Failed"] });
    expect(out.actions?.D?.runAfter).toEqual({ Group: ["Failed", "Succeeded"] });
  });

  it("wraps steps inside a branch", () => {
    const out = wrapInScope(frozen(approvalFlow), {
      names: ["Update_record", "Post_message"],
      scopeName: "Release",
    });
    const yes = step<WdlIfAction>(out, "Condition").actions;
    expect(Object.keys(yes ?? {})).toEqual(["Release"]);
    expect(Object.keys(step<WdlScopeAction>(out, "Release").actions ?? {})).toEqual([
      "Update_record",
      "Post_message",
    ]);
  });

  it("refuses steps that are not consecutive or not in one branch", () => {
    expect(editError(() => wrapInScope(chain, { names: ["A", "C"], scopeName: "S" }))).toMatchObject({
      code: "notConsecutive",
      message: 'The steps must follow one another: "B" runs between them but is not among them.',
    });
    expect(
      editError(() =>
        wrapInScope(approvalFlow, { names: ["Update_record", "Send_an_email"], scopeName: "S" }),
      ).code,
    ).toBe("notConsecutive");
    expect(editError(() => wrapInScope(chain, { names: [], scopeName: "S" })).code).toBe("invalidArgument");
    expect(editError(() => wrapInScope(chain, { names: ["A"], scopeName: "B" })).code).toBe("nameTaken");
  });

  it("refuses to put Initialize variable in a scope", () => {
    const definition = corpusDefinition("logicapps/NotesInMetadata.json");
    expect(
      editError(() => wrapInScope(definition, { names: ["Initialize_variable"], scopeName: "S" })).code,
    ).toBe("notAllowedHere");
  });
});
