// The approval flow of the designer's issue, small enough to assert whole results on.
import type { WdlDefinition } from "../types";

const bc = {
  apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
  connectionName: "shared_dynamicssmbsaas",
};

export const approvalFlow: WdlDefinition = {
  $schema:
    "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
  contentVersion: "1.0.0.0",
  triggers: {
    When_a_purchase_document_approval_is_requested: {
      type: "OpenApiConnectionWebhook",
      inputs: { host: { ...bc, operationId: "CreatePurchaseDocumentApprovalWebHookV3" }, parameters: {} },
    },
  },
  actions: {
    Start_and_wait_for_an_approval: {
      type: "OpenApiConnectionWebhook",
      runAfter: {},
      inputs: {
        host: {
          apiId: "/providers/Microsoft.PowerApps/apis/shared_approvals",
          connectionName: "shared_approvals",
          operationId: "StartAndWaitForAnApproval",
        },
        parameters: {
          approvalType: "Basic",
          "WebhookApprovalCreationInput/title": "Approve purchase @{triggerBody()?['number']}",
        },
      },
    },
    Condition: {
      type: "If",
      runAfter: { Start_and_wait_for_an_approval: ["Succeeded"] },
      expression: {
        and: [{ equals: ["@outputs('Start_and_wait_for_an_approval')?['body/outcome']", "Approve"] }],
      },
      actions: {
        Update_record: {
          type: "OpenApiConnection",
          runAfter: {},
          inputs: { host: { ...bc, operationId: "PatchItemV3" }, parameters: { "item/status": "Released" } },
        },
        Post_message: {
          type: "OpenApiConnection",
          runAfter: { Update_record: ["Succeeded"] },
          inputs: {
            host: {
              apiId: "/providers/Microsoft.PowerApps/apis/shared_teams",
              connectionName: "shared_teams",
              operationId: "PostMessageToConversation",
            },
            parameters: { "body/messageBody": "Released @{outputs('Update_record')?['body/number']}" },
          },
        },
      },
      else: {
        actions: {
          Send_an_email: {
            type: "OpenApiConnection",
            runAfter: {},
            inputs: {
              host: {
                apiId: "/providers/Microsoft.PowerApps/apis/shared_office365",
                connectionName: "shared_office365",
                operationId: "SendEmailV2",
              },
              parameters: {
                "emailMessage/Body":
                  "Rejected: @{outputs('Start_and_wait_for_an_approval')?['body/responses'][0]['comments']}",
              },
            },
          },
        },
      },
    },
    Compose_summary: {
      type: "Compose",
      runAfter: { Condition: ["Succeeded", "Failed"] },
      inputs: "@body('Start_and_wait_for_an_approval')",
    },
  },
};

/** A → B → C → D in a row, each a Compose that mentions the one before. */
export const chain: WdlDefinition = {
  triggers: { manual: { type: "Request", kind: "Button" } },
  actions: {
    A: { type: "Compose", runAfter: {}, inputs: 1 },
    B: { type: "Compose", runAfter: { A: ["Succeeded"] }, inputs: "@outputs('A')" },
    C: { type: "Compose", runAfter: { B: ["Succeeded"] }, inputs: "@outputs('B')" },
    D: { type: "Compose", runAfter: { C: ["Succeeded"] }, inputs: "@outputs('C')" },
  },
};

/** runAfter of every top-level action (or of a given actions map), for compact assertions. */
export function runAfters(actions: WdlDefinition["actions"]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(actions ?? {}).map(([n, a]) => [n, a.runAfter]));
}
