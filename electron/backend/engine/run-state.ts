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

/** The loops around the top level: none (one map for every run; frames never change theirs). */
const NO_LOOPS: ReadonlyMap<string, LoopPosition> = new Map();

export function rootFrame(): Frame {
  return { iteration: "", loops: NO_LOOPS, item: undefined };
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

/** A finished loop iteration. */
export interface IterationDone {
  status: FinalStatus;
  detail: JsonValue | null;
}

const NO_REPLAY: ReadonlyMap<string, ReplayStep> = new Map();

/**
 * What expressions of a frame see. A class: one object per frame instead of an object and eleven
 * closures (a run of a few steps made them all for one or two expressions).
 */
class FrameContext implements EvaluationContext {
  constructor(
    private readonly run: RunExecution,
    private readonly frame: Frame,
    /** item() bound to one element (Select, Query, Table columns) instead of the frame's. */
    private readonly bound?: { item: JsonValue },
  ) {}

  trigger(): JsonObject {
    return this.run.triggerRecord();
  }

  actionResult(name: string): JsonObject | undefined {
    return this.run.actionRecord(name, this.frame);
  }

  variable(name: string): JsonValue | undefined {
    return this.run.variable(name)?.value;
  }

  item(): JsonValue | undefined {
    return this.bound ? this.bound.item : this.frame.item;
  }

  items(loop: string): JsonValue | undefined {
    return this.frame.loops.get(loop)?.item;
  }

  iterationIndexes(loop: string): number | undefined {
    return this.frame.loops.get(loop)?.index;
  }

  result(scope: string): JsonValue[] | undefined {
    return this.run.scopeResults(scope, this.frame);
  }

  parameters(name: string): JsonValue | undefined {
    return this.run.parameter(name);
  }

  workflow(): JsonObject {
    return this.run.workflowRecord();
  }

  now(): number {
    return this.run.now();
  }

  random(): number {
    return this.run.random();
  }
}

export interface Variable {
  name: string;
  type: VariableType;
  value: JsonValue;
  /** Changed since the journal last encoded it: its record waits for the next commit. */
  changed: boolean;
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
  // The maps below are made on first use: a burst of runs keeps thousands of runs that have not
  // begun (or never need a map) alive at once, and every map kept alive is copied by the GC.
  private resultsMap: Map<string, StepResult> | undefined;
  /**
   * The latest result of each action inside a loop, for references from outside it (a top-level
   * action has one result, in `results` under its name).
   */
  private lastInLoop: Map<string, StepResult> | undefined;
  private variablesMap: Map<string, Variable> | undefined;
  /** Variables a step with secured inputs set (lower-cased): journaled sealed from then on. Made on first use. */
  sealedVariables: Set<string> | undefined;

  /** The journal may hold waits of this run (one was armed, or the run was loaded back): its end clears them. */
  waitsJournaled = false;
  private replayed: Map<string, ReplayStep> | undefined;
  private iterationsDoneMap: Map<string, Map<number, IterationDone>> | undefined;
  private loopIterationsMap: Map<string, number> | undefined;
  private waitersMap: Map<string, (resolution: Resolution) => void> | undefined;
  private resolutionsMap: Map<string, Resolution> | undefined;
  private inFlightMap: Map<string, InFlight> | undefined;
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
  /** trigger() and workflow(): made when an expression first asks. */
  private triggerRecordCache: JsonObject | undefined;
  private workflowRecordCache: JsonObject | undefined;
  /** The engine's clock and random source, for utcNow(), rand() and guid(). */
  readonly now: () => number;
  readonly random: () => number;

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
  }

  /** trigger(): the trigger's run record. */
  triggerRecord(): JsonObject {
    if (this.triggerRecordCache) return this.triggerRecordCache;
    const started = iso(this.startedAt);
    this.triggerRecordCache = {
      name: this.triggerName,
      outputs: this.triggerOutputs,
      startTime: started,
      endTime: started,
      scheduledTime: started,
      status: "Succeeded",
    };
    return this.triggerRecordCache;
  }

  /** workflow(): the flow and this run. */
  workflowRecord(): JsonObject {
    this.workflowRecordCache ??= {
      id: this.flow.id,
      name: this.flow.id,
      type: "Microsoft.Flow/flows",
      run: { id: this.id, name: this.id, type: "Microsoft.Flow/flows/runs" },
      tags: { flowDisplayName: this.flow.name, environmentName: "flowsmith-sandbox" },
    };
    return this.workflowRecordCache;
  }

  get stopped(): boolean {
    return this.ended || this.halted;
  }

  /** Finished steps by stepKey. */
  get results(): Map<string, StepResult> {
    this.resultsMap ??= new Map();
    return this.resultsMap;
  }

  /** By lower-cased name. */
  get variables(): Map<string, Variable> {
    this.variablesMap ??= new Map();
    return this.variablesMap;
  }

  /** Steps started and not finished, by stepKey. */
  get inFlight(): Map<string, InFlight> {
    this.inFlightMap ??= new Map();
    return this.inFlightMap;
  }

  /** The step in flight under this key, if any (without making the map: most steps never are). */
  inFlightOf(key: string): InFlight | undefined {
    return this.inFlightMap?.get(key);
  }

  /** Takes the step in flight under this key out of the steps in flight. */
  takeInFlight(key: string): InFlight | undefined {
    const flight = this.inFlightMap?.get(key);
    if (flight) this.inFlightMap?.delete(key);
    return flight;
  }

  /** Every step in flight. */
  inFlightSteps(): Iterable<InFlight> {
    return this.inFlightMap?.values() ?? [];
  }

  clearInFlight(): void {
    this.inFlightMap?.clear();
  }

  /** The journal as loaded after a restart: the last attempt of each step (by stepKey). */
  get replay(): ReadonlyMap<string, ReplayStep> {
    return this.replayed ?? NO_REPLAY;
  }

  setReplay(key: string, step: ReplayStep): void {
    this.replayed ??= new Map();
    this.replayed.set(key, step);
  }

  /** Finished iterations by loop key. */
  get iterationsDone(): Map<string, Map<number, IterationDone>> {
    this.iterationsDoneMap ??= new Map();
    return this.iterationsDoneMap;
  }

  /** Iterations started so far by loop key (for result() of a loop). */
  get loopIterations(): Map<string, number> {
    this.loopIterationsMap ??= new Map();
    return this.loopIterationsMap;
  }

  /** A step waiting for a wait to end, by stepKey. */
  get waiters(): Map<string, (resolution: Resolution) => void> {
    this.waitersMap ??= new Map();
    return this.waitersMap;
  }

  /** Wait ends that arrived before their step asked (during a replay). */
  get resolutions(): Map<string, Resolution> {
    this.resolutionsMap ??= new Map();
    return this.resolutionsMap;
  }

  /** The run ended: no step waits any more. */
  clearWaiters(): void {
    this.waitersMap?.clear();
    this.resolutionsMap?.clear();
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** Whether an expression can read this action's result (DefinitionIndex.readResults): only those are kept. */
  keepsResult(action: string): boolean {
    const read = this.index.readResults;
    return read === undefined || read.has(action);
  }

  setResult(result: StepResult): void {
    this.results.set(stepKey(result.iteration, result.action), result);
    if (result.iteration !== "") {
      this.lastInLoop ??= new Map();
      this.lastInLoop.set(result.action, result);
    }
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
    frame.context ??= new FrameContext(this, frame);
    return frame.context;
  }

  /** The context of a frame with item() bound to one element (Select, Query, Table columns). */
  itemContext(frame: Frame, item: JsonValue): EvaluationContext {
    return new FrameContext(this, frame, { item });
  }

  parameter(name: string): JsonValue | undefined {
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
    // Undefined: the action is in a loop this frame is not in (only those are in lastInLoop).
    if (iteration === undefined) return this.lastInLoop?.get(info.name);
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
