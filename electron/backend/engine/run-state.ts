// One run in memory: its results so far, variables, loop positions, in-flight steps, and the
// expression context each scope evaluates in. Rebuilt from the journal after a restart.

import type { EvaluationContext } from "../../../shared/expr";
import type { WdlDefinition } from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { FinalOutcome } from "./connector-runtime";
import { type DefinitionIndex, definitionIndex, isLoopType } from "./definition-index";
import { iso } from "./iso";
import type { StepSlot } from "./journal";
import type { FinalStatus } from "./status";
import type { ErrorInfo, FlowRef, RunMode, WaitKind } from "./types";
import type { VariableType } from "./variable-types";

/** Where a step runs: its loop path and the current item and index of every enclosing loop. */
export interface Frame {
  /** "" at the top level, "Loop[3]", "Outer[1]/Inner[0]". */
  iteration: string;
  loops: ReadonlyMap<string, LoopPosition>;
  /** The innermost Foreach item, for item(). */
  item: JsonValue | undefined;
  context?: EvaluationContext;
}

export interface LoopPosition {
  index: number;
  /** Foreach only. */
  item: JsonValue | undefined;
}

export const ROOT_FRAME_ITERATION = "";

export function rootFrame(): Frame {
  return { iteration: "", loops: new Map(), item: undefined };
}

/** The loop step's path (a key of run_iterations): "Loop", "Outer[1]/Inner". */
export function loopKey(frame: Frame, loop: string): string {
  return frame.iteration === "" ? loop : `${frame.iteration}/${loop}`;
}

export function childFrame(parent: Frame, loop: string, index: number, item: JsonValue | undefined): Frame {
  const loops = new Map(parent.loops);
  loops.set(loop, { index, item });
  return {
    iteration: `${loopKey(parent, loop)}[${index}]`,
    loops,
    item: item === undefined ? parent.item : item,
  };
}

/** A step's key in a run's maps: its name at the top level (no string built per step), iteration NUL name in loops. */
export function stepKey(iteration: string, action: string): string {
  return iteration === "" ? action : `${iteration}\u0000${action}`;
}

/** The iteration and action a stepKey was made of. */
export function splitStepKey(key: string): { iteration: string; action: string } {
  const at = key.lastIndexOf("\u0000");
  return at < 0 ? { iteration: "", action: key } : { iteration: key.slice(0, at), action: key.slice(at + 1) };
}

export function stepPath(iteration: string, action: string): string {
  return iteration === "" ? action : `${iteration}/${action}`;
}

/** A finished step: what expressions see through actions(), outputs(), body() and result(). */
export class StepResult {
  private recordCache: JsonObject | undefined;

  constructor(
    readonly action: string,
    readonly iteration: string,
    readonly type: string,
    readonly status: FinalStatus,
    readonly attempt: number,
    readonly code: string | null,
    readonly startedAt: number,
    readonly endedAt: number,
    private inputsText: string | null,
    private outputsText: string | null,
    readonly error: ErrorInfo | null,
    private inputsValue?: JsonValue,
    private outputsValue?: JsonValue,
  ) {}

  inputs(): JsonValue | undefined {
    if (this.inputsValue === undefined && this.inputsText !== null) {
      this.inputsValue = JSON.parse(this.inputsText) as JsonValue;
      this.inputsText = null;
    }
    return this.inputsValue;
  }

  outputs(): JsonValue | undefined {
    if (this.outputsValue === undefined && this.outputsText !== null) {
      this.outputsValue = JSON.parse(this.outputsText) as JsonValue;
      this.outputsText = null;
    }
    return this.outputsValue;
  }

  /** The run record of Logic Apps: name, inputs, outputs, startTime, endTime, status, code, error. */
  record(): JsonObject {
    if (this.recordCache) return this.recordCache;
    const out: JsonObject = {
      name: this.action,
      startTime: iso(this.startedAt),
      endTime: iso(this.endedAt),
      status: this.status,
    };
    const inputs = this.inputs();
    const outputs = this.outputs();
    if (inputs !== undefined) out.inputs = inputs;
    if (outputs !== undefined) out.outputs = outputs;
    if (this.code !== null) out.code = this.code;
    if (this.error !== null) out.error = { code: this.error.code, message: this.error.message };
    this.recordCache = out;
    return out;
  }
}

