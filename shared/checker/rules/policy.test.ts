import { describe, expect, it } from "vitest";
import { approvalFlow } from "../test-support/approval";
import { compose, email, flow, ofRule } from "../test-support/flows";
import type { ConnectorPolicy } from "../types";

describe("policy-blocked-connector", () => {
  it("reports each step of a blocked connector", () => {
    const policy: ConnectorPolicy = { connectors: { shared_office365: "blocked" }, default: "business" };
    expect(ofRule(approvalFlow(), "policy-blocked-connector", { policy })).toMatchObject([
      {
        severity: "error",
        nodeId: "Send_an_email_(V2)",
        message: "“Send an email (V2)” uses Office 365 Outlook, which your administrator has blocked.",
      },
    ]);
  });

  it("accepts a policy keyed by apiId or by the name without shared_, and never classifies built-ins", () => {
    const byApiId: ConnectorPolicy = {
      connectors: { "/providers/Microsoft.PowerApps/apis/shared_office365": "blocked" },
    };
    expect(ofRule(flow({ Mail: email() }), "policy-blocked-connector", { policy: byApiId })).toHaveLength(1);
    const byName: ConnectorPolicy = { connectors: { office365: "blocked" } };
    expect(ofRule(flow({ Mail: email() }), "policy-blocked-connector", { policy: byName })).toHaveLength(1);
    const everything: ConnectorPolicy = { connectors: {}, default: "blocked" };
    expect(ofRule(flow({ Compose: compose(1) }), "policy-blocked-connector", { policy: everything })).toEqual(
      [],
    );
  });
});

describe("policy-mixed-data-groups", () => {
  it("reports business and non-business connectors in one flow, on the flow", () => {
    const policy: ConnectorPolicy = {
      connectors: { shared_dynamicssmbsaas: "business", shared_approvals: "business" },
      default: "non-business",
    };
    const [finding] = ofRule(approvalFlow(), "policy-mixed-data-groups", { policy });
    expect(finding).toMatchObject({
      severity: "error",
      flow: true,
      nodeId: "#trigger/When_a_purchase_document_approval_is_requested",
      message:
        "This flow uses business connectors (Dynamics 365 Business Central and Approvals) together with non-business ones (Microsoft Teams and Office 365 Outlook); your administrator's data policy does not allow mixing them.",
    });
    expect(finding?.related).toContain("Send_an_email_(V2)");
  });

  it("is quiet with one group, without a policy, and treats unlisted connectors as non-business", () => {
    expect(
      ofRule(approvalFlow(), "policy-mixed-data-groups", { policy: { connectors: {}, default: "business" } }),
    ).toEqual([]);
    expect(ofRule(approvalFlow(), "policy-mixed-data-groups")).toEqual([]);
    expect(ofRule(approvalFlow(), "policy-mixed-data-groups", { policy: { connectors: {} } })).toEqual([]);
    expect(
      ofRule(approvalFlow(), "policy-mixed-data-groups", {
        policy: { connectors: { shared_teams: "business" } },
      }),
    ).toHaveLength(1);
  });
});
