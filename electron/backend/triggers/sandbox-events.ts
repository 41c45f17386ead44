// Which sandbox events start a flow, and what its trigger then outputs. Shared by test runs ("perform
// the trigger action") and by published automated flows.
import { bcTable, type OperationDeclaration, operationOfAction } from "../../../shared/connectors";
import type { WdlTrigger } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { DOCUMENT_TYPE_FIELD, DOCUMENT_TYPES } from "../../../shared/templates";
import type { SandboxEvent } from "../sandbox/events";

const RECORD_TRIGGERS: Readonly<Record<string, readonly SandboxEvent["type"][]>> = {
  CreateOnNewItemsSubscriptionV3: ["record.created"],
  CreateOnUpdatedItemsSubscriptionV3: ["record.modified"],
  CreateOnDeletedItemsSubscriptionV3: ["record.deleted"],
  CreateOnChangedItemsSubscriptionV3: ["record.created", "record.modified", "record.deleted"],
};

const ORDINALS = ["First", "Second", "Third", "Fourth"] as const;

export function triggerOperation(trigger: WdlTrigger): OperationDeclaration | undefined {
  return operationOfAction(trigger as unknown as JsonValue);
}

function parameters(trigger: WdlTrigger): JsonObject {
  const inputs = (trigger as { inputs?: JsonValue }).inputs;
  const params = isJsonObject(inputs) ? inputs.parameters : undefined;
  return isJsonObject(params) ? params : {};
}

const text = (value: JsonValue | undefined): string =>
  value === undefined || value === null ? "" : String(value);

/** The outputs the trigger produces for this event, or undefined when the event does not start it. */
export function matchTrigger(trigger: WdlTrigger, event: SandboxEvent): JsonObject | undefined {
  const operation = triggerOperation(trigger);
  if (!operation || operation.connectorId !== "shared_dynamicssmbsaas") return undefined;
  // A flow's own changes never start flows: that is how loops are avoided.
  if ("origin" in event.payload && event.payload.origin.kind === "flow") return undefined;
  const params = parameters(trigger);

  const recordEvents = RECORD_TRIGGERS[operation.operationId];
  if (recordEvents) {
    if (!recordEvents.includes(event.type)) return undefined;
    if (
      event.type !== "record.created" &&
      event.type !== "record.modified" &&
      event.type !== "record.deleted"
    )
      return undefined;
    const table = text(params.table);
    if (!table || table.toLowerCase() !== event.payload.table.toLowerCase()) return undefined;
    const body: JsonObject =
      event.type === "record.deleted"
        ? { id: event.payload.id, number: event.payload.number }
        : { ...event.payload.record };
    return { headers: { "x-ms-event": event.type }, body };
  }

  if (event.type !== "approval.requested" || event.payload.triggerOperationId !== operation.operationId)
    return undefined;
  if (event.payload.answeredByWorkflowId) return undefined;
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
  return { headers: { "x-ms-event": "approval.requested" }, body: { ...approval.body } };
}

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
export function triggerHint(trigger: WdlTrigger): string {
  const operation = triggerOperation(trigger);
  if (!operation) return "This trigger cannot be started from the sandbox; enter trigger data instead.";
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
  const operation = triggerOperation(trigger);
  return (
    !!operation &&
    (RECORD_TRIGGERS[operation.operationId] !== undefined || operation.approvalTables !== undefined)
  );
}
