import { describe, expect, it } from "vitest";
import { diffDefinitions, jsonEqual, ownFields, valueChanges } from "./diff";
import { deleteAction } from "./edits/delete";
import { moveAction } from "./edits/move";
import { renameAction } from "./edits/rename";
import { setActionInputs } from "./edits/update";
import { approvalFlow, chain } from "./test-support/approval";
import { corpusDefinition, corpusFiles, frozen } from "./test-support/corpus";
import type { WdlDefinition } from "./types";

const updateHost = {
  apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
  connectionName: "shared_dynamicssmbsaas",
  operationId: "PatchItemV3",
};

const summary = (before: WdlDefinition, after: WdlDefinition) =>
  diffDefinitions(before, after).steps.map((s) =>
    s.previousName ? `${s.kind} ${s.previousName} → ${s.name}` : `${s.kind} ${s.name}`,
  );

describe("diffDefinitions", () => {
  it("finds nothing between a definition and itself, for every corpus file", () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const { name } of files) {
      const definition = corpusDefinition(name);
      const diff = diffDefinitions(definition, structuredClone(definition));
      expect({ name, steps: diff.steps, definition: diff.definition }).toEqual({
        name,
        steps: [],
        definition: [],
      });
    }
  });

  it("names the field that changed, with both values", () => {
    const after = setActionInputs(frozen(approvalFlow), {
      name: "Update_record",
      inputs: { host: updateHost, parameters: { "item/status": "Open" } },
    });
    const diff = diffDefinitions(approvalFlow, after);
    expect(diff.steps).toHaveLength(1);
    expect(diff.steps[0]).toMatchObject({
      kind: "changed",
      name: "Update_record",
      fields: [{ path: ["inputs", "parameters", "item/status"], before: "Released", after: "Open" }],
    });
    expect(diff.unchanged).toBe(6); // the trigger and five steps
  });

  it("lists added and removed steps, a removed scope with its contents", () => {
    const after = deleteAction(frozen(approvalFlow), { name: "Condition" });
    expect(summary(approvalFlow, after)).toEqual([
      "changed Compose_summary",
      "removed Condition",
      "removed Update_record",
      "removed Post_message",
      "removed Send_an_email",
    ]);
    expect(summary(after, approvalFlow)).toEqual([
      "added Condition",
      "added Update_record",
      "added Post_message",
      "added Send_an_email",
      "changed Compose_summary",
    ]);
  });

  it("shows a rename as one change, not a change on every step that mentions the name", () => {
    const after = renameAction(frozen(chain), { from: "B", to: "Middle" });
    expect(summary(chain, after)).toEqual(["renamed B → Middle"]);
    const [renamed] = diffDefinitions(chain, after).steps;
    expect(renamed?.fields).toEqual([]);
    expect(renamed?.before).toEqual(chain.actions?.B);
  });

  it("finds one rename when a corpus flow's step is renamed, references and all", () => {
    let renamedSome = 0;
    for (const { name } of corpusFiles()) {
      const definition = corpusDefinition(name);
      const [first] = Object.keys(definition.actions ?? {});
      if (first === undefined) continue;
      const after = renameAction(definition, { from: first, to: "Renamed_step" });
      expect({ name, changes: summary(definition, after) }).toEqual({
        name,
        changes: [`renamed ${first} → Renamed_step`],
      });
      renamedSome++;
    }
    expect(renamedSome).toBeGreaterThan(20);
  });

  it("reads a renamed step whose content changed too as removed and added", () => {
    const renamed = renameAction(frozen(chain), { from: "D", to: "Last" });
    const after = setActionInputs(renamed, { name: "Last", inputs: "@concat(outputs('C'), '!')" });
    // Other content: not the same step any more, so it reads as removed and added.
    expect(summary(chain, after)).toEqual(["added Last", "removed D"]);
  });

  it("says a step moved to another branch", () => {
    const after = moveAction(frozen(approvalFlow), {
      name: "Send_an_email",
      to: { kind: "start", container: { scope: "Condition", kind: "yes" } },
    });
    const moved = diffDefinitions(approvalFlow, after).steps.find((s) => s.name === "Send_an_email");
    expect(moved?.moved).toEqual({
      from: { scope: "Condition", kind: "no" },
      to: { scope: "Condition", kind: "yes" },
    });
  });

  it("compares a scope's own fields, not its contents", () => {
    const after = structuredClone(approvalFlow) as WdlDefinition;
    const condition = after.actions?.Condition as { expression: unknown };
    condition.expression = {
      and: [{ equals: ["@outputs('Start_and_wait_for_an_approval')?['body/outcome']", "Reject"] }],
    };
    const diff = diffDefinitions(approvalFlow, after);
    expect(diff.steps.map((s) => s.name)).toEqual(["Condition"]);
    expect(diff.steps[0]?.fields).toEqual([
      { path: ["expression", "and", "0", "equals", "1"], before: "Approve", after: "Reject" },
    ]);
  });

  it("reads another trigger name as the flow's one trigger changed", () => {
    const after = structuredClone(chain) as WdlDefinition;
    after.triggers = { Recurrence: { type: "Recurrence", recurrence: { frequency: "Day", interval: 1 } } };
    const [trigger] = diffDefinitions(chain, after).steps;
    expect(trigger).toMatchObject({
      kind: "renamed",
      isTrigger: true,
      name: "Recurrence",
      previousName: "manual",
    });
    expect(trigger?.fields.map((f) => f.path.join("/"))).toEqual(["type", "recurrence", "kind"]);
  });

  it("reports definition fields outside the steps", () => {
    const after = {
      ...structuredClone(chain),
      parameters: { $connections: { defaultValue: {}, type: "Object" } },
    };
    expect(diffDefinitions(chain, after).definition).toEqual([
      {
        path: ["parameters"],
        before: undefined,
        after: { $connections: { defaultValue: {}, type: "Object" } },
      },
    ]);
  });
});

describe("valueChanges", () => {
  it("goes into objects and same-length lists, and stops at the limit", () => {
    expect(valueChanges({ a: [1, 2], b: { c: 1 } }, { a: [1, 3], b: { d: 1 } })).toEqual([
      { path: ["a", "1"], before: 2, after: 3 },
      { path: ["b", "d"], before: undefined, after: 1 },
      { path: ["b", "c"], before: 1, after: undefined },
    ]);
    expect(valueChanges([1], [1, 2])).toEqual([{ path: [], before: [1], after: [1, 2] }]);
    const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(valueChanges({}, many, 10)).toHaveLength(10);
  });

  it("jsonEqual ignores key order but not values or types", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: "1" })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, undefined)).toBe(false);
  });

  it("ownFields keeps case values and else's fields but not the steps inside", () => {
    expect(
      ownFields({
        type: "Switch",
        expression: "@x",
        cases: { One: { case: 1, actions: { A: { type: "Compose" } } } },
        default: { actions: { B: { type: "Compose" } } },
      }),
    ).toEqual({ type: "Switch", expression: "@x", cases: { One: { case: 1 } } });
  });
});
