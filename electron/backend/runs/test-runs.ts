// Test runs from the designer: the draft (or a published version) run on trigger data the person
// gives, or armed to start on the next matching event they perform in the sandbox.
import { ApiError, type ArmedTestEvent, type Flow, type RunSource } from "../../../shared/api";
import { outputsOf } from "../../../shared/connectors";
import { parseDefinition, type WdlDefinition, type WdlTrigger } from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { Clock } from "../clock";
import { type Engine, firingOutputs } from "../engine";
import type { FlowStore } from "../flows/store";
import type { Sandbox } from "../sandbox";
import type { SandboxEvent } from "../sandbox/events";
import { matchTrigger, startsFromSandbox, triggerHint, triggerOperation } from "../triggers/sandbox-events";

/** An armed test waits this long for its event. */
export const ARM_MS = 15 * 60_000;

const DRAFT: RunSource = { draft: true };

interface Armed {
  flowId: string;
  source: RunSource;
  expiresAt: number;
}

/** The flow as a test of that source runs it. */
export interface TestedFlow {
  flow: { id: string; name: string; version?: number };
  definition: WdlDefinition;
}

export interface TestRunsDeps {
  flows: FlowStore;
  engine: Engine;
  sandbox: Sandbox;
  clock: Clock;
  /** A published version's definition (the publisher's); absent: only drafts are tested. */
  versionDefinition?: (flowId: string, version: number) => WdlDefinition;
  /** An armed test's event came and no run started: the designer that waits for it says why. */
  onArmedTestEvent?: (event: ArmedTestEvent) => void;
}

export type StartResult =
  | { started: true; runId: string }
  | { started: false; reason: string; message: string };

export class TestRuns {
  private readonly armed = new Map<string, Armed>();
  private readonly context = { connectionUser: () => this.deps.sandbox.connectionUser() };

  constructor(private readonly deps: TestRunsDeps) {
    deps.sandbox.events.onAny((event) => this.onSandboxEvent(event));
  }

  /** The draft, or the published version, that a test of this source runs. */
  tested(flowId: string, source: RunSource = DRAFT): TestedFlow {
    const flow = this.deps.flows.get(flowId);
    if ("draft" in source) return { flow: { id: flow.id, name: flow.name }, definition: definitionOf(flow) };
    if (!this.deps.versionDefinition)
      throw new ApiError({ code: "unavailable", message: "Published versions cannot be tested here." });
    return {
      flow: { id: flow.id, name: flow.name, version: source.version },
      definition: this.deps.versionDefinition(flowId, source.version),
    };
  }

  /** Runs the draft (or the version) on the given trigger outputs. */
  start(flowId: string, triggerOutputs: JsonValue, source: RunSource = DRAFT): StartResult {
    return this.run(this.tested(flowId, source), triggerOutputs);
  }

  arm(flowId: string, source: RunSource = DRAFT): { flowId: string; hint: string; expiresAt: string } {
    const trigger = firstTrigger(this.tested(flowId, source).definition);
    if (!trigger || !startsFromSandbox(trigger)) {
      throw new ApiError({
        code: "invalid_input",
        message:
          "This flow's trigger is not started by an event in the sandbox: enter trigger data to test it.",
      });
    }
    const expiresAt = this.deps.clock.now() + ARM_MS;
    this.armed.set(flowId, { flowId, source, expiresAt });
    return { flowId, hint: triggerHint(trigger, this.context), expiresAt: new Date(expiresAt).toISOString() };
  }

  disarm(flowId: string): void {
    this.armed.delete(flowId);
  }

  isArmed(flowId: string): boolean {
    const armed = this.armed.get(flowId);
    return armed !== undefined && armed.expiresAt > this.deps.clock.now();
  }

