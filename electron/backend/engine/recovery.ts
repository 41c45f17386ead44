// Loading a run back from the journal: its definition snapshot, every step's last attempt (finished
// ones become results again; Running and Waiting ones are what the replay continues), finished loop
// iterations and variables. The scheduler then replays the run: finished steps are not executed
// again, the step in flight is.
import type { Database, Statement } from "better-sqlite3";
import type { WdlDefinition } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { RUN_LOG_SELECT, readRunLog } from "./run-log";
import { type ReplayStep, RunExecution, StepResult, stepKey } from "./run-state";
import { isSealedValue, type ValueSealer } from "./sealed-values";
import type { SnapshotStore } from "./snapshots";
import { type FinalStatus, isFinalStatus } from "./status";
import type { ErrorInfo, RunMode } from "./types";
import { type VariableType, variableType } from "./variable-types";

interface RunRowData {
  id: string;
  flow_id: string;
  flow_name: string;
  flow_version: number | null;
  mode: RunMode;
  trigger_name: string;
  trigger_outputs: string;
  definition_hash: string;
  status: string;
  started_at: number;
}

/** What a run started from: its flow, mode, definition snapshot and trigger. */
export interface RunOrigin {
  flow: { id: string; name: string; version?: number };
  mode: RunMode;
  definition: WdlDefinition;
  triggerName: string;
  triggerOutputs: JsonValue;
}

export class RunLoader {
  private readonly run: Statement;
  private readonly log: Statement;

  constructor(
    db: Database,
    private readonly snapshots: SnapshotStore,
    private readonly services: { now: () => number; random: () => number; sealer: ValueSealer },
  ) {
    this.run = db.prepare(
      `SELECT id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs, definition_hash,
         status, started_at FROM runs WHERE id = ?`,
    );
    this.log = db.prepare(RUN_LOG_SELECT);
  }

  /** What a run started from (a resubmit starts again from it); undefined when there is no such run. */
  origin(runId: string): RunOrigin | undefined {
    const row = this.run.get(runId) as RunRowData | undefined;
    return row && this.originOf(row);
  }

  /** The run as the journal holds it, ready to replay; undefined when it does not exist or has ended. */
  load(runId: string): RunExecution | undefined {
    const row = this.run.get(runId) as RunRowData | undefined;
    if (!row || (row.status !== "Running" && row.status !== "Waiting")) return undefined;
    const origin = this.originOf(row);
    if (!origin) return undefined;
    const run = new RunExecution({
      id: row.id,
      ...origin,
      startedAt: row.started_at,
      now: this.services.now,
      random: this.services.random,
    });
    run.status = row.status === "Waiting" ? "Waiting" : "Running";

    const log = readRunLog(this.log, runId);
    // Secured values were sealed for the journal: the run goes on with them as they were.
    const { sealer } = this.services;
    for (const step of log.steps) {
      step.inputs = step.inputs === undefined ? undefined : sealer.open(step.inputs);
      step.outputs = step.outputs === undefined ? undefined : sealer.open(step.outputs);
    }
    for (const step of log.steps) {
      const key = stepKey(step.iteration, step.action);
      const before = run.replay.get(key);
      if (before && before.attempt > step.attempt) continue;
      const replay: ReplayStep = {
        status: step.status,
        attempt: step.attempt,
        restarts: step.restarts,
        seq: step.seq,
        type: step.type,
        state: step.state ?? null,
        stateText: step.state === undefined ? null : JSON.stringify(step.state),
        inputs: step.inputs === undefined ? null : JSON.stringify(step.inputs),
        startedAt: step.startedAt,
        firstStartedAt: before?.firstStartedAt ?? step.startedAt,
      };
      run.setReplay(key, replay);
      run.seq = Math.max(run.seq, step.seq);
      if (step.status !== "Skipped") run.stepCount++;
    }
    // Results of finished steps, in start order so that the latest of a name wins.
    for (const step of log.steps) {
      const key = stepKey(step.iteration, step.action);
      const last = run.replay.get(key);
      if (!last || last.attempt !== step.attempt || !isFinalStatus(step.status)) continue;
      run.setResult(
        new StepResult(
          step.action,
          step.iteration,
          step.type,
          step.status as FinalStatus,
          step.attempt,
          step.code,
          step.startedAt,
          step.endedAt ?? step.startedAt,
          null,
          null,
          step.error as ErrorInfo | null,
          step.inputs,
          step.outputs,
        ),
      );
    }
    for (const it of log.iterations) {
      let done = run.iterationsDone.get(it.loop);
      if (!done) {
        done = new Map();
        run.iterationsDone.set(it.loop, done);
      }
      done.set(it.index, { status: it.status as FinalStatus, detail: it.detail });
    }
    for (const v of log.variables) {
      const type: VariableType = variableType(v.type) ?? "object";
      const lowerName = v.name.toLowerCase();
      if (isSealedValue(v.value)) run.sealVariable(lowerName);
      run.variables.set(lowerName, { name: v.name, type, value: sealer.open(v.value), changed: false });
    }
    run.waitsJournaled = true;
    return run;
  }

  private originOf(row: RunRowData): RunOrigin | undefined {
    const definition = this.snapshots.byHashValue(row.definition_hash);
    if (!definition) return undefined;
    return {
      flow: {
        id: row.flow_id,
        name: row.flow_name,
        ...(row.flow_version === null ? {} : { version: row.flow_version }),
      },
      mode: row.mode,
      definition,
      triggerName: row.trigger_name,
      triggerOutputs: this.services.sealer.open(JSON.parse(row.trigger_outputs) as JsonValue),
    };
  }
}
