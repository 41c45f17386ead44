import { describe, expect, it } from "vitest";
import { actionNameProblem, sanitizeActionName, uniqueActionName } from "./names";
import { approvalFlow } from "./test-support/approval";
import { corpusDefinition } from "./test-support/corpus";
import { actionCount, allActions } from "./walk";

describe("uniqueActionName", () => {
  it("keeps a free name and numbers a taken one", () => {
    expect(uniqueActionName(approvalFlow, "Compose")).toBe("Compose");
    expect(uniqueActionName(approvalFlow, "Condition")).toBe("Condition_2");
    expect(uniqueActionName(approvalFlow, "condition")).toBe("condition_2");
    expect(uniqueActionName(approvalFlow, "Condition", ["condition_2"])).toBe("Condition_3");
  });

  it("counts on from a numbered name", () => {
    const definition = corpusDefinition("logicapps/AllScopeNodes.json");
    expect(uniqueActionName(definition, "Terminate_2")).toBe("Terminate_3");
    expect(uniqueActionName(definition, "Increment_variable_4")).toBe("Increment_variable_2");
  });

  it("avoids Switch case names and triggers", () => {
    const definition = corpusDefinition("logicapps/Switch.json");
    expect(uniqueActionName(definition, "First_Case")).toBe("First_Case_2");
    expect(uniqueActionName(definition, "Http")).toBe("Http_2");
  });

  it("turns a title into a name", () => {
    expect(uniqueActionName(approvalFlow, "Send an email (V2)")).toBe("Send_an_email_(V2)");
    expect(sanitizeActionName("  Is it done? / maybe ")).toBe("Is_it_done__maybe");
    expect(sanitizeActionName("???")).toBe("Action");
    expect(sanitizeActionName("x".repeat(100)).length).toBe(80);
  });
});

describe("actionNameProblem", () => {
  it("explains what is wrong with a name", () => {
    expect(actionNameProblem(approvalFlow, "Fine_name")).toBeUndefined();
    expect(actionNameProblem(approvalFlow, "")).toEqual({
      code: "invalidName",
      message: "A name cannot be empty.",
    });
    expect(actionNameProblem(approvalFlow, "a:b")?.message).toBe(
      'A name cannot contain ":" (nor any of < > % & \\ ? / : #).',
    );
    expect(actionNameProblem(approvalFlow, "tab\there")?.code).toBe("invalidName");
    expect(actionNameProblem(approvalFlow, "CONDITION")?.code).toBe("nameTaken");
    expect(actionNameProblem(approvalFlow, "CONDITION", "Condition")).toBeUndefined();
  });
});

describe("allActions", () => {
  it("lists every step with where it lives, scopes first", () => {
    const entries = allActions(approvalFlow).map((e) => [e.name, e.depth, e.container]);
    expect(entries).toEqual([
      ["Start_and_wait_for_an_approval", 0, null],
      ["Condition", 0, null],
      ["Update_record", 1, { kind: "yes", scope: "Condition" }],
      ["Post_message", 1, { kind: "yes", scope: "Condition" }],
      ["Send_an_email", 1, { kind: "no", scope: "Condition" }],
      ["Compose_summary", 0, null],
    ]);
    expect(actionCount(approvalFlow)).toBe(6);
    expect(actionCount(corpusDefinition("logicapps/StressTest1000.json"))).toBe(1000);
  });
});
