import { describe, expect, it } from "vitest";
import type { WdlTrigger } from "../../flow";
import { approvalFlow } from "../test-support/approval";
import { compose, email, flow, ofRule, op } from "../test-support/flows";

const delay = (count: string | number) => ({
  type: "Wait",
  runAfter: {},
  inputs: { interval: { count, unit: "Minute" } },
});

describe("type-mismatch", () => {
  it("text typed into a number input", () => {
    const [finding] = ofRule(flow({ Delay: delay("ten") }), "type-mismatch");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Delay",
      field: "inputs/interval/count",
      path: ["inputs", "interval", "count"],
      message: "“Delay” needs a whole number for Count, but “ten” is text.",
    });
  });

  it("an expression whose type is known and wrong, with the conversion to use", () => {
    const [finding] = ofRule(flow({ Delay: delay("@concat('1', '0')") }), "type-mismatch");
    expect(finding?.message).toBe("“Delay” needs a whole number for Count, but the expression gives text.");
    expect(finding?.fix?.label).toBe("Convert the value with int()");
  });

  it("text around dynamic content in a number input", () => {
    expect(ofRule(flow({ Delay: delay("about @{add(1, 2)}") }), "type-mismatch")[0]?.message).toBe(
      "“Delay” needs a whole number for Count, but the text around the dynamic content makes it text.",
    );
  });

  it("a single value where a list is needed", () => {
    const definition = flow({ Loop: { type: "Foreach", runAfter: {}, foreach: "all of them", actions: {} } });
    expect(ofRule(definition, "type-mismatch")[0]?.message).toBe(
      "“Loop” needs a list for Select an output from previous steps, but “all of them” is text.",
    );
  });

  it("accepts numbers written as text, expressions of unknown type, and numbers in text inputs", () => {
    const definition = flow({
      A: delay("10"),
      B: { ...delay("@triggerBody()?['minutes']"), runAfter: { A: ["Succeeded"] } },
      C: { ...delay("@{add(1, 2)}"), runAfter: { B: ["Succeeded"] } },
      D: email({ "emailMessage/Subject": 42 }, { C: ["Succeeded"] }),
    });
    expect(ofRule(definition, "type-mismatch")).toEqual([]);
    expect(ofRule(approvalFlow(), "type-mismatch")).toEqual([]);
  });

  it("each item of a list of plain values", () => {
    const trigger = op("builtin_schedule", "Recurrence", {
      "recurrence/frequency": "Day",
      "recurrence/schedule/minutes": [0, "half past"],
    }) as WdlTrigger;
    expect(ofRule(flow({}, trigger, "Recurrence"), "type-mismatch")).toMatchObject([
      { field: "recurrence/schedule/minutes", path: ["recurrence", "schedule", "minutes", 1] },
    ]);
  });
});

describe("invalid-choice", () => {
  it("a value that is not one of the choices, suggesting the closest", () => {
    const definition = flow({
      Approve: op("shared_approvals", "StartAndWaitForAnApproval", {
        approvalType: "Basik",
        "WebhookApprovalCreationInput/title": "t",
        "WebhookApprovalCreationInput/assignedTo": "a@b.c",
      }),
    });
    const [finding] = ofRule(definition, "invalid-choice");
    expect(finding).toMatchObject({
      field: "approvalType",
      message:
        "“Approve” has “Basik” for Approval type, which is not one of its choices (Approve/Reject - First to respond, Approve/Reject - Everyone must approve, Custom Responses - Wait for one response and Custom Responses - Wait for all responses).",
      fix: { edit: { kind: "set-value", field: "approvalType", value: "Basic" } },
    });
  });

  it("ignores letter case, expressions, and inputs that accept other values", () => {
    const definition = flow({
      A: compose(1),
      Delay: {
        type: "Wait",
        runAfter: { A: ["Succeeded"] },
        inputs: { interval: { count: 1, unit: "minute" } },
      },
      Get: op("shared_dynamicssmbsaas", "GetItemV3", {
        company: "CRONUS",
        table: "customers",
        id: "1",
        bcenvironment: "SANDBOX",
      }),
    });
    expect(ofRule(definition, "invalid-choice")).toEqual([]);
  });
});

describe("out-of-range", () => {
  it("a number below the minimum, with a fix to the bound", () => {
    const definition = flow({
      Until: { type: "Until", runAfter: {}, expression: "@true", limit: { count: 9000 }, actions: {} },
    });
    expect(ofRule(definition, "out-of-range")).toMatchObject([
      {
        field: "limit/count",
        message: "Count of “Until” must be at most 5000; it is 9000.",
        fix: { edit: { kind: "set-value", field: "limit/count", value: 5000 } },
      },
    ]);
    definition.actions = {
      Until: { type: "Until", runAfter: {}, expression: "@true", limit: { count: 60 }, actions: {} },
    };
    expect(ofRule(definition, "out-of-range")).toEqual([]);
  });
});
