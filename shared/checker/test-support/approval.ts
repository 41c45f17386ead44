// The approval flow of the designer's issue, complete: the checker must find nothing in it. Tests
// break it one way at a time.
import type { WdlDefinition } from "../../flow";
import { email, op, succeeded } from "./flows";

const bc = { bcenvironment: "PRODUCTION", company: "CRONUS", dataset: "v2.0" };
const outcome = "@outputs('Start_and_wait_for_an_approval')?['body/outcome']";

export function approvalFlow(): WdlDefinition {
  return {
    triggers: {
      When_a_purchase_document_approval_is_requested: op(
        "shared_dynamicssmbsaas",
        "CreatePurchaseDocumentApprovalWebHookV3",
        { bcenvironment: "PRODUCTION", company: "CRONUS" },
      ),
    },
    actions: {
      Start_and_wait_for_an_approval: op("shared_approvals", "StartAndWaitForAnApproval", {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": "Approve purchase document @{triggerBody()?['Row Id']}",
        "WebhookApprovalCreationInput/assignedTo": "manager@cronus.example",
        "WebhookApprovalCreationInput/details": "Requested by @{triggerBody()?['Requested By User Email']}",
      }),
      Condition: {
        type: "If",
        runAfter: succeeded("Start_and_wait_for_an_approval"),
        expression: { and: [{ equals: [outcome, "Approve"] }] },
        actions: {
          Update_record: op("shared_dynamicssmbsaas", "PatchItemV3", {
            ...bc,
            table: "purchaseInvoices",
            id: "@triggerBody()?['Row Id']",
            "item/status": "Open",
          }),
          Post_message_in_a_chat_or_channel: op(
            "shared_teams",
            "PostMessageToConversation",
            {
              "body/recipient/groupId": "purchasing",
              "body/recipient/channelId": "approvals",
              "body/messageBody": "<p>Released @{outputs('Update_record')?['body/number']}</p>",
            },
            succeeded("Update_record"),
          ),
        },
        else: {
          actions: {
            "Send_an_email_(V2)": email({
              "emailMessage/To": "@triggerBody()?['Requested By User Email']",
              "emailMessage/Subject": "Your purchase document was rejected",
              "emailMessage/Body":
                "<p>@{outputs('Start_and_wait_for_an_approval')?['body/responses'][0]?['comments']}</p>",
            }),
          },
        },
      },
    },
  };
}
