// The run log: what happened inside a run, as one append-only row per run per commit. A row's
// `entries` is a JSON array: the row's base time (epoch ms) then its records, in the order they
// were journaled:
//   ["S", iteration, action, attempt, seq, type, status, code, [inputs], [outputs], error, [state],
//         start, duration, restarts]                     a step attempt (its latest state)
//   ["i", loop, index, status, detail, startedAt, endedAt]  a finished loop iteration
//   ["v", name, type, value]                                a variable's value
// A step's start is milliseconds after the row's base and its duration is null while it runs: two
// short numbers instead of three epoch times. Inputs, outputs and state are wrapped in a list when
// present, so that a step without outputs (null) stays apart from one whose outputs are the JSON
// value null ([null]). Outputs equal to the inputs (Compose, a condition) are written as 0 instead
// of a second copy. A skipped step's error is its reason (skip-reasons.ts), not the message.
// Rows written before (no base; "s" records with startedAt, endedAt and durationMs) read as ever.
// A later record of the same attempt, iteration or variable replaces an earlier one. One row per
// commit (instead of a row per step, iteration and variable) is what lets the journal keep up with
// the engine: a run that does eight steps in one turn costs one insert, not ten upserts.
//
// Writing embeds the engine's JSON texts as they are (they come from JSON.stringify), so a record
// costs a string concatenation; reading parses a run's rows once and folds them.
import type { Statement } from "better-sqlite3";
import type { JsonValue } from "../../../shared/json";
import { errorOfRecord } from "./skip-reasons";

/** A step attempt as the engine journals it; JSON columns are JSON text (or null). */
export interface StepRow {
  runId: string;
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
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  restarts: number;
}

export interface IterationRow {
  runId: string;
  loop: string;
  index: number;
  status: string;
  detail: string | null;
  startedAt: number;
  endedAt: number;
}

/** A step attempt read back: JSON columns parsed. */
export interface LoggedStep {
  iteration: string;
  action: string;
  attempt: number;
  seq: number;
  type: string;
  status: string;
  code: string | null;
  /** undefined: the step has none (not the JSON value null). */
  inputs: JsonValue | undefined;
  outputs: JsonValue | undefined;
  error: JsonValue | null;
  state: JsonValue | undefined;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  restarts: number;
}

export interface LoggedIteration {
  loop: string;
  index: number;
  status: string;
  detail: JsonValue | null;
  startedAt: number;
  endedAt: number;
}

export interface LoggedVariable {
  name: string;
  type: string;
  value: JsonValue;
}

/** A run's log folded: the last record of every attempt (by seq, then attempt), iteration and variable. */
export interface RunLog {
  steps: LoggedStep[];
  iterations: LoggedIteration[];
  variables: LoggedVariable[];
}

/**
 * JSON text of a string. Records repeat the same few (action names, types, statuses, loop paths):
 * those are quoted once and remembered, up to a bound so a run of a million distinct ones cannot grow it.
 */
const quoted = new Map<string, string>();
const QUOTED_MAX = 10_000;
function text(value: string): string {
  let json = quoted.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    if (quoted.size >= QUOTED_MAX) quoted.clear();
    quoted.set(value, json);
  }
  return json;
}
const SAME_AS_INPUTS = "0";
const raw = (json: string | null): string => json ?? "null";
const unwrap = (value: JsonValue | undefined): JsonValue | undefined =>
  Array.isArray(value) ? (value[0] ?? null) : undefined;

/**
 * A step record; its start is written relative to `base`, the row's base time. Each piece a
 * template adds makes a string of its own (a record of thirty pieces made thirty, most of a run's
 * allocations, and each was copied again into the row), while a flow's steps repeat the same
 * records in every run. So a record is its head (up to the inputs), its middle (inputs to state)
 * and its timing, each remembered per step: a step that repeats itself costs two concatenations.
 */
export function stepRecord(r: StepRow, base: number): string {
  const head = recordHead(r);
  const end = timing(r.startedAt - base, r.endedAt === null ? null : r.endedAt - r.startedAt, r.restarts);
  const last = head.middle;
  if (last && sameMiddle(last, r)) {
    // A record this step has written before: made into one flat string once, then given again.
    if (last.record === undefined || last.end !== end) {
      last.end = end;
      last.record = [head.text, last.text, end].join("");
    }
    return last.record;
  }
  const middle = middleText(r);
  // Only small values are remembered: a step's outputs may be megabytes.
  head.middle =
    middle.length <= REMEMBERED_CHARS
      ? { inputs: r.inputs, outputs: r.outputs, error: r.error, state: r.state, text: middle }
      : undefined;
  return `${head.text}${middle}${end}`;
}