export interface Variable {
  name: string;
  type: VariableType;
  value: JsonValue;
}

/** The last journaled attempt of a step, as found when the run was loaded from the journal. */
export interface ReplayStep {
  status: string;
  attempt: number;
  restarts: number;
  seq: number;
  type: string;
  state: JsonValue | null;
  stateText: string | null;
  inputs: string | null;
  startedAt: number;
  /** started_at of attempt 1: per-action timeouts count from it. */
  firstStartedAt: number;
}

/** A step that started and has not finished: cancelled if the run ends under it. */
export interface InFlight {
  action: string;
  iteration: string;
  attempt: number;
  seq: number;
  type: string;
  startedAt: number;
  restarts: number;
  inputs: string | null;
  state: string | null;
  /** Leaves count toward the run's activity; containers do not. */
  leaf: boolean;
  /** Its latest row while that row waits for the commit (a later row of this attempt replaces it). */
  slot?: StepSlot | undefined;
}

export type Resolution =
  | { kind: "signal"; token: string; outcome: FinalOutcome }
  | { kind: "time"; waitKind: WaitKind; waitId: string };

export interface RunInit {
  id: string;
  flow: FlowRef;
  mode: RunMode;
  definition: WdlDefinition;
  triggerName: string;
  triggerOutputs: JsonValue;
  startedAt: number;
  now: () => number;
  random: () => number;
}

export class RunExecution {
  readonly id: string;
  readonly flow: FlowRef;
  readonly mode: RunMode;
  readonly definition: WdlDefinition;
  readonly index: DefinitionIndex;
  readonly triggerName: string;
  readonly triggerOutputs: JsonValue;
  readonly startedAt: number;
  readonly results = new Map<string, StepResult>();
  /** The latest result of each action, for references from outside its loop. */
  readonly lastByName = new Map<string, StepResult>();
  /** By lower-cased name. */
  readonly variables = new Map<string, Variable>();
  readonly dirtyVariables = new Set<string>();
  /** Variables a step with secured inputs set (lower-cased): journaled sealed from then on. Made on first use. */
  sealedVariables: Set<string> | undefined;

  /** The journal may hold waits of this run (one was armed, or the run was loaded back): its end clears them. */
  waitsJournaled = false;
  /** The journal as loaded after a restart: the last attempt of each step (by stepKey). */
  readonly replay = new Map<string, ReplayStep>();
  /** Finished iterations by loop key. */
  readonly iterationsDone = new Map<string, Map<number, { status: FinalStatus; detail: JsonValue | null }>>();
  /** Iterations started so far by loop key (for result() of a loop). */
  readonly loopIterations = new Map<string, number>();
  readonly inFlight = new Map<string, InFlight>();
  /** A step waiting for a wait to end, by stepKey. */
  readonly waiters = new Map<string, (resolution: Resolution) => void>();
  /** Wait ends that arrived before their step asked (during a replay). */
  readonly resolutions = new Map<string, Resolution>();
  seq = 0;
  stepCount = 0;
  /** Journal status while not finished. */
  status: "Running" | "Waiting" = "Running";
  /** Finished (journaled) or halted (engine stopped): nothing more may run or be written. */
  ended = false;
  halted = false;
  /** Leaves executing (connector calls, waits), and among them those blocked on a wait. */
  activeLeaves = 0;
  waitingLeaves = 0;
  private readonly triggerRecord: JsonObject;
  private readonly workflowRecord: JsonObject;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(init: RunInit) {
    this.id = init.id;
    this.flow = init.flow;
    this.mode = init.mode;
    this.definition = init.definition;
    this.index = definitionIndex(init.definition);
    this.triggerName = init.triggerName;
    this.triggerOutputs = init.triggerOutputs;
    this.startedAt = init.startedAt;
    this.now = init.now;
    this.random = init.random;
    const started = iso(init.startedAt);
    this.triggerRecord = {
      name: init.triggerName,
      outputs: init.triggerOutputs,
      startTime: started,
      endTime: started,
      scheduledTime: started,
      status: "Succeeded",
    };
    this.workflowRecord = {
      id: init.flow.id,
      name: init.flow.id,
      type: "Microsoft.Flow/flows",
      run: { id: init.id, name: init.id, type: "Microsoft.Flow/flows/runs" },
      tags: { flowDisplayName: init.flow.name, environmentName: "flowsmith-sandbox" },
    };
  }

