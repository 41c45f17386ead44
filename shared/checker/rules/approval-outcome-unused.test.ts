import { describe, expect, it } from "vitest";
import { approvalFlow } from "../test-support/approval";
import { compose, email, flow, ofRule, op, succeeded } from "../test-support/flows";

const approval = () =>
  op("shared_approvals", "StartAndWaitForAnApproval", {
    approvalType: "Basic",
    "WebhookApprovalCreationInput/title": "Approve",
    "WebhookApprovalCreationInput/assignedTo": "manager@cronus.example",
  });

describe("approval-outcome-unused", () => {
  it("warns when no step looks at the outcome, offering a Condition on it", () => {
    const definition = flow({ Approval: approval(), Mail: email({}, succeeded("Approval")) });
    expect(ofRule(definition, "approval-outcome-unused")).toEqual([
      expect.objectContaining({
        severity: "warning",
        nodeId: "Approval",
        message:
          "No step looks at the outcome of “Approval”: the flow goes on the same way whether it is approved or rejected.",
        fix: {
          label: "Add a Condition on the outcome after this step",
          edit: {
            kind: "add-outcome-condition",
            after: "Approval",
            expression: "@outputs('Approval')?['body/outcome']",
          },
        },
      }),
    ]);
  });

  it("is quiet when a Condition, a loop over the responses or the whole body reads it", () => {
    expect(ofRule(approvalFlow(), "approval-outcome-unused")).toEqual([]);
    const viaLoop = flow({
      Approval: approval(),
      Loop: {
        type: "Foreach",
        runAfter: succeeded("Approval"),
        foreach: "@outputs('Approval')?['body/responses']",
        actions: {},
      },
    });
    expect(ofRule(viaLoop, "approval-outcome-unused")).toEqual([]);
    const whole = flow({ Approval: approval(), Keep: compose("@body('Approval')", succeeded("Approval")) });
    expect(ofRule(whole, "approval-outcome-unused")).toEqual([]);
  });

  it("does not count reading only the title", () => {
    const definition = flow({
      Approval: approval(),
      Keep: compose("@outputs('Approval')?['body/title']", succeeded("Approval")),
    });
    expect(ofRule(definition, "approval-outcome-unused")).toHaveLength(1);
  });
});
