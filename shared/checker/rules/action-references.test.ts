import { describe, expect, it } from "vitest";
import type { WdlActions } from "../../flow";
import { approvalFlow } from "../test-support/approval";
import { compose, flow, ofRule, succeeded } from "../test-support/flows";

const out = (name: string) => `@outputs('${name}')`;

/** Messages of the reference findings of one step. */
function about(actions: WdlActions, step: string): { severity: string; message: string }[] {
  return ofRule(flow(actions), "reference-not-before")
    .filter((f) => f.nodeId === step)
    .map(({ severity, message }) => ({ severity, message }));
}

describe("unknown-action-reference", () => {
  it("reports a step that does not exist, with the name probably meant", () => {
    const [finding] = ofRule(
      flow({ Compose: compose("x"), Use: compose(`@{outputs('Compse')}`, succeeded("Compose")) }),
      "unknown-action-reference",
    );
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Use",
      field: "inputs",
      message: "“Use” uses the outputs of “Compse”, which does not exist.",
      fix: {
        label: "Did you mean “Compose”?",
        edit: { kind: "rename-reference", from: "Compse", to: "Compose" },
      },
    });
  });

  it("says when the name is the trigger's", () => {
    expect(ofRule(flow({ Use: compose(out("manual")) }), "unknown-action-reference")[0]?.message).toBe(
      "“Use” uses the outputs of “manual”, which is the trigger: its outputs are read with triggerOutputs() or triggerBody().",
    );
  });

  it("finds names in any letter case, and is quiet on steps that ran", () => {
    expect(
      ofRule(
        flow({ Compose: compose("x"), Use: compose(out("COMPOSE"), succeeded("Compose")) }),
        "unknown-action-reference",
      ),
    ).toEqual([]);
    expect(ofRule(approvalFlow(), "unknown-action-reference")).toEqual([]);
  });
});

describe("reference-not-before", () => {
  it("a later step", () => {
    expect(about({ A: compose(out("B")), B: compose("b", succeeded("A")) }, "A")).toEqual([
      { severity: "error", message: "“A” uses the outputs of “B”, which has not run yet at this point." },
    ]);
  });

  it("a parallel branch", () => {
    const actions = {
      A: compose("a"),
      P1: compose(out("P2"), succeeded("A")),
      P2: compose("b", succeeded("A")),
    };
    expect(about(actions, "P1")).toEqual([
      {
        severity: "error",
        message:
          "“P1” uses the outputs of “P2”, which runs in a parallel branch and may not have finished at this point.",
      },
    ]);
  });

  it("itself, and a scope around it", () => {
    expect(about({ A: compose(out("A")) }, "A")[0]?.message).toBe(
      "“A” uses its own outputs, which do not exist while it runs.",
    );
    const loop = {
      Loop: {
        type: "Foreach",
        runAfter: {},
        foreach: "@createArray(1)",
        actions: { In: compose("@body('Loop')") },
      },
    };
    expect(about(loop, "In")[0]?.message).toBe(
      "“In” uses the outputs of “Loop”, which has not finished while “In” runs inside it.",
    );
  });

  it("a step inside the referring scope", () => {
    const actions = {
      Check: {
        type: "If",
        runAfter: {},
        expression: `@equals(${out("Inner").slice(1)}, 1)`,
        actions: { Inner: compose(1) },
      },
    };
    expect(about(actions, "Check")[0]?.message).toBe(
      "“Check” uses the outputs of “Inner”, which has not run yet at this point: it runs inside “Check”.",
    );
  });

  it("the other branch of a Condition", () => {
    const actions = {
      Condition: {
        type: "If",
        runAfter: {},
        expression: "@true",
        actions: { Yes: compose(1) },
        else: { actions: { No: compose(out("Yes")) } },
      },
    };
    expect(about(actions, "No")).toEqual([
      {
        severity: "error",
        message:
          "“No” uses the outputs of “Yes”, which is in another branch of “Condition”: only one of the two runs.",
      },
    ]);
  });

  it("a branch that may not have been taken is a warning", () => {
    const actions = {
      Condition: { type: "If", runAfter: {}, expression: "@true", actions: { Yes: compose(1) } },
      After: compose(out("Yes"), succeeded("Condition")),
    };
    expect(about(actions, "After")).toEqual([
      {
        severity: "warning",
        message:
          "“After” uses the outputs of “Yes”, which may not have run: it is in the Yes branch of “Condition”.",
      },
    ]);
  });

  it("a loop's step from outside is a warning; from outside nested loops an error", () => {
    const actions = {
      Loop: { type: "Foreach", runAfter: {}, foreach: "@createArray(1)", actions: { Step: compose(1) } },
      After: compose(out("Step"), succeeded("Loop")),
      Outer: {
        type: "Foreach",
        runAfter: succeeded("After"),
        foreach: "@createArray(1)",
        actions: {
          Inner: { type: "Foreach", runAfter: {}, foreach: "@createArray(1)", actions: { Deep: compose(1) } },
        },
      },
      Last: compose(out("Deep"), succeeded("Outer")),
    };
    expect(about(actions, "After")).toEqual([
      {
        severity: "warning",
        message:
          "“After” uses the outputs of “Step”, which is inside the loop “Loop”: from outside, that is the list of every repetition's outputs.",
      },
    ]);
    expect(about(actions, "Last")).toEqual([
      {
        severity: "error",
        message:
          "“Last” uses the outputs of “Deep”, which is inside nested loops (“Outer” and “Inner”): it can only be used inside them.",
      },
    ]);
  });

  it("accepts the contents of a Scope after it, a Do until's body in its condition, and result() after the scope", () => {
    const actions = {
      Scope: { type: "Scope", runAfter: {}, actions: { S1: compose(1) } },
      AfterScope: compose({ a: out("S1"), b: "@result('Scope')" }, succeeded("Scope")),
      Until: {
        type: "Until",
        runAfter: succeeded("AfterScope"),
        expression: `@equals(${out("U1").slice(1)}, 1)`,
        limit: { count: 5 },
        actions: { U1: compose(1) },
      },
    };
    expect(ofRule(flow(actions), "reference-not-before")).toEqual([]);
  });

  it("result() of a scope that has not run", () => {
    const actions = {
      Early: compose("@result('Scope')"),
      Scope: { type: "Scope", runAfter: succeeded("Early"), actions: {} },
    };
    expect(about(actions, "Early")[0]?.message).toBe(
      "“Early” uses the results of “Scope”, which has not run yet at this point.",
    );
  });

  it("a trigger using a step", () => {
    const definition = flow(
      { A: compose(1) },
      { type: "Request", kind: "Button", inputs: { schema: {} }, conditions: [{ expression: out("A") }] },
    );
    expect(ofRule(definition, "reference-not-before")[0]).toMatchObject({
      nodeId: "#trigger/manual",
      field: "conditions/0/expression",
      message: "The trigger uses the outputs of “A”, but no step has run when the trigger fires.",
    });
  });

  it("is quiet on the approval flow", () => {
    expect(ofRule(approvalFlow(), "reference-not-before")).toEqual([]);
  });
});

