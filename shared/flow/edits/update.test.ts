import { describe, expect, it } from "vitest";
import { approvalFlow, chain } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction } from "../types";
import { actionIndex } from "../walk";
import { setActionInputs, setRunAfter, updateAction, updateActionSettings } from "./update";

describe("updateAction and setActionInputs", () => {
  it("replace a step in place", () => {
    const input = frozen(approvalFlow);
    const out = setActionInputs(input, { name: "Compose_summary", inputs: { done: true } });
    expect(out.actions?.Compose_summary).toEqual({
      type: "Compose",
      runAfter: { Condition: ["Succeeded", "Failed"] },
      inputs: { done: true },
    });
    expect(out.actions?.Condition).toBe(input.actions?.Condition);
    const nested = updateAction(input, {
      name: "Send_an_email",
      update: (a) => ({ ...a, description: "tell them" }),
    });
    expect(step<WdlIfAction>(nested, "Condition").else?.actions?.Send_an_email?.description).toBe(
      "tell them",
    );
  });
});

describe("setRunAfter", () => {
  it("sets predecessors and statuses", () => {
    const out = setRunAfter(frozen(chain), {
      name: "D",
      runAfter: { B: ["Failed", "TimedOut"], C: ["Succeeded"] },
    });
    expect(out.actions?.D?.runAfter).toEqual({ B: ["Failed", "TimedOut"], C: ["Succeeded"] });
  });

  it("refuses itself, other branches, unknown steps and statuses, empty lists and cycles", () => {
    const error = (name: string, runAfter: Record<string, string[]>, definition = chain) =>
      editError(() => setRunAfter(definition, { name, runAfter }));
    expect(error("B", { B: ["Succeeded"] }).message).toBe('"B" cannot run after itself.');
    expect(error("B", { Z: ["Succeeded"] }).message).toBe('There is no step called "Z".');
    expect(error("B", { A: [] }).message).toBe('Choose at least one status of "A" to run after.');
    expect(error("B", { A: ["Done"] }).message).toBe(
      '"Done" is not a status; use Succeeded, Failed, Skipped or TimedOut.',
    );
    expect(error("A", { C: ["Succeeded"] })).toMatchObject({
      code: "invalidRunAfter",
      message: 'That would make "A" run after itself through other steps.',
    });
    expect(error("Post_message", { Condition: ["Succeeded"] }, approvalFlow).message).toBe(
      '"Post_message" can only run after steps of its own branch, and "Condition" is elsewhere.',
    );
  });

  it("accepts statuses in any letter case", () => {
    const out = setRunAfter(chain, { name: "C", runAfter: { B: ["SUCCEEDED"] } });
    expect(out.actions?.C?.runAfter).toEqual({ B: ["SUCCEEDED"] });
  });
});

describe("updateActionSettings", () => {
  it("sets and removes a retry policy inside the inputs", () => {
    const policy = { type: "fixed", count: 3, interval: "PT20S" };
    const out = updateActionSettings(frozen(approvalFlow), {
      name: "Update_record",
      settings: { retryPolicy: policy },
    });
    const inputs = actionIndex(out).get("Update_record")?.action.inputs as Record<string, unknown>;
    expect(inputs.retryPolicy).toEqual(policy);
    expect(Object.keys(inputs)).toEqual(["host", "parameters", "retryPolicy"]);
    const back = updateActionSettings(out, { name: "Update_record", settings: { retryPolicy: null } });
    expect(actionIndex(back).get("Update_record")?.action).toEqual(
      actionIndex(approvalFlow).get("Update_record")?.action,
    );
  });

  it("sets a timeout, description and secure inputs/outputs, and removes them without litter", () => {
    const out = updateActionSettings(frozen(chain), {
      name: "B",
      settings: { timeout: "PT1H", description: "Second", secureInputs: true, secureOutputs: true },
    });
    expect(out.actions?.B).toEqual({
      type: "Compose",
      runAfter: { A: ["Succeeded"] },
      inputs: "@outputs('A')",
      limit: { timeout: "PT1H" },
      description: "Second",
      runtimeConfiguration: { secureData: { properties: ["inputs", "outputs"] } },
    });
    const back = updateActionSettings(out, {
      name: "B",
      settings: { timeout: null, description: null, secureInputs: false, secureOutputs: false },
    });
    expect(back.actions?.B).toEqual(chain.actions?.B);
  });

  it("sets the concurrency of an Apply to each", () => {
    const definition = frozen(corpusDefinition("logicapps/AllScopeNodes.json"));
    const out = updateActionSettings(definition, { name: "ForEach_nested", settings: { concurrency: 5 } });
    expect(actionIndex(out).get("ForEach_nested")?.action.runtimeConfiguration).toEqual({
      concurrency: { repetitions: 5 },
    });
    const removed = updateActionSettings(out, { name: "ForEach_nested", settings: { concurrency: null } });
    expect(actionIndex(removed).get("ForEach_nested")?.action.runtimeConfiguration).toBeUndefined();
  });

  it("refuses wrong settings", () => {
    expect(
      editError(() => updateActionSettings(chain, { name: "B", settings: { timeout: "1 hour" } })).message,
    ).toBe('The timeout must be an ISO 8601 duration such as PT1H or P1D, not "1 hour".');
    expect(
      editError(() => updateActionSettings(chain, { name: "B", settings: { concurrency: 2 } })).code,
    ).toBe("wrongType");
    const foreach = corpusDefinition("logicapps/AllScopeNodes.json");
    expect(
      editError(() => updateActionSettings(foreach, { name: "ForEach", settings: { concurrency: 51 } }))
        .message,
    ).toBe("The degree of parallelism must be a whole number from 1 to 50, not 51.");
    expect(
      editError(() =>
        updateActionSettings(chain, { name: "B", settings: { retryPolicy: { type: "fixed" } } }),
      ).code,
    ).toBe("wrongType");
    expect(
      editError(() =>
        updateActionSettings(approvalFlow, {
          name: "Update_record",
          settings: { retryPolicy: { type: "often" } },
        }),
      ).message,
    ).toBe('A retry policy\'s type is none, fixed, exponential or default, not "often".');
  });
});
