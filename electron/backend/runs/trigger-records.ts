// "Use a record from the sandbox" in the designer's Test: the records (or emails) a flow's trigger
// reports on, to pick one from, and the trigger outputs the real trigger would give for it. The
// outputs come from the same functions the event matching uses, so a test on a picked record sees
// exactly what a run started by the event would see.
import { ApiError, type RunSource } from "../../../shared/api";
import { bcTable, isSandboxMailTrigger, sandboxMailEvent } from "../../../shared/connectors";
import type { WdlDefinition, WdlTrigger } from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import { splitTriggerOutputs } from "../engine";
import type { Sandbox } from "../sandbox";
import { title } from "../sandbox/business-central";
import { emailOutput } from "../sandbox/mail-filters";
import { SANDBOX_TABLES } from "../sandbox/tables";
import type { SandboxRecord } from "../sandbox/types";
import { approvalScopeOf } from "../triggers/approval-scope";
import { instantOutputs, readInstantTrigger } from "../triggers/instant";
import { mailTriggerParameters } from "../triggers/mail-trigger";
import {
  approvalTriggerOutputs,
  parameters,
  RECORD_TRIGGERS,
  recordTriggerOutputs,
  triggerOperation,
} from "../triggers/sandbox-events";
import type { TestedFlow } from "./test-runs";

/** Where the trigger's records come from. */
type Source =
  | { kind: "record"; tables: string[]; event: "record.created" | "record.modified" | "record.deleted" }
  | { kind: "approval"; tables: string[] }
  | { kind: "selected-record"; tables: string[] }
  | { kind: "mail"; event: "mail.delivered" | "mail.flagged" };

export interface TriggerRecordChoice {
  /** The table, or "mail" for an email. */
  table: string;
  id: string;
  title: string;
  detail: string;
}

export interface TriggerRecordList {
  kind: Source["kind"];
  /** The tables the choices come from, with their titles ("Inbox" for mail). */
  tables: { name: string; title: string }[];
  items: TriggerRecordChoice[];
  /** How many match in all (the list shows the first ones). */
  total: number;
}

const LIST_SIZE = 25;

export class TriggerRecords {
  constructor(
    private readonly deps: {
      /** The draft or version a test runs (TestRuns.tested). */
      tested: (flowId: string, source?: RunSource) => TestedFlow;
      sandbox: Sandbox;
      clock: Clock;
    },
  ) {}

  /** The records the person can pick from, newest first, narrowed by a search and a table. */
  list(
    flowId: string,
    options: { search?: string; table?: string; source?: RunSource } = {},
  ): TriggerRecordList {
    const { source } = this.read(flowId, options.source);
    const search = options.search?.trim() || undefined;
    if (source.kind === "mail") {
      const page = this.deps.sandbox.listMessages(this.deps.sandbox.connectionUser(), {
        folder: "Inbox",
        top: LIST_SIZE,
        ...(search ? { search } : {}),
      });
      return {
        kind: "mail",
        tables: [{ name: "mail", title: "Inbox" }],
        total: page.total,
        items: page.items.map((m) => ({
          table: "mail",
          id: m.id,
          title: m.subject || "(no subject)",
          detail: `${m.from} · ${m.receivedDateTime}`,
        })),
      };
    }
    const tables = options.table ? source.tables.filter((t) => t === options.table) : source.tables;
    if (options.table && tables.length === 0)
      throw new ApiError({
        code: "invalid_input",
        message: `This trigger does not report records of '${options.table}'.`,
        issues: [{ path: "table", message: "not a table of this trigger" }],
      });
    const items: TriggerRecordChoice[] = [];
    let total = 0;
    for (const table of tables) {
      const page = this.deps.sandbox.listRecords(table, { top: LIST_SIZE, ...(search ? { search } : {}) });
      total += page.total;
      for (const record of page.items) items.push(choiceOf(table, record));
    }
    return {
      kind: source.kind,
      tables: source.tables.map((name) => ({ name, title: bcTable(name)?.title ?? name })),
      items: items.slice(0, LIST_SIZE * 2),
      total,
    };
  }

