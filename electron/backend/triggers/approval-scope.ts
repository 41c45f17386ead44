// Which approval requests a workflow answers: the approval event kind its trigger reports and the
// tables it covers, narrowed by "Document Type" conditions (the purchase invoice template answers
// purchase invoices only, not orders). Two enabled workflows may not answer the same request.
import type { WdlTrigger } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { DOCUMENT_TYPE_FIELD, DOCUMENT_TYPES } from "../../../shared/templates";
import { APPROVAL_TRIGGERS } from "../sandbox/tables";
import type { ApprovalEventKind } from "../sandbox/types";
import { APPROVAL_CONDITION_KEYS, parameters, triggerOperation } from "./sandbox-events";

export interface ApprovalScope {
  eventKind: ApprovalEventKind;
  triggerOperationId: string;
  /** Sandbox tables whose approval requests it answers; empty when its conditions exclude them all. */
  tables: string[];
}

const KIND_BY_TRIGGER = new Map<string, ApprovalEventKind>(
  Object.entries(APPROVAL_TRIGGERS).map(([kind, operationId]) => [operationId, kind as ApprovalEventKind]),
);

const text = (value: JsonValue | undefined): string =>
  value === undefined || value === null ? "" : String(value).trim();

/** The approval requests this trigger answers, or undefined when it is not an approval trigger. */
export function approvalScopeOf(trigger: WdlTrigger): ApprovalScope | undefined {
  const operation = triggerOperation(trigger);
  if (operation?.connectorId !== "shared_dynamicssmbsaas" || !operation.approvalTables) return undefined;
  const eventKind = KIND_BY_TRIGGER.get(operation.operationId);
  if (!eventKind) return undefined;
  const params = parameters(trigger);
  let tables = [...operation.approvalTables];
  // Every "Document Type is X" condition must hold (as matchTrigger applies them): keep the tables of type X.
  for (const key of APPROVAL_CONDITION_KEYS) {
    if (text(params[key]).toLowerCase() !== DOCUMENT_TYPE_FIELD.toLowerCase()) continue;
    const wanted = text(params[`${key}Value`]).toLowerCase();
    tables = tables.filter((table) => (DOCUMENT_TYPES[table] ?? "").toLowerCase() === wanted);
  }
  return { eventKind, triggerOperationId: operation.operationId, tables };
}

/** The tables two scopes share: non-empty means they would answer the same approval requests. */
export function overlap(a: ApprovalScope, b: Pick<ApprovalScope, "eventKind" | "tables">): string[] {
  if (a.eventKind !== b.eventKind) return [];
  const other = new Set(b.tables);
  return a.tables.filter((table) => other.has(table));
}
