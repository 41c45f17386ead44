// What the workflow list and the trigger registry need to know about a flow's trigger: its kind,
// a summary in plain words, and per kind the approval scope, the Run flow form and pages, or the
// schedule.
import type { FlowKind } from "../../../shared/api";
import { bcTable, flowKindOf as catalogKind, isSandboxMailTrigger } from "../../../shared/connectors";
import { flowKindOf, type WdlDefinition, type WdlTrigger } from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { type ApprovalScope, approvalScopeOf } from "./approval-scope";
import { type InstantTrigger, instantSummary, readInstantTrigger } from "./instant";
import { describeMailTrigger, mailTriggerParameters } from "./mail-trigger";
import { type RecurrenceRead, readRecurrence } from "./recurrence";
import { describeRecurrence } from "./recurrence-text";
import { parameters, RECORD_TRIGGERS, triggerEventKeys, triggerOperation } from "./sandbox-events";
import { listWords } from "./words";

export interface TriggerFacts {
  kind: FlowKind;
  /** The trigger's name in the definition ("manual", "Recurrence"); "" without a trigger. */
  name: string;
  trigger: WdlTrigger | undefined;
  summary: string;
  /** Keys of the sandbox events that can start it (automated flows). */
  eventKeys: string[];
  approval?: ApprovalScope;
  instant?: InstantTrigger;
  recurrence?: RecurrenceRead;
}

/** The kind a trigger makes: the catalog's answer first, then the shape of the trigger. */
export function kindOfDefinition(definition: WdlDefinition): FlowKind {
  const trigger = Object.values(definition.triggers ?? {})[0];
  const known = trigger ? catalogKind(trigger as unknown as JsonValue) : undefined;
  return known ?? flowKindOf(definition);
}

/** `scheduleBase`: when the schedule counts from if it names no start time (the publish time). */
export function triggerFacts(definition: WdlDefinition, scheduleBase?: number): TriggerFacts {
  const [name, trigger] = Object.entries(definition.triggers ?? {})[0] ?? ["", undefined];
  const kind = kindOfDefinition(definition);
  if (!trigger) return { kind, name, trigger, summary: "No trigger", eventKeys: [] };
  const facts: TriggerFacts = { kind, name, trigger, summary: "", eventKeys: triggerEventKeys(trigger) };

  if (kind === "scheduled") {
    const recurrence = readRecurrence(trigger);
    facts.recurrence = recurrence;
    facts.summary = recurrence.ok
      ? describeRecurrence(recurrence.recurrence, scheduleBase)
      : `Schedule: ${recurrence.message}`;
    return facts;
  }
  const instant = kind === "instant" ? readInstantTrigger(trigger) : undefined;
  if (instant) {
    facts.instant = instant;
    facts.summary = instantSummary(instant);
    return facts;
  }
  const approval = approvalScopeOf(trigger);
  if (approval) facts.approval = approval;
  facts.summary = automatedSummary(trigger, approval);
  return facts;
}

const RECORD_WORDS: Readonly<Record<string, string>> = {
  CreateOnNewItemsSubscriptionV3: "created",
  CreateOnUpdatedItemsSubscriptionV3: "modified",
  CreateOnDeletedItemsSubscriptionV3: "deleted",
  CreateOnChangedItemsSubscriptionV3: "created, modified or deleted",
};

function automatedSummary(trigger: WdlTrigger, approval: ApprovalScope | undefined): string {
  const operation = triggerOperation(trigger);
  if (!operation) return `When the ${String(trigger.type ?? "unknown")} trigger fires`;
  if (RECORD_TRIGGERS[operation.operationId]) {
    const table = String(parameters(trigger).table ?? "");
    const title = bcTable(table)?.title ?? table;
    return `When a record is ${RECORD_WORDS[operation.operationId] ?? "changed"} in ${title || "(no table chosen)"}`;
  }
  if (isSandboxMailTrigger(operation)) {
    const params = mailTriggerParameters(trigger as unknown as JsonObject);
    return describeMailTrigger(operation.operationId, params);
  }
  if (approval) {
    const all = operation.approvalTables ?? [];
    if (approval.tables.length === all.length) return operation.displayName;
    if (approval.tables.length === 0) return `${operation.displayName} (no table matches its conditions)`;
    const titles = approval.tables.map((t) => bcTable(t)?.title ?? t);
    return `${operation.displayName} (${listWords(titles)})`;
  }
  return operation.displayName;
}