describe("item-outside-loop", () => {
  it("items() of a loop the step is not in, and item() outside any loop", () => {
    const actions = {
      Loop: {
        type: "Foreach",
        runAfter: {},
        foreach: "@createArray(1)",
        actions: { In: compose("@items('Loop')") },
      },
      Out: compose({ a: "@items('Loop')", b: "@item()" }, succeeded("Loop")),
    };
    expect(ofRule(flow(actions), "item-outside-loop").map((f) => [f.nodeId, f.message])).toEqual([
      ["Out", "“Out” uses the current item of “Loop”, but it is not inside that loop."],
      [
        "Out",
        "The expression in Inputs uses item(), which only has a value inside an Apply to each loop or in Select and Filter array.",
      ],
    ]);
  });

  it("accepts item() in Select and in a loop", () => {
    const actions = {
      Select: { type: "Select", runAfter: {}, inputs: { from: "@createArray(1)", select: "@item()" } },
      Loop: {
        type: "Foreach",
        runAfter: succeeded("Select"),
        foreach: "@body('Select')",
        actions: { In: compose("@item()") },
      },
    };
    expect(ofRule(flow(actions), "item-outside-loop")).toEqual([]);
  });
});

describe("unknown-parameter", () => {
  it("warns about a parameter the definition lacks, not about the platform's", () => {
    const definition = flow({
      A: compose({ a: "@parameters('$connections')", b: "@parameters('threshold')" }),
    });
    expect(ofRule(definition, "unknown-parameter")).toMatchObject([
      {
        severity: "warning",
        field: "inputs",
        path: ["inputs", "b"],
        message: "“A” uses the parameter “threshold”, which this flow does not define.",
      },
    ]);
    definition.parameters = { threshold: { type: "Int", defaultValue: 1 } };
    expect(ofRule(definition, "unknown-parameter")).toEqual([]);
  });
});
