import { describe, expect, it } from "vitest";
import { diffDefinitions, type WdlDefinition } from "../../../shared/flow";
import type { JsonObject } from "../../../shared/json";
import {
  containerLabel,
  fieldLabel,
  fieldValueText,
  noteFromChanges,
  runAfterText,
  valueText,
} from "./change-labels";

const approval: JsonObject = {
  type: "OpenApiConnectionWebhook",
  inputs: {
    host: {
      apiId: "/providers/Microsoft.PowerApps/apis/shared_approvals",
      connectionName: "shared_approvals",
      operationId: "StartAndWaitForAnApproval",
    },
    parameters: { approvalType: "Basic", "WebhookApprovalCreationInput/title": "Approve" },
  },
  runAfter: {},
};

const updateRecord: JsonObject = {
  type: "OpenApiConnection",
  inputs: {
    host: {
      apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
      connectionName: "shared_dynamicssmbsaas",
      operationId: "PatchItemV3",
    },
    parameters: { table: "purchaseInvoices", "item/status": "Released" },
  },
  runAfter: {},
};

describe("fieldLabel", () => {
  it("names a connector's parameter as its form does", () => {
    expect(fieldLabel(approval, ["inputs", "parameters", "approvalType"])).toBe("Approval type");
    expect(fieldLabel(approval, ["inputs", "parameters", "WebhookApprovalCreationInput/title"])).toBe(
      "Title",
    );
  });

  it("names a record field by the table's field title", () => {
    expect(fieldLabel(updateRecord, ["inputs", "parameters", "item/status"])).toBe("Status");
  });

  it("names a built-in step's inputs and the settings every step has", () => {
    const compose: JsonObject = { type: "Compose", inputs: "x", runAfter: {} };
    expect(fieldLabel(compose, ["inputs"])).toBe("Inputs");
    expect(fieldLabel(compose, ["runAfter", "Get_record"])).toBe("Run after › Get_record");
    expect(fieldLabel(compose, ["retryPolicy", "count"])).toBe("Retry policy › count");
    expect(fieldLabel(undefined, ["parameters", "$connections"])).toBe("parameters › $connections");
  });
});

describe("fieldValueText", () => {
  it("writes a choice by its title and anything else as it is", () => {
    const path = ["inputs", "parameters", "approvalType"];
    expect(fieldValueText(approval, path, "BasicAwaitAll")).toBe("Approve/Reject - Everyone must approve");
    expect(fieldValueText(approval, path, "@variables('kind')")).toBe("@variables('kind')");
    expect(
      fieldValueText(approval, ["inputs", "parameters", "WebhookApprovalCreationInput/title"], "Hi"),
    ).toBe("Hi");
  });
});

describe("noteFromChanges", () => {
  it("writes a publish note from a comparison, step titles as people read them", () => {
    const before: WdlDefinition = {
      triggers: { manual: { type: "Request", kind: "Button" } },
      actions: {
        Keep: { type: "Compose", inputs: 1, runAfter: {} },
        Drop_me: { type: "Compose", inputs: 2, runAfter: { Keep: ["Succeeded"] } },
      },
    };
    const after: WdlDefinition = {
      triggers: before.triggers,
      actions: {
        Keep: { type: "Compose", inputs: 10, runAfter: {} },
        New_step: { type: "Compose", inputs: 3, runAfter: { Keep: ["Succeeded"] } },
      },
    };
    expect(noteFromChanges(diffDefinitions(before, after))).toBe(
      "Changed Keep; added New step; removed Drop me",
    );
    expect(noteFromChanges(diffDefinitions(before, before))).toBe("");
  });
});

describe("runAfterText", () => {
  it("says what a step waits for, in words", () => {
    expect(runAfterText({})).toBe("first in its branch");
    expect(runAfterText(undefined)).toBe("first in its branch");
    expect(runAfterText({ Get_record: ["Succeeded"], Try: ["failed", "TIMEDOUT"] })).toBe(
      "Get record (succeeded), Try (failed, timed out)",
    );
  });
});

describe("containerLabel and valueText", () => {
  it("say where a step sits", () => {
    expect(containerLabel(null)).toBe("the top level");
    expect(containerLabel({ scope: "Condition", kind: "no" })).toBe("Condition › No");
    expect(containerLabel({ scope: "Check_amount", kind: "case", caseName: "Case_2" })).toBe(
      "Check amount › Case 2",
    );
  });

  it("writes values on one line, and says when there is none", () => {
    expect(valueText(undefined)).toBe("(not set)");
    expect(valueText("")).toBe("(empty)");
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText("x".repeat(500))).toHaveLength(160);
  });
});
