// The world's events, typed: the UI shows them live and the publish engine fires automated flows
// from the record and approval events.
import type {
  Approval,
  ApprovalEventKind,
  ApprovalResponse,
  BuiltInWorkflow,
  ExcelRow,
  MailMessage,
  Origin,
  SandboxNotification,
  SandboxRecord,
  TeamsMessage,
} from "./types";

/**
 * What an approval trigger's outputs carry, as Business Central's webhook posts it: the keys are
 * the catalog's output paths under "body/" ("body/Row Id"…).
 */
export interface ApprovalTriggerBody {
  "Row Id": string;
  "Workflow Step Id": string;
  "Requested By User Email": string;
  [key: string]: string;
}

export interface SandboxEventMap {
  "record.created": { table: string; id: string; number: string; record: SandboxRecord; origin: Origin };
  "record.modified": {
    table: string;
    id: string;
    number: string;
    record: SandboxRecord;
    previous: SandboxRecord;
    changedFields: string[];
    origin: Origin;
  };
  "record.deleted": { table: string; id: string; number: string; record: SandboxRecord; origin: Origin };
  "approval.requested": {
    kind: ApprovalEventKind;
    /** The catalog trigger that reports this event. */
    triggerOperationId: string;
    table: string;
    id: string;
    number: string;
    requestId: string;
    requestedBy: string;
    /** The trigger's body, ready to become triggerOutputs().body. */
    body: ApprovalTriggerBody;
    record: SandboxRecord;
    /** For documents: their lines, for the trigger's line conditions. */
    lines: SandboxRecord[];
    /** A built-in workflow of the company answered the request; flows should not. */
    answeredByWorkflowId: string | null;
    origin: Origin;
  };
  "approval.canceled": {
    kind: ApprovalEventKind;
    table: string;
    id: string;
    requestId: string;
    origin: Origin;
  };
  /** A Business Central request was approved or rejected: its record's card shows it no more. */
  "approval.decided": {
    kind: ApprovalEventKind;
    table: string;
    id: string;
    requestId: string;
    status: "Approved" | "Rejected";
    origin: Origin;
  };
  "approval.created": { approval: Approval };
  "approval.responded": { approval: Approval; response: ApprovalResponse };
  "approval.completed": { approval: Approval };
  "mail.delivered": { mailbox: string; message: MailMessage };
  /** An email was flagged (by the person in origin). */
  "mail.flagged": { mailbox: string; message: MailMessage; origin: Origin };
  /** One copy of an email was deleted (by a person in Outlook, or by a flow). */
  "mail.deleted": { mailbox: string; id: string };
  "teams.posted": { message: TeamsMessage };
  "teams.cardAnswered": { message: TeamsMessage };
  /** A card stopped waiting unanswered: the run that waited for it ended. */
  "teams.cardWithdrawn": { message: TeamsMessage };
  "excel.rowAdded": { workbookId: string; file: string; table: string; row: ExcelRow; origin: Origin };
  "notification.sent": { notification: SandboxNotification };
  /** A person read some of their notifications (or all of them). */
  "notification.read": { recipient: string; count: number };
  /** A person cleared their notifications. */
  "notification.cleared": { recipient: string; count: number };
  "workflow.changed": { workflow: BuiltInWorkflow };
  "sandbox.reset": { reason: "reset" | "snapshot"; snapshot: string | null };
}

export type SandboxEventType = keyof SandboxEventMap;

export type SandboxEvent = {
  [K in SandboxEventType]: { type: K; payload: SandboxEventMap[K] };
}[SandboxEventType];

export type SandboxEventListener = (event: SandboxEvent) => void;

/** Listeners by event type or for all; one failing listener does not stop the others. */
export class SandboxEmitter {
  private readonly all = new Set<SandboxEventListener>();
  private readonly byType = new Map<SandboxEventType, Set<(payload: never) => void>>();

  onAny(listener: SandboxEventListener): () => void {
    this.all.add(listener);
    return () => this.all.delete(listener);
  }

  on<K extends SandboxEventType>(type: K, listener: (payload: SandboxEventMap[K]) => void): () => void {
    let set = this.byType.get(type);
    if (!set) {
      set = new Set();
      this.byType.set(type, set);
    }
    const stored = listener as (payload: never) => void;
    set.add(stored);
    return () => set.delete(stored);
  }

  emit(event: SandboxEvent): void {
    for (const listener of this.all) guard(() => listener(event), event.type);
    const typed = this.byType.get(event.type);
    if (!typed) return;
    for (const listener of typed)
      guard(() => (listener as (payload: unknown) => void)(event.payload), event.type);
  }
}

function guard(fn: () => void, type: string): void {
  try {
    fn();
  } catch (error) {
    console.error(`[sandbox] a listener of ${type} failed:`, error);
  }
}
