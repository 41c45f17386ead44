// The connector sandbox as the contract carries it: the demo company's records, the people, their
// approvals inboxes, mailboxes, Teams, Excel and notifications, and the controls of the simulation
// (reset, snapshots, faults, clock). Record shapes vary by table, so records are JSON objects.
import { z } from "zod";
import { isoDateSchema } from "./flows";

const json = z.json();
const record = z.record(z.string(), json);
const email = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, "an email address is expected");
const id = z.string().min(1).max(200);
const paging = { top: z.number().int().min(1).max(500).optional(), skip: z.number().int().min(0).optional() };
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), items: z.array(item) });

export const tableNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "a table name such as purchaseInvoices");

/** What a person can do to a document or record from its page (Release, Post, Send approval request…). */
export const RECORD_ACTIONS = [
  "release",
  "reopen",
  "post",
  "makeOrder",
  "makeInvoice",
  "sendForApproval",
  "cancelApprovalRequest",
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const tableSummarySchema = z.looseObject({
  name: z.string(),
  title: z.string(),
  count: z.number().int(),
});

export const personSchema = z.looseObject({
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.string(),
  department: z.string(),
  managerEmail: z.string().nullable(),
});
export type SandboxPerson = z.infer<typeof personSchema>;

export const approvalSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  details: z.string(),
  requestor: z.string(),
  assignedTo: z.array(z.string()),
  responseOptions: z.array(z.string()),
  status: z.enum(["Pending", "Completed", "Canceled"]),
  outcome: z.string().nullable(),
  createdAt: isoDateSchema,
  completedAt: isoDateSchema.nullable(),
  responses: z.array(
    z.looseObject({
      approverEmail: z.string(),
      approverName: z.string(),
      response: z.string(),
      comments: z.string(),
      respondedAt: isoDateSchema,
    }),
  ),
});
export type SandboxApproval = z.infer<typeof approvalSchema>;

/** Who answers a Business Central approval request ("Send approval request" on a record). */
export const requestAnswerSchema = z.discriminatedUnion("kind", [
  /** The enabled built-in approval workflow it went to. */
  z.object({ kind: z.literal("workflow"), workflowId: z.string(), name: z.string() }),
  /** The flows (published, or a designer test waiting for it) that started on it. */
  z.object({ kind: z.literal("flows"), count: z.number().int().min(1) }),
  /** Nothing: it waits for a workflow or flow that will not come. */
  z.object({ kind: z.literal("nobody") }),
]);
export type RequestAnswer = z.infer<typeof requestAnswerSchema>;

/** Who decided a request: a person (the approver who answered), or the flow that approved it. */
export const requestDeciderSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("person"), email: z.string(), name: z.string() }),
  z.object({ kind: z.literal("flow"), name: z.string() }),
]);
export type RequestDecider = z.infer<typeof requestDeciderSchema>;

/** A record's approval request as its card shows it. */
export const approvalRequestSchema = z.object({
  id: z.string(),
  status: z.enum(["Open", "Approved", "Rejected", "Canceled"]),
  requestedBy: z.string(),
  requestedByName: z.string(),
  createdAt: isoDateSchema,
  answeredBy: requestAnswerSchema,
  /** Whom it waits for (the built-in workflow's approvers); empty when flows answer it. */
  approvers: z.array(z.object({ email: z.string(), name: z.string() })),
  completedAt: isoDateSchema.nullable(),
  decidedBy: requestDeciderSchema.nullable(),
});
export type ApprovalRequestInfo = z.infer<typeof approvalRequestSchema>;

/**
 * What "Send approval request" answers: the request Business Central keeps (its fields as before),
 * with who answers it, so that the person learns at once when nothing does.
 */
export const sentForApprovalSchema = z.looseObject(approvalRequestSchema.shape);

export const mailboxSchema = z.looseObject({
  address: z.string(),
  displayName: z.string(),
  kind: z.enum(["person", "external"]),
  messages: z.number().int(),
  unread: z.number().int(),
});
export const mailMessageSchema = z.looseObject({
  id: z.string(),
  mailbox: z.string(),
  folder: z.string(),
  from: z.string(),
  toRecipients: z.string(),
  ccRecipients: z.string(),
  subject: z.string(),
  body: z.string(),
  bodyPreview: z.string(),
  importance: z.string(),
  receivedDateTime: isoDateSchema,
  isRead: z.boolean(),
  isFlagged: z.boolean(),
});
export type SandboxMail = z.infer<typeof mailMessageSchema>;

