import { describe, expect, it } from "vitest";
import { approvalFlow } from "../test-support/approval";
import { corpusDefinition, frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction } from "../types";
import { renameAction } from "./rename";

describe("renameAction", () => {
  it("renames the key in place and every reference to it", () => {
    const input = frozen(approvalFlow);
    const out = renameAction(input, { from: "Start_and_wait_for_an_approval", to: "Approval" });
    expect(Object.keys(out.actions ?? {})).toEqual(["Approval", "Condition", "Compose_summary"]);
    const condition = out.actions?.Condition as WdlIfAction;
    expect(condition.runAfter).toEqual({ Approval: ["Succeeded"] });
    expect(condition.expression).toEqual({
      and: [{ equals: ["@outputs('Approval')?['body/outcome']", "Approve"] }],
    });
    expect(condition.else?.actions?.Send_an_email?.inputs).toMatchObject({
      parameters: {
        "emailMessage/Body": "Rejected: @{outputs('Approval')?['body/responses'][0]['comments']}",
      },
    });
    expect(out.actions?.Compose_summary?.inputs).toBe("@body('Approval')");
    // What holds no reference is shared, not copied.
    expect(condition.actions).toBe(step<WdlIfAction>(input, "Condition").actions);
    expect(JSON.stringify(out)).not.toContain("Start_and_wait_for_an_approval");
  });

  it("renames a step inside a branch and the runAfter of its siblings", () => {
    const out = renameAction(frozen(approvalFlow), { from: "Update_record", to: "Release_order" });
    const yes = step<WdlIfAction>(out, "Condition").actions;
    expect(Object.keys(yes ?? {})).toEqual(["Release_order", "Post_message"]);
    expect(yes?.Post_message?.runAfter).toEqual({ Release_order: ["Succeeded"] });
    expect(yes?.Post_message?.inputs).toMatchObject({
      parameters: { "body/messageBody": "Released @{outputs('Release_order')?['body/number']}" },
    });
  });

  it("renames a loop and its items() references (corpus)", () => {
    const definition = frozen(corpusDefinition("powerautomate/collect-feedback-approval.json"));
    const out = renameAction(definition, { from: "Get_Feedback", to: "Each_response" });
    const text = JSON.stringify(out);
    expect(text).not.toContain("'Get_Feedback'");
    expect(text.match(/items\('Each_response'\)/g)?.length).toBe(4);
  });

  it("accepts a change of letter case and returns the same definition for the same name", () => {
    const out = renameAction(approvalFlow, { from: "Condition", to: "condition" });
    expect(Object.keys(out.actions ?? {})).toEqual([
      "Start_and_wait_for_an_approval",
      "condition",
      "Compose_summary",
    ]);
    expect(out.actions?.Compose_summary?.runAfter).toEqual({ condition: ["Succeeded", "Failed"] });
    expect(renameAction(approvalFlow, { from: "Condition", to: "Condition" })).toBe(approvalFlow);
  });

  it("refuses taken and invalid names", () => {
    expect(editError(() => renameAction(approvalFlow, { from: "Condition", to: "update_record" })).code).toBe(
      "nameTaken",
    );
    expect(editError(() => renameAction(approvalFlow, { from: "Condition", to: "Is approved?" })).code).toBe(
      "invalidName",
    );
    expect(editError(() => renameAction(approvalFlow, { from: "Nope", to: "X" })).code).toBe("notFound");
    expect(
      editError(() => renameAction(approvalFlow, { from: "Condition", to: "x".repeat(81) })).message,
    ).toBe("A name has at most 80 characters (this one has 81).");
  });
});
