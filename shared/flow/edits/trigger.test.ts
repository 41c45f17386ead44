import { describe, expect, it } from "vitest";
import { chain } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { replaceTrigger, updateTrigger, updateTriggerSettings } from "./trigger";

describe("trigger edits", () => {
  it("replace the trigger by another kind, keeping its place", () => {
    const input = frozen(chain);
    const out = replaceTrigger(input, {
      newName: "Recurrence",
      trigger: { type: "Recurrence", recurrence: { frequency: "Day", interval: 1 } },
    });
    expect(out.triggers).toEqual({
      Recurrence: { type: "Recurrence", recurrence: { frequency: "Day", interval: 1 } },
    });
    expect(out.actions).toBe(input.actions);
    expect(editError(() => replaceTrigger(chain, { newName: "A", trigger: { type: "Request" } })).code).toBe(
      "nameTaken",
    );
    expect(
      replaceTrigger({}, { newName: "manual", trigger: { type: "Request", kind: "Button" } }).triggers,
    ).toEqual({
      manual: { type: "Request", kind: "Button" },
    });
  });

  it("update the trigger", () => {
    const out = updateTrigger(frozen(chain), {
      name: "manual",
      update: (t) => ({ ...t, inputs: { schema: { type: "object", properties: {} } } }),
    });
    expect(out.triggers?.manual).toEqual({
      type: "Request",
      kind: "Button",
      inputs: { schema: { type: "object", properties: {} } },
    });
    expect(editError(() => updateTrigger(chain, { name: "nope", update: (t) => t })).code).toBe("notFound");
  });

  it("set and clear trigger conditions, concurrency and splitOn", () => {
    const definition = frozen(corpusDefinition("logicapps/Recurrence.json"));
    const out = updateTriggerSettings(definition, {
      name: "Recurrence",
      settings: { conditions: ["@equals(1, 1)", " "], concurrency: 1, splitOn: "@triggerBody()?['value']" },
    });
    expect(out.triggers?.Recurrence).toMatchObject({
      conditions: [{ expression: "@equals(1, 1)" }],
      runtimeConfiguration: { concurrency: { runs: 1 } },
      splitOn: "@triggerBody()?['value']",
    });
    const back = updateTriggerSettings(out, {
      name: "Recurrence",
      settings: { conditions: [], concurrency: null, splitOn: null },
    });
    expect(back.triggers).toEqual(definition.triggers);
    expect(
      editError(() =>
        updateTriggerSettings(definition, { name: "Recurrence", settings: { conditions: ["x > 1"] } }),
      ).message,
    ).toBe('A trigger condition is an expression starting with "@", not "x > 1".');
  });
});
