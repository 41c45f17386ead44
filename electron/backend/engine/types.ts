// Public types of the engine: what startRun takes, what the queries return, the events it emits.

import type { WdlDefinition } from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { FinalStatus, RunStatus, StepStatus } from "./status";

export type RunMode = "test" | "published";

export interface FlowRef {
  id: string;
  name: string;
  /** The published version the run uses; absent for the draft. */
  version?: number;
}

export interface StartRunArgs {
  flow: FlowRef;
  mode: RunMode;
  definition: WdlDefinition;
  /** The trigger the run starts from; the definition's first trigger when absent. */
  triggerName?: string;
  /** What the trigger produced: { headers?, body } as trigger()['outputs'] reads it. */
  triggerOutputs: JsonValue;
  /** Evaluate the trigger's conditions first and create no run when one is false (default true). */
  checkTriggerConditions?: boolean;
  /** Set by resubmit(): the run this one repeats. */
  resubmittedFrom?: string;
}

export type StartRunResult =
  /** queued: the flow's concurrency limit is reached; the run waits for a slot (status Waiting). */
  | { started: true; runId: string; queued?: true }
  | { started: false; runId: null; reason: "trigger-conditions"; condition: string; message: string }
  /** The flow's concurrency limit is reached and its queue of waiting runs is full. */
  | { started: false; runId: null; reason: "queue-full"; message: string };

export interface ErrorInfo {
  code: string;
  message: string;
}

export interface RunSummary {
  id: string;
  flowId: string;
  flowName: string;
  /** null for the draft. */
  flowVersion: number | null;
  mode: RunMode;
  triggerName: string;
  status: RunStatus;
  /** ISO 8601. */
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  error: ErrorInfo | null;
  resubmittedFrom: string | null;
}

export interface StepRecord {
  action: string;
  /** Loop path: "" at the top level, "Apply_to_each[3]", "Outer[1]/Inner[0]". */
  iteration: string;
  /** iteration/action, e.g. "Apply_to_each[3]/Condition". */
  path: string;
  attempt: number;
  /** Order in which the steps started. */
  seq: number;
  type: string;
  status: StepStatus;
  code: string | null;
  inputs: JsonValue | null;
  outputs: JsonValue | null;
  error: ErrorInfo | null;
  /** A container's decision (If branch, Switch case, Foreach items, Until deadline). */
  state: JsonValue | null;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  /** How many times this attempt was sent again because the app stopped while it was in flight. */
  restarts: number;
  /** Secure inputs/outputs (the step's settings): kept for the run, hidden from run history (null here). */
  secured: ("inputs" | "outputs")[];
}

export interface IterationRecord {
  /** The loop step's path: "Apply_to_each", "Outer[1]/Inner". */
  loop: string;
  index: number;
  status: FinalStatus;
  startedAt: string;
  endedAt: string;
  detail: JsonValue | null;
}

export type WaitKind = "approval" | "delay" | "card" | "retry" | "timeout";

export interface WaitRecord {
  id: string;
  runId: string;
  flowId: string;
  action: string;
  iteration: string;
  path: string;
  attempt: number;
  kind: WaitKind;
  token: string | null;
  /** ISO 8601, for delay, retry and timeout waits. */
  resumeAt: string | null;
  description: string | null;
  createdAt: string;
}

export interface RunDetail extends RunSummary {
  definition: WdlDefinition;
  /** null when the trigger's outputs are secured. */
  triggerOutputs: JsonValue;
  triggerSecured: boolean;
  /** Waiting for a free slot of its flow's concurrency control (it has not begun). */
  queued: boolean;
  /** What a Response action answered, if any. */
  response: JsonValue | null;
  /** Every attempt of every step, in start order. */
  steps: StepRecord[];
  iterations: IterationRecord[];
  variables: JsonObject;
  waits: WaitRecord[];
}

export interface ListRunsQuery {
  flowId?: string;
  status?: RunStatus | RunStatus[];
  /** Designer tests or runs of published versions only; both when absent. */
  mode?: RunMode;
  /** Runs started at or after (epoch ms or ISO 8601). */
  from?: number | string;
  /** Runs started before (epoch ms or ISO 8601). */
  to?: number | string;
  /** The nextCursor of the previous page. */
  cursor?: string;
  /** 1 to 500; 50 when absent. */
  limit?: number;
}

export interface RunPage {
  runs: RunSummary[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// Events, for the canvas and the run panel. Every payload names the run and its flow.
export interface RunStartedEvent {
  runId: string;
  flowId: string;
  flowName: string;
  flowVersion: number | null;
  mode: RunMode;
  triggerName: string;
  startedAt: string;
  resubmittedFrom: string | null;
}

export interface RunStepEvent {
  runId: string;
  flowId: string;
  action: string;
  iteration: string;
  path: string;
  attempt: number;
  /** Running when the step starts, Waiting while it waits, then its final status. */
  status: StepStatus;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  error: ErrorInfo | null;
}

export interface RunWaitingEvent {
  runId: string;
  flowId: string;
  action: string;
  iteration: string;
  path: string;
  kind: WaitKind;
  token: string | null;
  resumeAt: string | null;
  description: string | null;
}

export interface RunFinishedEvent {
  runId: string;
  flowId: string;
  flowName: string;
  mode: RunMode;
  status: RunStatus;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  error: ErrorInfo | null;
}

export interface EngineEventMap {
  "run.started": RunStartedEvent;
  "run.step": RunStepEvent;
  "run.waiting": RunWaitingEvent;
  "run.finished": RunFinishedEvent;
}
export type EngineEventName = keyof EngineEventMap;
export type EngineEvent = {
  [E in EngineEventName]: { event: E; payload: EngineEventMap[E] };
}[EngineEventName];

export type EngineEventListener = (event: EngineEvent) => void;
