// Which sandbox events start a flow, and what its trigger then outputs. Shared by test runs ("perform
// the trigger action") and by published automated flows.
import {
  bcTable,
  isSandboxMailTrigger,
  type OperationDeclaration,
  operationOfAction,
  performableInSandbox,
  sandboxMailEvent,
} from "../../../shared/connectors";
import type { WdlTrigger } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { DOCUMENT_TYPE_FIELD, DOCUMENT_TYPES } from "../../../shared/templates";
import type { SandboxEvent } from "../sandbox/events";
import { mailMatcher, mailTriggerParameters, type TriggerContext } from "./mail-trigger";

export type { TriggerContext } from "./mail-trigger";

export const RECORD_TRIGGERS: Readonly<Record<string, readonly SandboxEvent["type"][]>> = {
  CreateOnNewItemsSubscriptionV3: ["record.created"],
  CreateOnUpdatedItemsSubscriptionV3: ["record.modified"],
  CreateOnDeletedItemsSubscriptionV3: ["record.deleted"],
  CreateOnChangedItemsSubscriptionV3: ["record.created", "record.modified", "record.deleted"],
};

const ORDINALS = ["First", "Second", "Third", "Fourth"] as const;

export function triggerOperation(trigger: WdlTrigger): OperationDeclaration | undefined {
  return operationOfAction(trigger as unknown as JsonValue);
}

export function parameters(trigger: WdlTrigger): JsonObject {
  const inputs = (trigger as { inputs?: JsonValue }).inputs;
  const params = isJsonObject(inputs) ? inputs.parameters : undefined;
  return isJsonObject(params) ? params : {};
}

const text = (value: JsonValue | undefined): string =>
  value === undefined || value === null ? "" : String(value);

/**
 * The outputs the trigger produces for this event (before its splitOn), or undefined when the
 * event does not start it.
 */
export function matchTrigger(
  trigger: WdlTrigger,
  event: SandboxEvent,
  context: TriggerContext,
): JsonObject | undefined {
  return triggerMatcher(trigger)?.(event, context);
}

/** What a record trigger reports for a record event: the record, or only its keys once deleted. */
export function recordTriggerOutputs(
  type: "record.created" | "record.modified" | "record.deleted",
  record: JsonObject,
  number: string,
): JsonObject {
  const body: JsonObject = type === "record.deleted" ? { id: String(record.id), number } : { ...record };
  return { headers: { "x-ms-event": type }, body };
}

/** The Business Central approval trigger's outputs for a request (its id is the Workflow Step Id). */
export function approvalTriggerOutputs(body: Readonly<Record<string, string>>): JsonObject {
  return { headers: { "x-ms-event": "approval.requested" }, body: { ...body } };
}

export type TriggerMatcher = (event: SandboxEvent, context: TriggerContext) => JsonObject | undefined;

/**
 * matchTrigger with the trigger read once: the operation and parameters are looked up here, not on
 * every event (the publish registry matches thousands of events against the same triggers).
 * Undefined when no sandbox event can start the trigger.
 */
export function triggerMatcher(trigger: WdlTrigger): TriggerMatcher | undefined {
  const operation = triggerOperation(trigger);
  if (operation && isSandboxMailTrigger(operation))
    return mailMatcher(operation.operationId, mailTriggerParameters(trigger as unknown as JsonObject));
  if (operation?.connectorId !== "shared_dynamicssmbsaas") return undefined;
  const params = parameters(trigger);

  const recordEvents = RECORD_TRIGGERS[operation.operationId];
  if (recordEvents) {
    const table = text(params.table).toLowerCase();
    return (event) => {
      if (!recordEvents.includes(event.type)) return undefined;
      if (
        event.type !== "record.created" &&
        event.type !== "record.modified" &&
        event.type !== "record.deleted"
      )
        return undefined;
      // A flow's own changes never start flows: that is how loops are avoided.
      if (event.payload.origin.kind === "flow") return undefined;
      if (!table || table !== event.payload.table.toLowerCase()) return undefined;
      return recordTriggerOutputs(event.type, event.payload.record, event.payload.number);
    };
  }

  if (!operation.approvalTables) return undefined;
  const operationId = operation.operationId;
  return (event) => {
    if (event.type !== "approval.requested" || event.payload.triggerOperationId !== operationId)
      return undefined;
    if (event.payload.origin.kind === "flow" || event.payload.answeredByWorkflowId) return undefined;
    const approval = event.payload;
    const record = approval.record;
    const headerOk = ORDINALS.every(
      (n) =>
        conditionHolds(params, `subscription/Header${n}ConditionField`, approval.table, [record]) &&
        conditionHolds(params, `subscription/${n}ConditionField`, approval.table, [record]),
    );
    const linesOk = ORDINALS.every((n) =>
      conditionHolds(
        params,
        `subscription/Line${n}ConditionField`,
        approval.table,
        approval.lines.length > 0 ? approval.lines : [{}],
      ),
    );
    if (!headerOk || !linesOk) return undefined;
    return approvalTriggerOutputs(approval.body);
  };
}

