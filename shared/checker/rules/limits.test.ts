import { describe, expect, it } from "vitest";
import type { WdlAction, WdlActions } from "../../flow";
import { compose, flow, initVariable, ofRule, succeeded } from "../test-support/flows";

/** n Compose steps in a chain. */
function chain(n: number): WdlActions {
  const actions: WdlActions = {};
  for (let i = 0; i < n; i++) actions[`Step_${i}`] = compose(i, i === 0 ? {} : succeeded(`Step_${i - 1}`));
  return actions;
}

/** Scopes nested `depth` deep around one Compose. */
function nested(depth: number): WdlActions {
  let inner: WdlActions = { Deepest: compose(1) };
  for (let i = depth; i >= 1; i--)
    inner = { [`Scope_${i}`]: { type: "Scope", runAfter: {}, actions: inner } as WdlAction };
  return inner;
}

describe("limit-actions", () => {
  it("reports more than 500 steps on the flow", () => {
    const [finding] = ofRule(flow(chain(501)), "limit-actions");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "#trigger/manual",
      flow: true,
      message: "This flow has 501 steps; a flow can have at most 500.",
    });
    expect(ofRule(flow(chain(500)), "limit-actions")).toEqual([]);
  });
});

describe("limit-depth", () => {
  it("reports the first step nested more than 8 scopes deep", () => {
    expect(ofRule(flow(nested(9)), "limit-depth")).toMatchObject([
      {
        nodeId: "Deepest",
        message: "“Deepest” is inside 9 nested scopes; steps can be nested at most 8 deep.",
      },
    ]);
    expect(ofRule(flow(nested(8)), "limit-depth")).toEqual([]);
  });
});

describe("limit-switch-cases", () => {
  const switchOf = (n: number): WdlAction => ({
    type: "Switch",
    runAfter: {},
    expression: "@triggerBody()?['kind']",
    cases: Object.fromEntries(Array.from({ length: n }, (_, i) => [`Case_${i}`, { case: i, actions: {} }])),
    default: { actions: {} },
  });

  it("reports a Switch with more than 25 cases", () => {
    expect(ofRule(flow({ Switch: switchOf(26) }), "limit-switch-cases")[0]?.message).toBe(
      "“Switch” has 26 cases; a Switch can have at most 25.",
    );
    expect(ofRule(flow({ Switch: switchOf(25) }), "limit-switch-cases")).toEqual([]);
  });
});

describe("limit-variables", () => {
  it("reports the 251st variable", () => {
    const many = (n: number): WdlActions => ({
      Init: {
        type: "InitializeVariable",
        runAfter: {},
        inputs: {
          variables: Array.from({ length: n }, (_, i) => ({ name: `v${i}`, type: "integer", value: 0 })),
        },
      },
    });
    expect(ofRule(flow(many(251)), "limit-variables")).toMatchObject([
      {
        field: "inputs/variables/250/name",
        message: "This flow initializes 251 variables; a flow can have at most 250.",
      },
    ]);
    expect(ofRule(flow(many(250)), "limit-variables")).toEqual([]);
  });
});

describe("limit-name-length", () => {
  it("reports a name longer than 80 characters", () => {
    const name = `Send_${"x".repeat(80)}`;
    expect(ofRule(flow({ [name]: compose(1) }), "limit-name-length")[0]?.message).toBe(
      `The name “Send ${"x".repeat(25)}…” has 85 characters; a name can have at most 80.`,
    );
    expect(ofRule(flow({ ["x".repeat(80)]: compose(1) }), "limit-name-length")).toEqual([]);
  });
});

describe("duplicate-name", () => {
  it("reports two steps of one name, in any letter case", () => {
    const definition = flow({
      Scope: { type: "Scope", runAfter: {}, actions: { Compose: compose(1) } },
      compose: compose(2, succeeded("Scope")),
    });
    expect(ofRule(definition, "duplicate-name").map((f) => f.message)).toEqual([
      "Two steps are called “compose”: every step of a flow needs its own name.",
    ]);
    expect(ofRule(flow({ A: initVariable("a", "string", "") }), "duplicate-name")).toEqual([]);
  });
});

describe("switch-duplicate-case", () => {
  const switchOn = (third: string) =>
    flow({
      Switch: {
        type: "Switch",
        runAfter: {},
        expression: "@triggerBody()?['kind']",
        cases: {
          Case: { case: "A", actions: {} },
          Case_2: { case: "B", actions: {} },
          Case_3: { case: third, actions: {} },
        },
        default: { actions: {} },
      },
    });

  it("reports two cases with the same value", () => {
    expect(ofRule(switchOn("A"), "switch-duplicate-case")).toMatchObject([
      {
        field: "cases/Case_3/case",
        message:
          'In “Switch”, the cases “Case” and “Case 3” have the same value "A": each case needs its own.',
      },
    ]);
    expect(ofRule(switchOn("C"), "switch-duplicate-case")).toEqual([]);
  });
});
