// Office 365 Outlook (shared_office365): send mail, and react to mail that arrives or is flagged.
import { input, itemOutputs, managedConnector, output } from "./define";
import type { InputDeclaration, OutputDeclaration } from "./types";

const importance = (name: string, withAny: boolean, defaultValue: string): InputDeclaration =>
  input(name, "Importance", "string", "Importance of the email.", {
    advanced: true,
    default: defaultValue,
    enum: [
      ...(withAny ? [{ value: "Any", title: "Any" }] : []),
      { value: "Low", title: "Low" },
      { value: "Normal", title: "Normal" },
      { value: "High", title: "High" },
    ],
  });

const folder = input("folderPath", "Folder", "string", "The mail folder to watch.", {
  default: "Inbox",
  allowCustom: true,
  enum: [
    { value: "Inbox", title: "Inbox" },
    { value: "Archive", title: "Archive" },
  ],
});

const onlyWithAttachments = input(
  "fetchOnlyWithAttachment",
  "Only with attachments",
  "boolean",
  "Start only for emails that have attachments.",
  { advanced: true, default: false },
);
const includeAttachments = input(
  "includeAttachments",
  "Include attachments",
  "boolean",
  "Include the attachments' content in the trigger's output.",
  { advanced: true, default: false },
);

// The filters a mail trigger and Get emails share, after the folder (the sandbox applies them in
// electron/backend/sandbox/mail-filters.ts).
const emailFilters: InputDeclaration[] = [
  input("to", "To", "email", "Only emails sent to these addresses.", { advanced: true }),
  input("cc", "CC", "email", "Only emails copied to these addresses.", { advanced: true }),
  input("toOrCc", "To or CC", "email", "Only emails sent or copied to these addresses.", {
    advanced: true,
  }),
  input("from", "From", "email", "Only emails from these addresses.", { advanced: true }),
  importance("importance", true, "Any"),
  onlyWithAttachments,
  includeAttachments,
  input("subjectFilter", "Subject filter", "string", "Only emails whose subject contains this text.", {
    advanced: true,
  }),
];

/** The mailbox an action works in instead of the connection's own. */
const sharedMailbox = (help: string): InputDeclaration =>
  input("mailboxAddress", "Original mailbox address", "email", help, { advanced: true });

/** Copy and blind copy recipients of a message written under `prefix` ("emailMessage"). */
const copies = (prefix: string): InputDeclaration[] => [
  input(`${prefix}/Cc`, "CC", "email", "Copy recipients, separated by semicolons.", { advanced: true }),
  input(`${prefix}/Bcc`, "BCC", "email", "Blind copy recipients, separated by semicolons.", {
    advanced: true,
  }),
];

/** Files sent with a message, each a name and its content. */
const attachments = (name: string): InputDeclaration =>
  input(name, "Attachments", "array", "Files to attach.", {
    advanced: true,
    fields: [
      input("Name", "Name", "string", "File name with its extension.", { required: true }),
      input("ContentBytes", "Content", "string", "The file content.", {
        required: true,
        format: "file-content",
      }),
    ],
  });

// One received email, as the mail triggers return it (one run per email: splitOn).
const receivedEmail: OutputDeclaration[] = [
  output("body/id", "Message id", "string", "Identifies the email."),
  output("body/from", "From", "email", "Sender's address."),
  output("body/toRecipients", "To", "email", "Recipients, separated by semicolons."),
  output("body/ccRecipients", "CC", "email", "Copy recipients, separated by semicolons."),
  output("body/subject", "Subject", "string", "Subject of the email."),
  output("body/body", "Body", "html", "Body of the email."),
  output("body/bodyPreview", "Body preview", "string", "The start of the body as plain text."),
  output("body/importance", "Importance", "string", "Low, Normal or High."),
  output("body/hasAttachments", "Has attachments", "boolean", "Whether the email has attachments."),
  output("body/receivedDateTime", "Received time", "date-time", "When the email arrived."),
  output("body/isRead", "Is read", "boolean", "Whether the email has been read."),
  output("body/attachments", "Attachments", "array", "The email's attachments."),
  ...itemOutputs("body/attachments", [
    output("name", "Attachment name", "string", "File name of the attachment."),
    output("contentBytes", "Attachment content", "string", "Content of the attachment, base64-encoded."),
    output("contentType", "Attachment content type", "string", "MIME type of the attachment."),
  ]),
];

const splitOnValue = { splitOn: "@triggerOutputs()?['body/value']" };

// The fields of one email found by Get emails, as items of body/value.
const foundEmail: OutputDeclaration[] = [
  output("body/value", "Emails", "array", "The emails found, newest first."),
  ...itemOutputs(
    "body/value",
    receivedEmail
      .filter((o) => o.itemOf === undefined && o.path !== "body/attachments")
      .map((o) => ({ ...o, path: o.path.slice("body/".length) })),
  ),
];