/**
 * The keys of the events that can start this trigger ("record.modified|items",
 * "approval.requested|CreatePurchaseDocumentApprovalWebHookV3"); see eventKeyOf. Empty when none can.
 */
export function triggerEventKeys(trigger: WdlTrigger): string[] {
  const operation = triggerOperation(trigger);
  if (operation && isSandboxMailTrigger(operation)) {
    const type = sandboxMailEvent(operation.operationId);
    return type ? [type] : [];
  }
  if (operation?.connectorId !== "shared_dynamicssmbsaas") return [];
  const recordEvents = RECORD_TRIGGERS[operation.operationId];
  if (recordEvents) {
    const table = text(parameters(trigger).table).toLowerCase();
    return table ? recordEvents.map((type) => `${type}|${table}`) : [];
  }
  return operation.approvalTables ? [`approval.requested|${operation.operationId}`] : [];
}

/** The key under which triggers that may match this event are indexed; undefined for other events. */
export function eventKeyOf(event: SandboxEvent): string | undefined {
  switch (event.type) {
    case "record.created":
    case "record.modified":
    case "record.deleted":
      return `${event.type}|${event.payload.table.toLowerCase()}`;
    case "approval.requested":
      return `approval.requested|${event.payload.triggerOperationId}`;
    case "mail.delivered":
    case "mail.flagged":
      return event.type;
    default:
      return undefined;
  }
}

/** The approval condition keys of the trigger's parameters, header, plain and line, in order. */
export const APPROVAL_CONDITION_KEYS: readonly string[] = ORDINALS.flatMap((n) => [
  `subscription/Header${n}ConditionField`,
  `subscription/${n}ConditionField`,
  `subscription/Line${n}ConditionField`,
]);

/** One "<field> is <value>" condition of an approval trigger: empty means no condition. */
function conditionHolds(
  params: JsonObject,
  key: string,
  table: string,
  records: readonly JsonObject[],
): boolean {
  const field = text(params[key]).trim();
  if (!field) return true;
  const wanted = text(params[`${key}Value`]).trim().toLowerCase();
  if (field.toLowerCase() === DOCUMENT_TYPE_FIELD.toLowerCase()) {
    return (DOCUMENT_TYPES[table] ?? "").toLowerCase() === wanted;
  }
  const declared = bcTable(table)?.fields.find(
    (f) => f.name.toLowerCase() === field.toLowerCase() || f.title.toLowerCase() === field.toLowerCase(),
  );
  const name = declared?.name ?? field;
  return records.some((r) => text(r[name]).toLowerCase() === wanted);
}

/** What to do in the sandbox so that the trigger fires: the hint shown while a test waits for it. */
export function triggerHint(trigger: WdlTrigger, context: TriggerContext): string {
  const operation = triggerOperation(trigger);
  if (!operation) return "This trigger cannot be started from the sandbox; enter trigger data instead.";
  if (isSandboxMailTrigger(operation)) {
    return sandboxMailEvent(operation.operationId) === "mail.flagged"
      ? `In Sandbox → Outlook, open the mailbox of ${context.connectionUser()} (the flows' connection) and flag an email that passes the trigger's filters.`
      : `In Sandbox → Outlook, act as anyone and send an email to ${context.connectionUser()} (the mailbox of the flows' connection) that passes the trigger's filters.`;
  }
  const table = text(parameters(trigger).table);
  const tableTitle = bcTable(table)?.title ?? table;
  switch (operation.operationId) {
    case "CreateOnNewItemsSubscriptionV3":
      return `In Sandbox → Business Central, create a record in ${tableTitle || "the table the trigger watches"}.`;
    case "CreateOnUpdatedItemsSubscriptionV3":
      return `In Sandbox → Business Central, change a record in ${tableTitle || "the table the trigger watches"}.`;
    case "CreateOnDeletedItemsSubscriptionV3":
      return `In Sandbox → Business Central, delete a record in ${tableTitle || "the table the trigger watches"}.`;
    case "CreateOnChangedItemsSubscriptionV3":
      return `In Sandbox → Business Central, create, change or delete a record in ${tableTitle || "the table the trigger watches"}.`;
    default:
      if (operation.approvalTables) {
        const tables = operation.approvalTables.map((t) => bcTable(t)?.title ?? t).join(", ");
        return `In Sandbox → Business Central, open one of these and choose Send approval request: ${tables}.`;
      }
      return "This trigger cannot be started from the sandbox; enter trigger data instead.";
  }
}

/** Whether a sandbox event can start this trigger at all. */
export function startsFromSandbox(trigger: WdlTrigger): boolean {
  return performableInSandbox(triggerOperation(trigger));
}
