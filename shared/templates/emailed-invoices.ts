// "Approve invoices that arrive by email": Outlook's new-email trigger, narrowed to subjects that
// contain "invoice" (one run per email), asks the finance manager to approve, and replies to the
// sender with the outcome and the approver's comments.
import { action, branches, call, definition, expr, member, operation, ref, text, trigger } from "./build";
import { DEMO_PEOPLE } from "./demo";
import type { Template } from "./types";

/** Only emails whose subject contains this start the flow. */
export const INVOICE_SUBJECT_FILTER = "invoice";

function build(): Template {
  const start = trigger("When_a_new_email_arrives_(V3)", operation("shared_office365", "OnNewEmailV3"), {
    values: { folderPath: "Inbox", subjectFilter: INVOICE_SUBJECT_FILTER },
  });
  const subject = ref(start, "body/subject");
  const sender = ref(start, "body/from");

  const approval = action(
    "Start_and_wait_for_an_approval",
    operation("shared_approvals", "StartAndWaitForAnApproval"),
    {
      values: {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": text`Approve the emailed invoice: ${subject}`,
        "WebhookApprovalCreationInput/assignedTo": DEMO_PEOPLE.financeManager,
        "WebhookApprovalCreationInput/details": text`${sender} sent: ${ref(start, "body/bodyPreview")}`,
        "WebhookApprovalCreationInput/requestor": expr(sender),
      },
    },
  );

  const response = call("first", ref(approval, "body/responses"));
  const messageId = expr(ref(start, "body/id"));
  const reply = (name: string, answer: string) =>
    action(name, operation("shared_office365", "ReplyToV3"), {
      values: {
        messageId,
        "replyParameters/Body": [
          `<p>${answer}</p>`,
          text`<p>${member(response, "approverName")}: ${member(response, "comments")}</p>`,
        ].join("\n"),
      },
    });
  const approved = reply("Reply_approved", "Your invoice is approved and will be paid on its due date.");
  const rejected = reply("Reply_rejected", "Your invoice was not approved.");

  const condition = action("Condition", operation("builtin_control", "If"), {
    values: { expression: { and: [{ equals: [expr(ref(approval, "body/outcome")), "Approve"] }] } },
    after: [approval],
    extra: branches([approved], [rejected]),
  });

  return {
    id: "approve-emailed-invoices",
    title: "Approve invoices that arrive by email",
    description: `When an email whose subject contains “${INVOICE_SUBJECT_FILTER}” arrives, ask the finance manager to approve it and reply to the sender with the outcome and the approver's comments.`,
    kind: "automated",
    category: "Approvals",
    definition: definition(start, approval, condition),
  };
}

export const EMAILED_INVOICES_TEMPLATE: Template = build();