  get stopped(): boolean {
    return this.ended || this.halted;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  setResult(result: StepResult): void {
    this.results.set(stepKey(result.iteration, result.action), result);
    this.lastByName.set(result.action, result);
  }

  /** From now on the variable is journaled sealed (a step with secured inputs set it). */
  sealVariable(lowerName: string): void {
    if (!this.sealedVariables) this.sealedVariables = new Set();
    this.sealedVariables.add(lowerName);
  }

  variable(name: string): Variable | undefined {
    return this.variables.get(name.toLowerCase());
  }

  /** The expression context of a frame (one per frame, made on first use). */
  contextFor(frame: Frame): EvaluationContext {
    if (frame.context) return frame.context;
    const context: EvaluationContext = {
      trigger: () => this.triggerRecord,
      actionResult: (name) => this.actionRecord(name, frame),
      variable: (name) => this.variable(name)?.value,
      item: () => frame.item,
      items: (loop) => frame.loops.get(loop)?.item,
      iterationIndexes: (loop) => frame.loops.get(loop)?.index,
      result: (scope) => this.scopeResults(scope, frame),
      parameters: (name) => this.parameter(name),
      workflow: () => this.workflowRecord,
      now: () => this.now(),
      random: () => this.random(),
    };
    frame.context = context;
    return context;
  }

  /** The context of a frame with item() bound to one element (Select, Query, Table columns). */
  itemContext(frame: Frame, item: JsonValue): EvaluationContext {
    return { ...this.contextFor(frame), item: () => item };
  }

  private parameter(name: string): JsonValue | undefined {
    const declared = this.definition.parameters?.[name];
    if (declared) return declared.defaultValue ?? null;
    return name === "$connections" || name === "$authentication" ? {} : undefined;
  }

  /** The iteration an action's result is filed under, seen from `frame`; undefined outside its loops. */
  private iterationOf(loops: readonly string[], frame: Frame): string | undefined {
    if (loops.length === 0) return "";
    let path = "";
    for (const loop of loops) {
      const position = frame.loops.get(loop);
      if (!position) return undefined;
      path = path === "" ? `${loop}[${position.index}]` : `${path}/${loop}[${position.index}]`;
    }
    return path;
  }

  private findResult(name: string, frame: Frame): StepResult | undefined {
    const info = this.index.resolve(name);
    if (!info) return undefined;
    const iteration = this.iterationOf(info.loops, frame);
    if (iteration === undefined) return this.lastByName.get(info.name);
    return this.results.get(stepKey(iteration, info.name));
  }

  actionRecord(name: string, frame: Frame): JsonObject | undefined {
    return this.findResult(name, frame)?.record();
  }

  /** result('Scope'): the records of its first-level actions; for a loop, of every iteration so far. */
  scopeResults(name: string, frame: Frame): JsonValue[] | undefined {
    const info = this.index.resolve(name);
    if (!info || info.children.length === 0) {
      return info &&
        info.type !== undefined &&
        ["Scope", "If", "Switch", "Foreach", "Until"].includes(info.type)
        ? []
        : undefined;
    }
    const own = this.iterationOf(info.loops, frame);
    if (own === undefined) return undefined;
    const out: JsonValue[] = [];
    const collect = (iteration: string) => {
      for (const child of info.children) {
        const result = this.results.get(stepKey(iteration, child));
        if (result) out.push(result.record());
      }
    };
    if (isLoopType(info.type)) {
      const key = own === "" ? info.name : `${own}/${info.name}`;
      const count = this.loopIterations.get(key) ?? 0;
      for (let i = 0; i < count; i++) collect(`${key}[${i}]`);
    } else collect(own);
    return out;
  }
}