/** Cards in a channel or chat that a run waits on: someone has to answer them. */
const waitingCards = z.number().int().min(0);
export const teamsSchema = z.object({
  teams: z.array(
    z.looseObject({
      id: z.string(),
      displayName: z.string(),
      channels: z.array(z.looseObject({ id: z.string(), displayName: z.string(), waitingCards })),
    }),
  ),
  chats: z.array(z.looseObject({ id: z.string(), topic: z.string(), kind: z.string(), waitingCards })),
});
export const teamsMessageSchema = z.looseObject({
  id: z.string(),
  /** Where it was posted: a channel, or a chat. */
  channelId: z.string().nullable(),
  chatId: z.string().nullable(),
  sender: z.string(),
  body: z.string(),
  card: json.nullable(),
  cardState: z.enum(["none", "posted", "waiting", "answered"]),
  createdAt: isoDateSchema,
});
export type SandboxTeamsMessage = z.infer<typeof teamsMessageSchema>;
/** One message, for a link to it: with how many messages of its place are newer. */
export const linkedTeamsMessageSchema = teamsMessageSchema.extend({ newer: z.number().int().nonnegative() });

export const workbookSchema = z.looseObject({
  id: z.string(),
  /** "Approvals log.xlsx", and where it lives ("/Approvals log.xlsx" in the "Documents" drive). */
  name: z.string(),
  path: z.string(),
  drive: z.string(),
  tables: z.array(z.looseObject({ id: z.string(), name: z.string(), columns: z.array(z.string()) })),
});
export const excelRowSchema = z.looseObject({ id: z.string(), values: record });
export const notificationSchema = z.looseObject({
  id: z.string(),
  recipient: z.string(),
  text: z.string(),
  createdAt: isoDateSchema,
  isRead: z.boolean(),
});
export const snapshotSchema = z.looseObject({ name: z.string(), createdAt: isoDateSchema });
/** A run waiting on a request in the sandbox (an approval, a Teams card) that a reset or a restore removes. */
export const lostWaitRunSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  waitsOn: z.enum(["approval", "card"]),
});
export type LostWaitRun = z.infer<typeof lostWaitRunSchema>;
/** The runs a reset or a restore would cancel, before it is done. */
export const resetPreviewSchema = z.object({ runs: z.array(lostWaitRunSchema) });
/** A reset or a restore done: how many waiting runs it cancelled. */
export const resetResultSchema = z.object({ cancelled: z.number().int().min(0) });
export const faultSchema = z.looseObject({
  id: z.string(),
  connectorId: z.string(),
  operationId: z.string().nullable(),
  mode: z.enum(["fail", "slow"]),
});
export const faultInputSchema = z.discriminatedUnion("mode", [
  z
    .object({
      mode: z.literal("fail"),
      connectorId: z.string().min(1),
      operationId: z.string().min(1).optional(),
      statusCode: z.union([z.literal(429), z.literal(500)]),
      count: z.number().int().min(1).max(1000),
      retryAfterMs: z.number().int().min(0).max(3_600_000).optional(),
    })
    .strict(),
  z
    .object({
      mode: z.literal("slow"),
      connectorId: z.string().min(1),
      operationId: z.string().min(1).optional(),
      delayMs: z.number().int().min(1).max(86_400_000),
      count: z.number().int().min(1).max(1000).optional(),
    })
    .strict(),
]);

export const clockSchema = z.object({
  now: isoDateSchema,
  /** How far the simulated clock runs ahead of real time, in milliseconds. */
  offsetMs: z.number(),
  /** When the next timed wait (a delay, a retry, a timeout, a schedule) is due. */
  nextWaitAt: isoDateSchema.nullable(),
});

export const builtInWorkflowSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  eventKind: z.string(),
  triggerOperationId: z.string(),
  tables: z.array(z.string()),
  enabled: z.boolean(),
});

/** 5 MB of file, base64-encoded. */
const MAX_ATTACHMENT_BASE64 = Math.ceil((5 * 1024 * 1024) / 3) * 4;