  /** The trigger's outputs for the picked record, as the run will get them. */
  outputs(
    flowId: string,
    pick: { table: string; id: string },
    user: { name: string; email: string },
    tested?: RunSource,
  ): { outputs: JsonValue; description: string } {
    const { source, definition, triggerName, trigger } = this.read(flowId, tested);
    const now = this.deps.clock.now();
    if (source.kind === "mail") {
      const message = this.deps.sandbox.getMessage(pick.id);
      const params = mailTriggerParameters(trigger as unknown as JsonObject);
      const batch: JsonObject = {
        headers: { "x-ms-event": source.event },
        body: { value: [emailOutput(message, params.includeAttachments === true)] },
      };
      const split = splitTriggerOutputs(definition, batch, triggerName, () => now);
      if (!split.ok) throw new ApiError({ code: "invalid_input", message: split.message });
      return {
        outputs: split.outputs[0] ?? batch,
        description: `What the trigger reports for the email “${message.subject || "(no subject)"}”.`,
      };
    }
    if (!source.tables.includes(pick.table))
      throw new ApiError({
        code: "invalid_input",
        message: `This trigger does not report records of '${pick.table}'.`,
        issues: [{ path: "table", message: "not a table of this trigger" }],
      });
    const record = this.deps.sandbox.findRecord(pick.table, pick.id);
    const table = SANDBOX_TABLES.find((t) => t.name === pick.table);
    if (!record || !table)
      throw new ApiError({ code: "not_found", message: `There is no record '${pick.id}' in ${pick.table}.` });
    const named = title(table, record);
    const number = String(record[table.numberField] ?? "");
    switch (source.kind) {
      case "record":
        return {
          outputs: recordTriggerOutputs(source.event, record, number),
          description: `What the trigger reports when ${named} is ${source.event.slice("record.".length)}.`,
        };
      case "approval": {
        const open = this.deps.sandbox
          .listApprovalRequests({ table: pick.table, recordId: String(record.id), status: "Open" })
          .at(0);
        return {
          outputs: approvalTriggerOutputs({
            "Row Id": String(record.id),
            "Workflow Step Id": open?.id ?? "",
            "Requested By User Email": open?.requestedBy ?? user.email,
          }),
          description: open
            ? `What the trigger reports for the open approval request of ${named}.`
            : `${named} has no open approval request: steps that act on the request will not find one. Perform the trigger action to send it for approval instead.`,
        };
      }
      case "selected-record": {
        const instant = readInstantTrigger(trigger);
        if (!instant)
          throw new ApiError({ code: "invalid_input", message: "This trigger is not run on a record." });
        return {
          outputs: instantOutputs(instant, {
            user,
            values: {},
            now,
            record: { table: pick.table, id: String(record.id) },
          }),
          description: `What the trigger reports when ${user.name} runs the flow on ${named}.`,
        };
      }
    }
  }

  private read(
    flowId: string,
    tested?: RunSource,
  ): {
    source: Source;
    definition: WdlDefinition;
    triggerName: string;
    trigger: WdlTrigger;
  } {
    const { definition } = this.deps.tested(flowId, tested);
    const [triggerName, trigger] = Object.entries(definition.triggers ?? {})[0] ?? [];
    const source = trigger ? sourceOf(trigger) : undefined;
    if (!trigger || !triggerName || !source)
      throw new ApiError({
        code: "invalid_input",
        message: "This flow's trigger does not report on a sandbox record: enter the trigger data instead.",
      });
    return { source, definition, triggerName, trigger };
  }
}

function sourceOf(trigger: WdlTrigger): Source | undefined {
  const operation = triggerOperation(trigger);
  if (!operation) return undefined;
  if (isSandboxMailTrigger(operation)) {
    const event = sandboxMailEvent(operation.operationId);
    return event ? { kind: "mail", event } : undefined;
  }
  const recordEvents = RECORD_TRIGGERS[operation.operationId];
  if (recordEvents) {
    const table = String(parameters(trigger).table ?? "");
    const known = bcTable(table)?.name;
    // "Created, modified or deleted" reports its records as modified.
    const only = recordEvents.length === 1 ? recordEvents[0] : undefined;
    const event =
      only === "record.created" || only === "record.deleted" ? only : ("record.modified" as const);
    return known ? { kind: "record", tables: [known], event } : undefined;
  }
  const approval = approvalScopeOf(trigger);
  if (approval)
    return approval.tables.length > 0 ? { kind: "approval", tables: [...approval.tables] } : undefined;
  const instant = readInstantTrigger(trigger);
  if (instant?.kind === "selected-record") {
    const tables = instant.pages.everywhere
      ? SANDBOX_TABLES.filter((t) => !t.documentTable).map((t) => t.name)
      : [...instant.pages.tables];
    return tables.length > 0 ? { kind: "selected-record", tables } : undefined;
  }
  return undefined;
}

function choiceOf(table: string, record: SandboxRecord): TriggerRecordChoice {
  const info = SANDBOX_TABLES.find((t) => t.name === table);
  const name = [record.displayName, record.vendorName, record.customerName, record.description].find(
    (v): v is string => typeof v === "string" && v.trim() !== "",
  );
  const status = typeof record.status === "string" ? record.status : undefined;
  return {
    table,
    id: String(record.id),
    title: info ? title(info, record) : String(record.id),
    detail: [name, status].filter(Boolean).join(" · "),
  };
}
