import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlDefinition, WdlIfAction, WdlScopeAction, WdlSwitchAction } from "../types";
import { actionCount } from "../walk";
import { insertAction } from "./insert";

const compose = { type: "Compose", inputs: "x" };

describe("insertAction", () => {
  it("inserts after a step, taking over its followers", () => {
    const input = frozen(chain);
    const out = insertAction(input, { at: { kind: "after", action: "B" }, name: "New", action: compose });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      B: { A: ["Succeeded"] },
      New: { B: ["Succeeded"] },
      C: { New: ["Succeeded"] },
      D: { C: ["Succeeded"] },
    });
    expect(out.actions?.New).toEqual({ type: "Compose", inputs: "x", runAfter: { B: ["Succeeded"] } });
    // The input is untouched and what did not change is shared.
    expect(input).toEqual(chain);
    expect(out.actions?.A).toBe(input.actions?.A);
    expect(out.triggers).toBe(input.triggers);
  });

  it("keeps the followers' statuses (a Catch still runs when its predecessor failed)", () => {
    const definition = frozen(corpusDefinition("powerautomate/try-catch-finally.json"));
    const out = insertAction(definition, {
      at: { kind: "after", action: "Try" },
      name: "Log",
      action: compose,
    });
    expect(runAfters(out.actions)).toEqual({
      Try: {},
      Log: { Try: ["Succeeded"] },
      Catch: { Log: ["Failed"] },
      Finally: { Catch: ["Succeeded", "Skipped", "Failed", "TimedOut"] },
    });
  });

  it("inserts first at the top level: the old first steps run after it", () => {
    const out = insertAction(frozen(chain), {
      at: { kind: "start", container: null },
      name: "First",
      action: compose,
    });
    expect(Object.keys(out.actions ?? {})).toEqual(["First", "A", "B", "C", "D"]);
    expect(out.actions?.First?.runAfter).toEqual({});
    expect(out.actions?.A?.runAfter).toEqual({ First: ["Succeeded"] });
  });

  it("inserts into an empty branch", () => {
    const definition = frozen(corpusDefinition("powerautomate/try-catch-finally.json"));
    const out = insertAction(definition, {
      at: { kind: "start", container: { scope: "Try", kind: "body" } },
      name: "Do_work",
      action: compose,
    });
    expect(step<WdlScopeAction>(out, "Try").actions).toEqual({
      Do_work: { type: "Compose", inputs: "x", runAfter: {} },
    });
    expect(out.actions?.Catch).toBe(definition.actions?.Catch);
  });

  it("writes the else of a Condition that had none", () => {
    const definition = frozen(corpusDefinition("powerautomate/planner-task-flagged-email.json"));
    const before = definition.actions?.Condition as WdlIfAction;
    expect(before.else).toBeUndefined();
    const out = insertAction(definition, {
      at: { kind: "start", container: { scope: "Condition", kind: "no" } },
      name: "Otherwise",
      action: compose,
    });
    const after = out.actions?.Condition as WdlIfAction;
    expect(after.else).toEqual({ actions: { Otherwise: { type: "Compose", inputs: "x", runAfter: {} } } });
    expect(after.actions).toBe(before.actions);
  });

  it("writes the default of a Switch that had none", () => {
    const definition: WdlDefinition = {
      actions: {
        Switch: { type: "Switch", expression: "@1", runAfter: {}, cases: { Case: { case: 1, actions: {} } } },
      },
    };
    const out = insertAction(frozen(definition), {
      at: { kind: "start", container: { scope: "Switch", kind: "default" } },
      name: "Fallback",
      action: compose,
    });
    expect(step<WdlSwitchAction>(out, "Switch").default).toEqual({
      actions: { Fallback: { type: "Compose", inputs: "x", runAfter: {} } },
    });
  });

  it("inserts at the start of a branch with steps", () => {
    const out = insertAction(frozen(approvalFlow), {
      at: { kind: "start", container: { scope: "Condition", kind: "yes" } },
      name: "Log",
      action: compose,
    });
    expect(runAfters(step<WdlIfAction>(out, "Condition").actions)).toEqual({
      Log: {},
      Update_record: { Log: ["Succeeded"] },
      Post_message: { Update_record: ["Succeeded"] },
    });
  });

  it("takes over a single follower when asked (the + on one edge of a fan-out)", () => {
    const definition = frozen(corpusDefinition("logicapps/RunAfter.json"));
    const out = insertAction(definition, {
      at: { kind: "after", action: "Init_all", follower: "Compose" },
      name: "Between",
      action: compose,
    });
    expect(runAfters(out.actions)).toMatchObject({
      Init_all: {},
      Between: { Init_all: ["Succeeded"] },
      Compose: { Between: ["SUCCEEDED"] },
      Execute_a_navigation_plan: { Init_all: ["SUCCEEDED"] },
      Initialize_test_var: { Init_all: ["SUCCEEDED"] },
    });
  });

  it("inserts into the 1,000-step stress flow", () => {
    const definition = corpusDefinition("logicapps/StressTest1000.json");
    const anchor = "action_500";
    const [next] = Object.entries(definition.actions ?? {}).find(([, a]) => a.runAfter?.[anchor]) ?? [];
    const out = insertAction(definition, {
      at: { kind: "after", action: anchor },
      name: "Inserted",
      action: compose,
    });
    expect(actionCount(out)).toBe(1001);
    expect(out.actions?.[next as string]?.runAfter).toEqual({ Inserted: ["SUCCEEDED"] });
    const keys = Object.keys(out.actions ?? {});
    expect(keys.indexOf("Inserted")).toBe(keys.indexOf(anchor) + 1);
    expect(buildGraph(out).problems).toEqual([]);
  });

  it("refuses what cannot be", () => {
    const at = { kind: "after", action: "A" } as const;
    expect(editError(() => insertAction(chain, { at, name: "B", action: compose }))).toMatchObject({
      code: "nameTaken",
      message: 'Another step, trigger or Switch case is already called "B".',
    });
    expect(editError(() => insertAction(chain, { at, name: "b", action: compose })).code).toBe("nameTaken");
    expect(editError(() => insertAction(chain, { at, name: "manual", action: compose })).code).toBe(
      "nameTaken",
    );
    expect(editError(() => insertAction(chain, { at, name: "Send email", action: compose })).message).toBe(
      'A name has "_" where people see spaces ("Send_email"); it cannot contain spaces.',
    );
    expect(editError(() => insertAction(chain, { at, name: "a/b", action: compose })).code).toBe(
      "invalidName",
    );
    expect(
      editError(() =>
        insertAction(chain, { at: { kind: "after", action: "Nope" }, name: "X", action: compose }),
      ),
    ).toMatchObject({ code: "notFound", message: 'There is no step called "Nope".' });
    expect(
      editError(() =>
        insertAction(approvalFlow, {
          at: { kind: "start", container: { scope: "Condition", kind: "body" } },
          name: "X",
          action: compose,
        }),
      ),
    ).toMatchObject({ code: "notFound", message: '"Condition" has no "body" branch.' });
    expect(
      editError(() =>
        insertAction(approvalFlow, {
          at: { kind: "start", container: { scope: "Condition", kind: "yes" } },
          name: "Init",
          action: { type: "InitializeVariable", inputs: { variables: [{ name: "v", type: "string" }] } },
        }),
      ),
    ).toMatchObject({
      code: "notAllowedHere",
      message:
        "Initialize variable can only be at the top level of a flow, not inside a condition, loop or scope.",
    });
    expect(
      editError(() =>
        insertAction(chain, {
          at: { kind: "after", action: "A", follower: "C" },
          name: "X",
          action: compose,
        }),
      ),
    ).toMatchObject({ code: "notFound", message: '"C" is not a step that comes right after "A".' });
  });

  it("refuses to nest deeper than 8 scopes", () => {
    let inner: WdlScopeAction = { type: "Scope", runAfter: {}, actions: {} };
    for (let level = 8; level >= 1; level--)
      inner = { type: "Scope", runAfter: {}, actions: { [`S${level}`]: inner } };
    // S1 … S8 each hold the next: the empty scope at the bottom sits 8 deep.
    const definition: WdlDefinition = { actions: (inner as WdlScopeAction).actions ?? {} };
    const deepest = { kind: "start", container: { scope: "S8", kind: "body" } } as const;
    const deeper = { kind: "start", container: { scope: "Scope", kind: "body" } } as const;
    const withScope = insertAction(definition, {
      at: deepest,
      name: "Scope",
      action: { type: "Scope", actions: {} },
    });
    expect(
      editError(() => insertAction(withScope, { at: deeper, name: "X", action: compose })),
    ).toMatchObject({
      code: "notAllowedHere",
      message: "Steps can be nested at most 8 scopes deep; this would nest them 9 deep.",
    });
  });
});