export const sandboxInputs = {
  recordsList: z
    .object({
      table: tableNameSchema,
      filter: z.string().max(2000).optional(),
      orderBy: z.string().max(200).optional(),
      /** A line list sorted by its lines' document numbers (lines only; replaces orderBy). */
      byDocument: z.enum(["asc", "desc"]).optional(),
      search: z.string().max(200).optional(),
      ...paging,
    })
    .strict(),
  recordRef: z.object({ table: tableNameSchema, id }).strict(),
  recordCreate: z.object({ table: tableNameSchema, fields: record, actingAs: email }).strict(),
  recordUpdate: z.object({ table: tableNameSchema, id, patch: record, actingAs: email }).strict(),
  recordDelete: z.object({ table: tableNameSchema, id, actingAs: email }).strict(),
  recordAction: z
    .object({
      table: tableNameSchema,
      id,
      action: z.enum(RECORD_ACTIONS),
      actingAs: email,
    })
    .strict(),
  approvalsList: z
    .object({
      assignedTo: email.optional(),
      requestor: email.optional(),
      status: z.enum(["Pending", "Completed", "Canceled"]).optional(),
      /**
       * With assignedTo: only what that person has answered (true: their history, even while others
       * still have to answer) or not answered yet (false: their inbox).
       */
      answered: z.boolean().optional(),
      /** Pending requests still waiting on an address that is not a person of the company. */
      outsideCompany: z.boolean().optional(),
      ...paging,
    })
    .strict()
    .refine((input) => input.answered === undefined || input.assignedTo !== undefined, {
      path: ["answered"],
      message: "says whether the person in assignedTo answered: give assignedTo too",
    }),
  approvalRespond: z
    .object({
      id,
      responder: email,
      response: z.string().min(1).max(200),
      comments: z.string().max(4000).optional(),
    })
    .strict(),
  mailList: z
    .object({
      mailbox: z.string().min(1).max(320),
      folder: z.enum(["Inbox", "Sent Items"]).optional(),
      search: z.string().max(200).optional(),
      ...paging,
    })
    .strict(),
  mailFlag: z.object({ id, flagged: z.boolean(), actingAs: email }).strict(),
  /** Outlook's "Mark as read" / "Mark as unread", by the person acted as. */
  mailMarkRead: z.object({ id, read: z.boolean(), actingAs: email }).strict(),
  /** Deletes one copy of an email (the sandbox's mailboxes keep no Deleted Items). */
  mailDelete: z.object({ id, actingAs: email }).strict(),
  /** An email a person of the company writes in the sandbox's Outlook (plain text; attachments base64). */
  mailSend: z
    .object({
      from: email,
      to: z.string().trim().min(1, "at least one recipient is required").max(4000),
      cc: z.string().max(4000).optional(),
      subject: z.string().max(400),
      body: z.string().max(100_000),
      importance: z.enum(["Low", "Normal", "High"]).optional(),
      attachments: z
        .array(
          z
            .object({
              name: z.string().trim().min(1).max(255),
              contentBytes: z
                .string()
                .max(MAX_ATTACHMENT_BASE64, "an attachment may be at most 5 MB")
                .regex(/^[A-Za-z0-9+/]*={0,2}$/, "base64 is expected"),
            })
            .strict(),
        )
        .max(10)
        .optional(),
    })
    .strict(),
  teamsMessages: z.object({ channelId: id.optional(), chatId: id.optional(), ...paging }).strict(),
  teamsMessage: z.object({ id }).strict(),
  cardRespond: z
    .object({
      messageId: id,
      responder: email,
      actionId: z.string().max(200).optional(),
      data: record.optional(),
    })
    .strict(),
  excelRows: z.object({ tableId: id, ...paging }).strict(),
  notificationsList: z
    .object({
      recipient: email.optional(),
      /** Only those not read yet. */
      unread: z.boolean().optional(),
      ...paging,
    })
    .strict(),
  /** The person reads their notifications: those of ids, or all of them. */
  notificationsMarkRead: z.object({ recipient: email, ids: z.array(id).min(1).max(500).optional() }).strict(),
  notificationsClear: z.object({ recipient: email }).strict(),
  snapshotName: z.object({ name: z.string().trim().min(1).max(80) }).strict(),
  /** What a reset (no snapshot) or the restore of a snapshot would do to the runs waiting in the sandbox. */
  resetPreview: z.object({ snapshot: z.string().trim().min(1).max(80).optional() }).strict(),
  clockAdvance: z.union([
    z
      .object({
        byMs: z
          .number()
          .int()
          .min(1)
          .max(5 * 366 * 86_400_000),
      })
      .strict(),
    z.object({ toNextWait: z.literal(true) }).strict(),
  ]),
  connectionUser: z.object({ email }).strict(),
  workflowEnable: z.object({ id, enabled: z.boolean() }).strict(),
} as const;

export const sandboxChangedEventSchema = z.object({
  /** The sandbox event's type ("record.modified", "mail.delivered"…): the UI refreshes what it shows. */
  type: z.string(),
  table: z.string().optional(),
  id: z.string().optional(),
});
