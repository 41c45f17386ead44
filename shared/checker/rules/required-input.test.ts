import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../json";
import { approvalFlow } from "../test-support/approval";
import { compose, email, flow, ofRule, op } from "../test-support/flows";

describe("required-input", () => {
  it("reports an empty required input by its title, on its field", () => {
    const definition = flow({ "Send_an_email_(V2)": email({ "emailMessage/To": "" }) });
    const [finding] = ofRule(definition, "required-input");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Send_an_email_(V2)",
      step: "Send_an_email_(V2)",
      field: "emailMessage/To",
      message: "“Send an email (V2)” needs a value for To.",
    });
  });

  it("counts whitespace, null and an empty list as missing", () => {
    const definition = flow({
      A: email({ "emailMessage/Subject": "   " }),
      B: email({ "emailMessage/Body": null }, { A: ["Succeeded"] }),
      C: op(
        "shared_approvals",
        "StartAndWaitForAnApproval",
        {
          approvalType: "CustomResponse",
          "WebhookApprovalCreationInput/title": "t",
          "WebhookApprovalCreationInput/assignedTo": "a@b.c",
          "WebhookApprovalCreationInput/responseOptions": [],
        },
        { B: ["Succeeded"] },
      ),
    });
    expect(ofRule(definition, "required-input").map((f) => `${f.nodeId} ${f.field}`)).toEqual([
      "A emailMessage/Subject",
      "B emailMessage/Body",
      "C WebhookApprovalCreationInput/responseOptions",
    ]);
  });

  it("does not require an input hidden by visibleWhen", () => {
    const approval = (approvalType: string) =>
      flow({
        Approve: op("shared_approvals", "StartAndWaitForAnApproval", {
          approvalType,
          "WebhookApprovalCreationInput/title": "t",
          "WebhookApprovalCreationInput/assignedTo": "a@b.c",
        }),
      });
    expect(ofRule(approval("Basic"), "required-input")).toEqual([]);
    expect(ofRule(approval("CustomResponseAwaitAll"), "required-input").map((f) => f.field)).toEqual([
      "WebhookApprovalCreationInput/responseOptions",
    ]);
    // Decided by an expression: not known, so not required.
    expect(ofRule(approval("@variables('type')"), "required-input")).toEqual([]);
  });

  it("checks the required fields of each item of a list of objects", () => {
    const definition = flow({
      Mail: email({ "emailMessage/Attachments": [{ Name: "a.pdf", ContentBytes: "x" }, { Name: "" }] }),
    });
    expect(ofRule(definition, "required-input").map((f) => [f.field, f.message])).toEqual([
      ["emailMessage/Attachments/1/Name", "“Mail” needs a value for Name in Attachments 2."],
      ["emailMessage/Attachments/1/ContentBytes", "“Mail” needs a value for Content in Attachments 2."],
    ]);
  });

  it("reports a Condition row with nothing on either side", () => {
    const condition = (left: string) =>
      flow({
        Condition: { type: "If", runAfter: {}, expression: { and: [{ equals: [left, ""] }] }, actions: {} },
      });
    expect(ofRule(condition(""), "required-input").map((f) => f.field)).toEqual(["expression"]);
    expect(ofRule(condition("@triggerBody()?['x']"), "required-input")).toEqual([]);
  });

  it("takes an input left out that has a default as having it, but not one set empty", () => {
    const approval = op("shared_approvals", "StartAndWaitForAnApproval", {
      "WebhookApprovalCreationInput/title": "t",
      "WebhookApprovalCreationInput/assignedTo": "a@b.c",
    });
    const parameters = (approval.inputs as JsonObject).parameters as JsonObject;
    delete parameters.approvalType;
    delete parameters["WebhookApprovalCreationInput/enableNotifications"];
    expect(ofRule(flow({ Approve: approval }), "required-input")).toEqual([]);
    parameters.approvalType = "";
    expect(ofRule(flow({ Approve: approval }), "required-input").map((f) => f.field)).toEqual([
      "approvalType",
    ]);
  });

  it("is quiet on a complete flow and on a Compose of 0", () => {
    expect(ofRule(approvalFlow(), "required-input")).toEqual([]);
    expect(ofRule(flow({ Compose: compose(0) }), "required-input")).toEqual([]);
    expect(ofRule(flow({ Compose: compose("") }), "required-input").map((f) => f.message)).toEqual([
      "“Compose” needs a value for Inputs.",
    ]);
  });
});