  /** A starting point for typing trigger data: the trigger's outputs with empty values of their types. */
  sample(flowId: string, source: RunSource = DRAFT): { outputs: JsonValue; description: string } {
    const trigger = firstTrigger(this.tested(flowId, source).definition);
    const operation = trigger ? triggerOperation(trigger) : undefined;
    if (!trigger || !operation)
      return { outputs: { body: {} }, description: "The trigger's outputs: { headers, body }." };
    const body: JsonObject = {};
    for (const output of outputsOf(operation, trigger as unknown as JsonObject)) {
      if (!output.path.startsWith("body/") || output.itemOf) continue;
      setPath(body, output.path.slice("body/".length).split("/"), sampleValue(output.type));
    }
    return {
      outputs: { headers: {}, body },
      description: `What “${operation.displayName}” produces: edit the values, then run.`,
    };
  }

  private onSandboxEvent(event: SandboxEvent): void {
    const now = this.deps.clock.now();
    for (const armed of [...this.armed.values()]) {
      if (armed.expiresAt <= now) {
        this.armed.delete(armed.flowId);
        continue;
      }
      let tested: TestedFlow;
      try {
        tested = this.tested(armed.flowId, armed.source);
      } catch {
        this.armed.delete(armed.flowId);
        continue;
      }
      const { definition } = tested;
      const [triggerName, trigger] = Object.entries(definition.triggers ?? {})[0] ?? [];
      const outputs = trigger ? matchTrigger(trigger, event, this.context) : undefined;
      if (!outputs) continue;
      // One test run per item of the trigger's splitOn (one email, one run), each whose conditions hold.
      const firing = firingOutputs(definition, outputs, triggerName, () => this.deps.clock.now());
      if (!firing.ok) {
        this.armed.delete(armed.flowId);
        this.tell(armed, "not-started", firing.message);
        continue;
      }
      if (firing.outputs.length === 0) {
        // As when the flow runs for real: the trigger did not fire, so the test goes on waiting.
        if (firing.refusal) this.tell(armed, "waiting", firing.refusal);
        continue;
      }
      this.armed.delete(armed.flowId);
      // The event is committed; the runs start right after, outside the sandbox's transaction.
      queueMicrotask(() => {
        for (const triggerOutputs of firing.outputs) {
          try {
            const result = this.run(tested, triggerOutputs, false);
            if (!result.started) this.tell(armed, "not-started", result.message);
          } catch (error) {
            this.tell(armed, "not-started", error instanceof Error ? error.message : String(error));
          }
        }
      });
    }
  }

  private tell(armed: Armed, outcome: ArmedTestEvent["outcome"], message: string): void {
    const flowVersion = "version" in armed.source ? armed.source.version : null;
    this.deps.onArmedTestEvent?.({ flowId: armed.flowId, flowVersion, outcome, message });
  }

  private run(
    { flow, definition }: TestedFlow,
    triggerOutputs: JsonValue,
    checkConditions = true,
  ): StartResult {
    const result = this.deps.engine.startRun({
      flow,
      mode: "test",
      definition,
      triggerOutputs,
      checkTriggerConditions: checkConditions,
    });
    return result.started
      ? { started: true, runId: result.runId }
      : { started: false, reason: result.reason, message: result.message };
  }
}

export function definitionOf(flow: Pick<Flow, "definition">): WdlDefinition {
  const parsed = parseDefinition(flow.definition);
  if (!parsed.ok) {
    const first = parsed.issues[0];
    throw new ApiError({
      code: "invalid_input",
      message: `This flow's definition cannot run: ${first ? first.message : "it is not a valid definition"}.`,
    });
  }
  return parsed.definition;
}

function firstTrigger(definition: WdlDefinition): WdlTrigger | undefined {
  return Object.values(definition.triggers ?? {})[0];
}

function sampleValue(type: string): JsonValue {
  switch (type) {
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return {};
    default:
      return "";
  }
}

function setPath(target: JsonObject, path: string[], value: JsonValue): void {
  let node = target;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) node[key] = value;
    else {
      const next = node[key];
      if (typeof next !== "object" || next === null || Array.isArray(next)) node[key] = {};
      node = node[key] as JsonObject;
    }
  }
}
