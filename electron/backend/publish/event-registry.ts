// Enabled automated workflows indexed by the sandbox events that can start them ("record.modified|
// items", "approval.requested|<trigger>"), so that an event is matched against the few workflows
// listening for it, not against every enabled one. Matching gives the runs to start, each on the
// version that was enabled when the event happened; the trigger's splitOn (one run per item) and
// its conditions are evaluated here too, at the event's time, so that matching (this) and running
// (the engine) can be measured apart.
import { firingOutputs, type StartRunArgs } from "../engine";
import type { SandboxEvent } from "../sandbox/events";
import {
  eventKeyOf,
  type TriggerContext,
  type TriggerMatcher,
  triggerMatcher,
} from "../triggers/sandbox-events";
import type { LiveWorkflow } from "./live";

interface Entry {
  workflow: LiveWorkflow;
  match: TriggerMatcher;
  keys: string[];
}

export interface MatchContext extends TriggerContext {
  now: () => number;
  /** A workflow matched but could not start (its splitOn failed): why, in a sentence. */
  problem?: (workflow: LiveWorkflow, reason: string) => void;
}

export class EventRegistry {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly byFlow = new Map<string, Entry>();

  get size(): number {
    return this.byFlow.size;
  }

  /** Adds or replaces a workflow; workflows no sandbox event can start are left out. */
  set(workflow: LiveWorkflow): void {
    this.remove(workflow.flowId);
    const trigger = workflow.facts.trigger;
    const match = trigger ? triggerMatcher(trigger) : undefined;
    const keys = workflow.facts.eventKeys;
    if (!match || keys.length === 0) return;
    const entry: Entry = { workflow, match, keys };
    this.byFlow.set(workflow.flowId, entry);
    for (const key of keys) {
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }

  remove(flowId: string): void {
    const entry = this.byFlow.get(flowId);
    if (!entry) return;
    this.byFlow.delete(flowId);
    for (const key of entry.keys) {
      const list = this.byKey.get(key)?.filter((e) => e !== entry) ?? [];
      if (list.length > 0) this.byKey.set(key, list);
      else this.byKey.delete(key);
    }
  }

  clear(): void {
    this.byKey.clear();
    this.byFlow.clear();
  }

  /**
   * The runs this event starts: matching trigger, one per item of its splitOn, trigger conditions
   * true. A splitOn that cannot be applied starts nothing for that flow and is told to `problem`.
   */
  match(event: SandboxEvent, context: MatchContext): StartRunArgs[] {
    const key = eventKeyOf(event);
    const candidates = key === undefined ? undefined : this.byKey.get(key);
    if (!candidates) return [];
    const runs: StartRunArgs[] = [];
    for (const { workflow, match } of candidates) {
      const outputs = match(event, context);
      if (!outputs) continue;
      const { definition, facts } = workflow;
      const firing = firingOutputs(definition, outputs, facts.name, context.now);
      if (!firing.ok) {
        context.problem?.(workflow, firing.message);
        continue;
      }
      for (const triggerOutputs of firing.outputs) {
        runs.push({
          flow: { id: workflow.flowId, name: workflow.name, version: workflow.version },
          mode: "published",
          definition,
          triggerName: facts.name,
          triggerOutputs,
          checkTriggerConditions: false,
        });
      }
    }
    return runs;
  }
}