export const office365 = managedConnector({
  id: "shared_office365",
  displayName: "Office 365 Outlook",
  description: "Send email from an Outlook mailbox and react to the mail it receives.",
  group: "Outlook",
  color: "#0078d4",
  icon: "mail",
  operations: [
    {
      operationId: "SendEmailV2",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Send an email (V2)",
      description: "Sends an email from your mailbox.",
      inputs: [
        input("emailMessage/To", "To", "email", "Recipients' addresses, separated by semicolons.", {
          required: true,
        }),
        input("emailMessage/Subject", "Subject", "string", "Subject of the email.", { required: true }),
        input("emailMessage/Body", "Body", "html", "Body of the email.", { required: true }),
        input("emailMessage/From", "From (Send as)", "email", "A mailbox you may send as.", {
          advanced: true,
        }),
        ...copies("emailMessage"),
        attachments("emailMessage/Attachments"),
        input("emailMessage/Sensitivity", "Sensitivity", "string", "Sensitivity label of the email.", {
          advanced: true,
        }),
        input("emailMessage/ReplyTo", "Reply to", "email", "Addresses replies go to.", { advanced: true }),
        importance("emailMessage/Importance", false, "Normal"),
      ],
      keywords: ["mail", "outlook", "message", "notify"],
    },
    {
      operationId: "OnNewEmailV3",
      kind: "trigger",
      wdlType: "OpenApiConnectionNotification",
      flowKind: "automated",
      displayName: "When a new email arrives (V3)",
      description: "Starts for each new email in a folder that matches the filters.",
      inputs: [folder, ...emailFilters],
      outputs: receivedEmail,
      template: splitOnValue,
      legacy: { method: "get", path: "/v3/Mail/OnNewEmail" },
      keywords: ["mail", "inbox", "receive"],
    },
    {
      operationId: "OnFlaggedEmailV3",
      kind: "trigger",
      wdlType: "OpenApiConnectionNotification",
      flowKind: "automated",
      displayName: "When an email is flagged (V3)",
      description:
        "Starts for each email that gets flagged in a folder. A newer version exists in Power Automate.",
      deprecated: true,
      inputs: [folder, importance("importance", true, "Any"), onlyWithAttachments, includeAttachments],
      outputs: receivedEmail,
      template: splitOnValue,
      legacy: { method: "get", path: "/v3/Mail/OnFlaggedEmail" },
      keywords: ["mail", "flag", "follow up"],
    },
    {
      operationId: "DeleteEmail_V2",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Delete email (V2)",
      description: "Deletes an email by its id.",
      inputs: [
        input("messageId", "Message id", "string", "The id of the email to delete.", { required: true }),
        sharedMailbox("A shared mailbox the email is in."),
      ],
      legacy: { method: "delete", path: "/codeless/v1.0/me/messages/{messageId}" },
      keywords: ["mail", "remove"],
    },
    {
      operationId: "GetEmailsV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Get emails (V3)",
      description: "Gets the emails of a folder that match the filters, newest first.",
      inputs: [
        folder,
        input("fetchOnlyUnread", "Only unread", "boolean", "Get only emails that have not been read.", {
          default: true,
        }),
        input("top", "Top", "integer", "How many emails at most (1 to 1,000).", {
          default: 10,
          minimum: 1,
          maximum: 1000,
        }),
        ...emailFilters,
        input(
          "searchQuery",
          "Search query",
          "string",
          "Only emails whose subject, body or sender contain this text.",
          {
            advanced: true,
          },
        ),
        sharedMailbox("A shared mailbox to read instead of yours."),
      ],
      outputs: foundEmail,
      legacy: { method: "get", path: "/v3/Mail" },
      keywords: ["mail", "inbox", "read", "list", "unread"],
    },
    {
      operationId: "MarkAsRead_V3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Mark as read or unread (V3)",
      description: "Marks an email in your mailbox as read, or as unread again.",
      inputs: [
        input("messageId", "Message id", "string", "The id of the email to mark.", { required: true }),
        input("body/isRead", "Mark as", "boolean", "Whether the email becomes read or unread.", {
          default: true,
          enum: [
            { value: true, title: "Read" },
            { value: false, title: "Unread" },
          ],
        }),
        sharedMailbox("A shared mailbox the email is in."),
      ],
      legacy: { method: "patch", path: "/codeless/v3/v1.0/me/messages/{messageId}/markAsRead" },
      keywords: ["mail", "read", "unread", "seen"],
    },
    {
      operationId: "ReplyToV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Reply to email (V3)",
      description: "Replies to an email in your mailbox, to its sender (or everyone on it), quoting it.",
      inputs: [
        input("messageId", "Message id", "string", "The id of the email to reply to.", { required: true }),
        input(
          "replyParameters/Body",
          "Body",
          "html",
          "What you answer; the original email is quoted below.",
          {
            required: true,
          },
        ),
        input(
          "replyParameters/ReplyAll",
          "Reply all",
          "boolean",
          "Also answer everyone the email was sent or copied to.",
          {
            advanced: true,
            default: false,
          },
        ),
        input(
          "replyParameters/To",
          "To",
          "email",
          "Instead of the sender: these addresses, separated by semicolons.",
          {
            advanced: true,
          },
        ),
        ...copies("replyParameters"),
        input("replyParameters/Subject", "Subject", "string", "Instead of “RE: ” and the email's subject.", {
          advanced: true,
        }),
        attachments("replyParameters/Attachments"),
        importance("replyParameters/Importance", false, "Normal"),
        sharedMailbox("A shared mailbox the email is in."),
      ],
      legacy: { method: "post", path: "/v3/Mail/ReplyTo/{messageId}" },
      keywords: ["mail", "answer", "respond"],
    },
  ],
});
