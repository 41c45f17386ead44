// Loading a run back from the journal: its definition snapshot, every step's last attempt (finished
// ones become results again; Running and Waiting ones are what the replay continues), finished loop
// iterations and variables. The scheduler then replays the run: finished steps are not executed
// again, the step in flight is.
import type { Database, Statement } from "better-sqlite3";
import type { WdlDefinition } from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { type ReplayStep, RunExecution, StepResult, stepKey } from "./run-state";
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

interface StepRowData {
  iteration: string;
  action: string;
  attempt: number;
  seq: number;
  type: string;
  status: string;
  code: string | null;
  inputs: string | null;
  outputs: string | null;
  error: string | null;
  state: string | null;
  started_at: number;
  ended_at: number | null;
  restarts: number;
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
  private readonly steps: Statement;
  private readonly iterations: Statement;
  private readonly variables: Statement;

  constructor(
    db: Database,
    private readonly snapshots: SnapshotStore,
    private readonly services: { now: () => number; random: () => number },
  ) {
    this.run = db.prepare(
      `SELECT id, flow_id, flow_name, flow_version, mode, trigger_name, trigger_outputs, definition_hash,
         status, started_at FROM runs WHERE id = ?`,
    );
    this.steps = db.prepare(
      `SELECT iteration, action, attempt, seq, type, status, code, inputs, outputs, error, state, started_at,
         ended_at, restarts FROM run_steps WHERE run_id = ? ORDER BY seq, attempt`,
    );
    this.iterations = db.prepare("SELECT loop, idx, status, detail FROM run_iterations WHERE run_id = ?");
    this.variables = db.prepare("SELECT name, type, value FROM run_variables WHERE run_id = ?");
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

    const rows = this.steps.all(runId) as StepRowData[];
    for (const step of rows) {
      const key = stepKey(step.iteration, step.action);
      const before = run.replay.get(key);
      if (before && before.attempt > step.attempt) continue;
      const replay: ReplayStep = {
        status: step.status,
        attempt: step.attempt,
        restarts: step.restarts,
        seq: step.seq,
        type: step.type,
        state: step.state === null ? null : (JSON.parse(step.state) as JsonValue),
        stateText: step.state,
        inputs: step.inputs,
        outputs: step.outputs,
        startedAt: step.started_at,
        firstStartedAt: before?.firstStartedAt ?? step.started_at,
      };
      run.replay.set(key, replay);
      run.seq = Math.max(run.seq, step.seq);
      if (step.status !== "Skipped") run.stepCount++;
    }
    // Results of finished steps, in start order so that the latest of a name wins.
    for (const step of rows) {
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
          step.started_at,
          step.ended_at ?? step.started_at,
          step.inputs,
          step.outputs,
          step.error === null ? null : (JSON.parse(step.error) as ErrorInfo),
        ),
      );
    }
    for (const it of this.iterations.all(runId) as {
      loop: string;
      idx: number;
      status: string;
      detail: string | null;
    }[]) {
      let done = run.iterationsDone.get(it.loop);
      if (!done) {
        done = new Map();
        run.iterationsDone.set(it.loop, done);
      }
      done.set(it.idx, {
        status: it.status as FinalStatus,
        detail: it.detail === null ? null : (JSON.parse(it.detail) as JsonValue),
      });
    }
    for (const v of this.variables.all(runId) as { name: string; type: string; value: string }[]) {
      const type: VariableType = variableType(v.type) ?? "object";
      run.variables.set(v.name.toLowerCase(), {
        name: v.name,
        type,
        value: JSON.parse(v.value) as JsonValue,
      });
    }
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
      triggerOutputs: JSON.parse(row.trigger_outputs) as JsonValue,
    };
  }
}
