// An enabled workflow as the trigger registry holds it in memory: the published version's
// definition, read once, and what its trigger is.
import type { FlowKind, WorkflowEntry } from "../../../shared/api";
import type { WdlDefinition } from "../../../shared/flow";
import { type TriggerFacts, triggerFacts } from "../triggers/facts";
import { Schedule } from "../triggers/recurrence";

export interface LiveWorkflow {
  flowId: string;
  name: string;
  version: number;
  kind: FlowKind;
  definition: WdlDefinition;
  facts: TriggerFacts;
  /** Scheduled flows with a readable recurrence. */
  schedule?: Schedule;
}

export function liveWorkflow(args: {
  flowId: string;
  name: string;
  version: number;
  definition: WdlDefinition;
  /** When the schedule counts from if it has no start time. */
  scheduleBase: number;
}): LiveWorkflow {
  const facts = triggerFacts(args.definition, args.scheduleBase);
  const live: LiveWorkflow = {
    flowId: args.flowId,
    name: args.name,
    version: args.version,
    kind: facts.kind,
    definition: args.definition,
    facts,
  };
  if (facts.recurrence?.ok) live.schedule = new Schedule(facts.recurrence.recurrence, args.scheduleBase);
  return live;
}

export type StartsBy = NonNullable<WorkflowEntry["startsBy"]>;

/** How the workflow starts: what the list offers for it, and whether Run or its address applies. */
export function startsBy(workflow: LiveWorkflow): StartsBy {
  if (workflow.kind === "scheduled") return "schedule";
  if (workflow.kind === "automated") return "event";
  const instant = workflow.facts.instant?.kind;
  return instant === "selected-record" ? "record" : instant === "http" ? "http" : "button";
}