/**
 * The record caches keep small texts only, for a bounded number of steps and variables: a few
 * megabytes at most, however many flows run.
 */
const REMEMBERED_CHARS = 300;
const REMEMBERED_MAX = 4_000;

/** `["S",iteration,action,attempt,seq,"type","status",code,` and the last middle written after it. */
interface RecordHead {
  readonly attempt: number;
  readonly seq: number;
  readonly type: string;
  readonly status: string;
  readonly code: string | null;
  readonly text: string;
  middle?: RecordMiddle;
}

/** `[inputs],outputs,error,[state],`, the texts it was made of, and the last whole record with it. */
interface RecordMiddle {
  readonly inputs: string | null;
  readonly outputs: string | null;
  readonly error: string | null;
  readonly state: string | null;
  readonly text: string;
  end?: string;
  record?: string;
}

/** A step's recent heads, by action then iteration; REMEMBERED_MAX of them at most. */
const heads = new Map<string, Map<string, RecordHead[]>>();
let headCount = 0;
/** Heads kept per step: a step is executed in some runs and skipped in others, at other places. */
const HEADS_PER_STEP = 4;

function recordHead(r: StepRow): RecordHead {
  let byIteration = heads.get(r.action);
  let recent = byIteration?.get(r.iteration);
  for (const h of recent ?? []) {
    if (
      h.seq === r.seq &&
      h.attempt === r.attempt &&
      h.status === r.status &&
      h.code === r.code &&
      h.type === r.type
    )
      return h;
  }
  const head: RecordHead = {
    attempt: r.attempt,
    seq: r.seq,
    type: r.type,
    status: r.status,
    code: r.code,
    // Joined: one flat string, read as it is by every record that starts with it.
    text: [
      `["S",${text(r.iteration)},${text(r.action)},`,
      `${r.attempt},${r.seq},`,
      `${text(r.type)},${text(r.status)},`,
      r.code === null ? "null," : `${text(r.code)},`,
    ].join(""),
  };
  if (headCount >= REMEMBERED_MAX) {
    heads.clear();
    headCount = 0;
    byIteration = undefined;
    recent = undefined;
  }
  if (!byIteration) {
    byIteration = new Map();
    heads.set(r.action, byIteration);
  }
  if (!recent) {
    recent = [];
    byIteration.set(r.iteration, recent);
  }
  if (recent.length >= HEADS_PER_STEP) recent.shift();
  else headCount++;
  recent.push(head);
  return head;
}

function sameMiddle(middle: RecordMiddle, r: StepRow): boolean {
  return (
    middle.inputs === r.inputs &&
    middle.outputs === r.outputs &&
    middle.error === r.error &&
    middle.state === r.state
  );
}

/** `[inputs],outputs,error,[state],` */
function middleText(r: StepRow): string {
  const outputs =
    r.outputs !== null && r.outputs === r.inputs ? SAME_AS_INPUTS_FIELD : wrappedField(r.outputs);
  return `${wrappedField(r.inputs)}${outputs}${r.error === null ? "null," : `${r.error},`}${wrappedField(r.state)}`;
}

const SAME_AS_INPUTS_FIELD = `${SAME_AS_INPUTS},`;
const wrappedField = (json: string | null): string => (json === null ? "null," : `[${json}],`);

/** Small timings (a start 0 ms after the base, a step of 0 ms) repeat in every run. */
const SMALL = 256;
const timingTexts: string[][] = [];
const small = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < SMALL;

/** `start,duration,restarts]`, the record's end. */
function timing(start: number, duration: number | null, restarts: number): string {
  if (restarts !== 0 || duration === null || !small(start) || !small(duration))
    return `${start},${duration === null ? "null" : duration},${restarts}]`;
  let byStart = timingTexts[start];
  if (!byStart) {
    byStart = [];
    timingTexts[start] = byStart;
  }
  let text = byStart[duration];
  if (text === undefined) {
    text = `${start},${duration},0]`;
    byStart[duration] = text;
  }
  return text;
}

export function iterationRecord(r: IterationRow): string {
  return `["i",${text(r.loop)},${r.index},${text(r.status)},${raw(r.detail)},${r.startedAt},${r.endedAt}]`;
}

/** The last record of each variable name: a variable often ends a run with the value it had in the last. */
const lastVariableRecords = new Map<string, { type: string; valueJson: string; record: string }>();

