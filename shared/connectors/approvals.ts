// Approvals (shared_approvals): ask people to approve, reject or pick a custom response, and wait
// for the answer. The same request fields are written under two prefixes: the waiting operation
// uses "WebhookApprovalCreationInput/…", the one that does not wait "ApprovalCreationInput/…".
import { input, itemOutputs, managedConnector, output } from "./define";
import type { InputDeclaration, OutputDeclaration } from "./types";

const CUSTOM_TYPES = ["CustomResponse", "CustomResponseAwaitAll"] as const;

const approvalType = input(
  "approvalType",
  "Approval type",
  "string",
  "Who must answer, and with which responses.",
  {
    required: true,
    default: "Basic",
    enum: [
      { value: "Basic", title: "Approve/Reject - First to respond" },
      { value: "BasicAwaitAll", title: "Approve/Reject - Everyone must approve" },
      { value: "CustomResponse", title: "Custom Responses - Wait for one response" },
      { value: "CustomResponseAwaitAll", title: "Custom Responses - Wait for all responses" },
    ],
  },
);

function requestInputs(prefix: string): InputDeclaration[] {
  const p = (field: string) => `${prefix}/${field}`;
  return [
    approvalType,
    input(p("responseOptions"), "Response options", "array", "The answers approvers choose from.", {
      required: true,
      items: "string",
      visibleWhen: { input: "approvalType", in: CUSTOM_TYPES },
    }),
    input(p("title"), "Title", "string", "What the approval is about; approvers see it first.", {
      required: true,
    }),
    input(p("assignedTo"), "Assigned to", "email", "Approvers' email addresses, separated by semicolons.", {
      required: true,
    }),
    input(p("details"), "Details", "string", "More information for the approvers; Markdown is supported.", {
      format: "markdown",
    }),
    input(p("itemLink"), "Item link", "string", "A link to the item being approved.", { format: "uri" }),
    input(p("itemLinkDescription"), "Item link description", "string", "The text shown for the item link."),
    input(p("requestor"), "Requestor", "email", "Who the request is on behalf of.", { advanced: true }),
    input(
      p("enableNotifications"),
      "Enable notifications",
      "boolean",
      "Notify the approvers by email and Teams.",
      {
        required: true,
        default: true,
        advanced: true,
      },
    ),
    input(p("enableReassignment"), "Enable reassignment", "boolean", "Let approvers reassign the request.", {
      required: true,
      default: true,
      advanced: true,
    }),
    input(p("attachments"), "Attachments", "array", "Files the approvers can open.", {
      advanced: true,
      fields: [
        input("name", "Name", "string", "File name with its extension.", { required: true }),
        input("content", "Content", "string", "The file content.", {
          required: true,
          format: "file-content",
        }),
      ],
    }),
  ];
}

const responseFields = itemOutputs("body/responses", [
  output("approverId", "Approver id", "string", "Directory id of the approver."),
  output("approverName", "Approver name", "string", "Display name of the approver."),
  output("approverEmail", "Approver email", "email", "Email address of the approver."),
  output("approverResponse", "Response", "string", "The answer this approver gave."),
  output("comments", "Comments", "string", "What the approver wrote with the answer."),
  output("requestDate", "Request date", "date-time", "When the request reached the approver."),
  output("responseDate", "Response date", "date-time", "When the approver answered."),
  output("responder", "Responder", "object", "The person who answered."),
  output("responder/displayName", "Responder name", "string", "Display name of the person who answered."),
  output("responder/email", "Responder email", "email", "Email address of the person who answered."),
  output(
    "responder/userPrincipalName",
    "Responder user name",
    "string",
    "Sign-in name of the person who answered.",
  ),
]);

const requestOutputs: OutputDeclaration[] = [
  output("body/name", "Approval id", "string", "Identifies the approval; Wait for an approval takes it."),
  output("body/title", "Title", "string", "Title of the approval."),
  output("body/details", "Details", "string", "Details of the approval."),
  output("body/itemLink", "Item link", "string", "Link to the item being approved."),
  output("body/itemLinkDescription", "Item link description", "string", "Text of the item link."),
  output("body/requestDate", "Request date", "date-time", "When the approval was created."),
];

const completedOutputs: OutputDeclaration[] = [
  ...requestOutputs,
  output(
    "body/outcome",
    "Outcome",
    "string",
    "The result: Approve or Reject, or the custom response chosen.",
  ),
  output("body/completionDate", "Completion date", "date-time", "When the approval was completed."),
  output("body/responseSummary", "Response summary", "string", "All responses in one text."),
  output("body/responses", "Responses", "array", "One entry per approver who answered."),
  ...responseFields,
];

export const approvals = managedConnector({
  id: "shared_approvals",
  displayName: "Approvals",
  description: "Ask people for approval and act on their answer.",
  group: "Approvals",
  color: "#0a6f3c",
  icon: "check-circle",
  operations: [
    {
      operationId: "StartAndWaitForAnApproval",
      kind: "action",
      wdlType: "OpenApiConnectionWebhook",
      displayName: "Start and wait for an approval",
      description:
        "Sends an approval request and waits until it is complete; the flow continues with the outcome.",
      inputs: requestInputs("WebhookApprovalCreationInput"),
      outputs: completedOutputs,
      waitsForPerson: true,
      keywords: ["approve", "reject", "sign off", "request"],
    },
    {
      operationId: "CreateAnApproval",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Create an approval",
      description: "Sends an approval request without waiting for the answer; wait for it later with its id.",
      inputs: requestInputs("ApprovalCreationInput"),
      outputs: requestOutputs,
      keywords: ["approve", "reject", "request"],
    },
    {
      operationId: "WaitForAnApproval",
      kind: "action",
      wdlType: "OpenApiConnectionWebhook",
      displayName: "Wait for an approval",
      description: "Waits until an approval created earlier is complete.",
      inputs: [
        input("approvalName", "Approval id", "string", "The id returned by Create an approval.", {
          required: true,
        }),
      ],
      outputs: completedOutputs,
      waitsForPerson: true,
      keywords: ["approve", "reject"],
    },
  ],
});
