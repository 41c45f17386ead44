import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../flow";
import { compose, flow, ofRule, op } from "../test-support/flows";

const withTimeout = (step: object, timeout: unknown) => ({ ...step, limit: { timeout } }) as WdlAction;
const approval = op("shared_approvals", "StartAndWaitForAnApproval", {
  approvalType: "Basic",
  title: "Approve",
  assignedTo: "a@example.com",
});

describe("timeout-invalid", () => {
  it("reports a timeout the engine cannot read, on the field the settings show", () => {
    const definition = flow({ Approve: withTimeout(approval, "1 hour") });
    expect(ofRule(definition, "timeout-invalid")).toMatchObject([
      {
        nodeId: "Approve",
        severity: "error",
        field: "limit/timeout",
        message:
          'The timeout of “Approve” must be an ISO 8601 duration such as PT1H (an hour) or P3D (three days); it is "1 hour".',
      },
    ]);
  });

  it("accepts durations the engine reads, and expressions it reads when the step runs", () => {
    for (const timeout of ["PT1H", "P3D", "PT7.5S", "p1dt12h", "@parameters('Timeout')"]) {
      expect(ofRule(flow({ Approve: withTimeout(approval, timeout) }), "timeout-invalid")).toEqual([]);
    }
    const pause = { type: "Wait", inputs: { interval: { count: 1, unit: "Day" } }, runAfter: {} };
    expect(ofRule(flow({ Pause: withTimeout(pause, "PT") }), "timeout-invalid")).toHaveLength(1);
  });
});

describe("timeout-no-effect", () => {
  it("warns about a timeout on a step that finishes at once, or on a container", () => {
    const scope = { type: "Scope", actions: { Approve: approval }, runAfter: {} };
    const findings = ofRule(
      flow({ Note: withTimeout(compose(1), "PT1H"), Group: withTimeout(scope, "P1D") }),
      "timeout-no-effect",
    );
    expect(findings.map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      [
        "Note",
        "warning",
        "The timeout of “Note” has no effect: the step finishes at once. Only steps that wait (connector calls, approvals, Wait) time out.",
      ],
      [
        "Group",
        "warning",
        "The timeout of “Group” has no effect: Flowsmith does not time out a container as a whole. Set the timeout on the steps inside it that wait, such as an approval.",
      ],
    ]);
  });

  it("says nothing of timeouts on connector calls, Wait, and an Until's loop limit", () => {
    const pause = { type: "Wait", inputs: { interval: { count: 1, unit: "Day" } }, runAfter: {} };
    const loop = {
      type: "Until",
      expression: "@equals(1, 1)",
      limit: { count: 10, timeout: "PT1H" },
      actions: {},
      runAfter: {},
    };
    const definition = flow({
      Approve: withTimeout(approval, "P7D"),
      Pause: withTimeout(pause, "PT1H"),
      Loop: loop,
    });
    expect(ofRule(definition, "timeout-no-effect")).toEqual([]);
    expect(ofRule(definition, "timeout-invalid")).toEqual([]);
  });
});
