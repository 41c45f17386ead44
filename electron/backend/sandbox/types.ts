// What the sandbox hands out: plain JSON-able views of its world, with times as ISO strings.
import type { JsonObject, JsonValue } from "../../../shared/json";

/** Who changed the world: a person acting in the sandbox UI, a flow's step, or the sandbox itself. */
export type Origin =
  | { kind: "person"; email: string }
  | {
      kind: "flow";
      flowId: string;
      flowName: string;
      mode: "test" | "published";
      runId: string;
      actionName: string;
    }
  | { kind: "system" };

export type SandboxRecord = JsonObject;

export interface Person {
  id: string;
  email: string;
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  managerEmail: string | null;
  /** Largest amounts (LCY) this person may approve; null where they approve none of that kind. */
  approvalLimits: { purchase: number | null; sales: number | null; unlimited: boolean };
  salespersonCode: string;
  purchaserCode: string;
}

export interface Group {
  email: string;
  displayName: string;
  members: string[];
}

/** The kinds of Business Central approval events, one per approval trigger of the catalog. */
export type ApprovalEventKind =
  | "customer"
  | "vendor"
  | "item"
  | "generalJournalBatch"
  | "generalJournalLine"
  | "purchaseDocument"
  | "salesDocument";

export type BcRequestStatus = "Open" | "Approved" | "Rejected" | "Canceled";

/** Business Central's own record of a "Send approval request": its id is the "Workflow Step Id". */
export interface BcApprovalRequest {
  id: string;
  table: string;
  recordId: string;
  recordNumber: string;
  eventKind: ApprovalEventKind;
  requestedBy: string;
  status: BcRequestStatus;
  /** The built-in workflow that answered it, if one was enabled. */
  workflowId: string | null;
  /** The sandbox approval that built-in workflow created. */
  approvalId: string | null;
  createdAt: string;
  completedAt: string | null;
}

/**
 * Who answers a Business Central approval request: the enabled built-in workflow it went to, the
 * flows that started on it, or nobody (it waits for a flow or workflow that will never come).
 */
export type RequestAnswer =
  | { kind: "workflow"; workflowId: string; name: string }
  | { kind: "flows"; count: number }
  | { kind: "nobody" };

/** Who decided (or canceled) a request: a person, or a flow that approved or rejected it. */
export type RequestDecider = { kind: "person"; email: string; name: string } | { kind: "flow"; name: string };

/** A request as a record's card shows it: who sent it, when, who answers it, and who decided it. */
export interface ApprovalRequestView {
  id: string;
  status: BcRequestStatus;
  requestedBy: string;
  requestedByName: string;
  createdAt: string;
  answeredBy: RequestAnswer;
  /**
   * Whom it waits for: the approvers the built-in workflow asked. Empty when flows answer it (a
   * flow asks whom it likes, which the request does not know).
   */
  approvers: { email: string; name: string }[];
  completedAt: string | null;
  decidedBy: RequestDecider | null;
}

export interface BuiltInWorkflow {
  id: string;
  name: string;
  description: string;
  eventKind: ApprovalEventKind;
  /** The trigger of the catalog that reports the same event ("CreatePurchaseDocumentApprovalWebHookV3"). */
  triggerOperationId: string;
  tables: string[];
  enabled: boolean;
  builtIn: true;
}

export type ApprovalType = "Basic" | "BasicAwaitAll" | "CustomResponse" | "CustomResponseAwaitAll";
export type ApprovalStatus = "Pending" | "Completed" | "Canceled";

export interface ApprovalResponse {
  approverEmail: string;
  approverName: string;
  response: string;
  comments: string;
  respondedAt: string;
}

export interface Approval {
  id: string;
  type: ApprovalType;
  title: string;
  details: string;
  itemLink: string;
  itemLinkDescription: string;
  requestor: string;
  assignedTo: string[];
  /** The answers offered: Approve and Reject for the basic types. */
  responseOptions: string[];
  status: ApprovalStatus;
  outcome: string | null;
  createdAt: string;
  completedAt: string | null;
  responses: ApprovalResponse[];
  origin: Origin;
  bcRequestId: string | null;
}

export interface MailAttachment {
  name: string;
  contentBytes: string;
  contentType: string;
}

export interface MailMessage {
  /** This copy's id (one per mailbox). */
  id: string;
  /** Shared by every copy of one sent message. */
  messageId: string;
  mailbox: string;
  folder: "Inbox" | "Sent Items";
  from: string;
  toRecipients: string;
  ccRecipients: string;
  /** Only the sender's copy keeps the Bcc line. */
  bccRecipients: string;
  subject: string;
  body: string;
  bodyPreview: string;
  importance: "Low" | "Normal" | "High";
  hasAttachments: boolean;
  attachments: MailAttachment[];
  receivedDateTime: string;
  isRead: boolean;
  /** Flagged for follow-up. */
  isFlagged: boolean;
  origin: Origin;
}

export interface Mailbox {
  address: string;
  displayName: string;
  /** "person" for each person, "external" for the one mailbox that keeps mail to outside addresses. */
  kind: "person" | "external";
  messages: number;
  unread: number;
}

export interface TeamsChannel {
  id: string;
  teamId: string;
  displayName: string;
  description: string;
}

export interface TeamsTeam {
  id: string;
  displayName: string;
  description: string;
  channels: TeamsChannel[];
}

export interface TeamsChat {
  id: string;
  kind: "group" | "bot";
  topic: string;
  members: string[];
}

export interface CardResponse {
  responder: { displayName: string; email: string };
  responseTime: string;
  submitActionId: string;
  data: JsonObject;
}

export interface TeamsMessage {
  id: string;
  teamId: string | null;
  channelId: string | null;
  chatId: string | null;
  poster: string;
  sender: string;
  /** The message's HTML, or the card's JSON text for a card. */
  body: string;
  card: JsonValue | null;
  cardState: "none" | "posted" | "waiting" | "answered";
  updateMessage: string;
  response: CardResponse | null;
  createdAt: string;
  respondedAt: string | null;
  origin: Origin;
}

export interface ExcelTable {
  id: string;
  workbookId: string;
  name: string;
  columns: string[];
  rowCount: number;
}

export interface Workbook {
  id: string;
  drive: string;
  path: string;
  name: string;
  tables: ExcelTable[];
}

export interface ExcelRow {
  id: string;
  tableId: string;
  values: Record<string, string>;
  createdAt: string;
}

export interface SandboxNotification {
  id: string;
  recipient: string;
  text: string;
  link: { uri: string; label: string } | null;
  createdAt: string;
  isRead: boolean;
  origin: Origin;
}

export type FaultSpec =
  | {
      connectorId: string;
      operationId?: string;
      mode: "fail";
      statusCode: 429 | 500;
      /** How many of the next calls fail. */
      count: number;
      /** For 429: the Retry-After the failure carries. */
      retryAfterMs?: number;
    }
  | {
      connectorId: string;
      operationId?: string;
      mode: "slow";
      delayMs: number;
      /** How many of the next calls are slow; without it, every call until the fault is cleared. */
      count?: number;
    };

export interface Fault {
  id: string;
  connectorId: string;
  operationId: string | null;
  mode: "fail" | "slow";
  statusCode: number | null;
  retryAfterMs: number | null;
  delayMs: number | null;
  /** Calls left; null for a slow fault that lasts until cleared. */
  remaining: number | null;
  createdAt: string;
}

export interface Snapshot {
  name: string;
  createdAt: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface PageOptions {
  top?: number;
  skip?: number;
}