export function variableRecord(name: string, type: string, valueJson: string): string {
  const last = lastVariableRecords.get(name);
  if (last && last.type === type && last.valueJson === valueJson) return last.record;
  const record = `["v",${text(name)},${text(type)},${valueJson}]`;
  if (valueJson.length > REMEMBERED_CHARS) {
    lastVariableRecords.delete(name);
    return record;
  }
  if (lastVariableRecords.size >= REMEMBERED_MAX) lastVariableRecords.clear();
  lastVariableRecords.set(name, { type, valueJson, record });
  return record;
}

/** The `entries` text of one log row: its base time, then its records. */
export function logEntries(base: number, records: readonly string[]): string {
  return `[${base},${records.join(",")}]`;
}

/** Thrown when a log row is not what the journal writes (a damaged database). */
export class RunLogError extends Error {
  constructor(runId: string, detail: string) {
    super(`The journal of run ${runId} is damaged: ${detail}`);
    this.name = "RunLogError";
  }
}

/** Folds a run's log rows (in commit order) into its steps, iterations and variables. */
export function foldRunLog(runId: string, rows: readonly string[]): RunLog {
  const steps = new Map<string, LoggedStep>();
  const iterations = new Map<string, LoggedIteration>();
  const variables = new Map<string, LoggedVariable>();
  for (const entries of rows) {
    let records: unknown;
    try {
      records = JSON.parse(entries);
    } catch (error) {
      throw new RunLogError(runId, `a log row is not JSON (${(error as Error).message})`);
    }
    if (!Array.isArray(records)) throw new RunLogError(runId, "a log row is not a list of records");
    let base = 0;
    let first = 0;
    if (typeof records[0] === "number") {
      base = records[0];
      first = 1;
    }
    for (let k = first; k < records.length; k++) {
      const record: unknown = records[k];
      if (!Array.isArray(record)) throw new RunLogError(runId, "a record is not a list");
      const r = record as JsonValue[];
      switch (r[0]) {
        case "S": {
          const startedAt = base + (r[12] as number);
          const durationMs = r[13] as number | null;
          addStep(
            steps,
            r,
            startedAt,
            durationMs === null ? null : startedAt + durationMs,
            durationMs,
            r[14],
          );
          break;
        }
        case "s":
          addStep(steps, r, r[12] as number, r[13] as number | null, r[14] as number | null, r[15]);
          break;
        case "i": {
          const iteration: LoggedIteration = {
            loop: r[1] as string,
            index: r[2] as number,
            status: r[3] as string,
            detail: r[4] ?? null,
            startedAt: r[5] as number,
            endedAt: r[6] as number,
          };
          iterations.set(`${iteration.loop}\u0000${iteration.index}`, iteration);
          break;
        }
        case "v":
          variables.set(r[1] as string, { name: r[1] as string, type: r[2] as string, value: r[3] ?? null });
          break;
        default:
          throw new RunLogError(runId, `unknown record kind ${JSON.stringify(r[0])}`);
      }
    }
  }
  return {
    steps: [...steps.values()].sort((a, b) => a.seq - b.seq || a.attempt - b.attempt),
    iterations: [...iterations.values()].sort((a, b) =>
      a.loop < b.loop ? -1 : a.loop > b.loop ? 1 : a.index - b.index,
    ),
    variables: [...variables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  };
}

/** Files a step record ("S" or the older "s", whose times are read by the caller) under its attempt. */
function addStep(
  steps: Map<string, LoggedStep>,
  r: JsonValue[],
  startedAt: number,
  endedAt: number | null,
  durationMs: number | null,
  restarts: JsonValue | undefined,
): void {
  const action = r[2] as string;
  const step: LoggedStep = {
    iteration: r[1] as string,
    action,
    attempt: r[3] as number,
    seq: r[4] as number,
    type: r[5] as string,
    status: r[6] as string,
    code: r[7] as string | null,
    inputs: unwrap(r[8]),
    outputs: r[9] === 0 ? unwrap(r[8]) : unwrap(r[9]),
    error: errorOfRecord(action, r[10]),
    state: unwrap(r[11]),
    startedAt,
    endedAt,
    durationMs,
    restarts: restarts as number,
  };
  steps.set(`${step.iteration}\u0000${step.action}\u0000${step.attempt}`, step);
}

/** Reads and folds one run's log with a statement `SELECT entries FROM run_log WHERE run_id = ? ORDER BY n`. */
export function readRunLog(statement: Statement, runId: string): RunLog {
  return foldRunLog(runId, statement.pluck().all(runId) as string[]);
}

export const RUN_LOG_SELECT = "SELECT entries FROM run_log WHERE run_id = ? ORDER BY n";
