// The read side of the journal, for the Runs page and the run panel: one run with every step, a page
// of runs (keyset paging on started_at, id: as fast on page 2,000 as on page 1), the pending waits.
import type { Database, Statement } from "better-sqlite3";
import {
  allActions,
  NOT_SECURED,
  type SecuredData,
  securedData,
  type WdlDefinition,
} from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { RUN_LOG_SELECT, readRunLog } from "./run-log";
import { stepPath } from "./run-state";
import { isSealedValue } from "./sealed-values";
import type { FinalStatus, RunStatus, StepStatus } from "./status";
import type {
  ErrorInfo,
  IterationRecord,
  ListRunsQuery,
  RunDetail,
  RunMode,
  RunPage,
  RunSummary,
  StepRecord,
  WaitKind,
  WaitRecord,
} from "./types";

/** The steps whose inputs or outputs run history must not show, by name. */
function securedSteps(definition: WdlDefinition): Map<string, SecuredData> {
  const out = new Map<string, SecuredData>();
  for (const { name, action } of allActions(definition)) {
    const secured = securedData(action);
    if (secured.inputs || secured.outputs) out.set(name, secured);
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const parse = (text: string | null): JsonValue | null =>
  text === null ? null : (JSON.parse(text) as JsonValue);

interface RunRow {
  id: string;
  flow_id: string;
  flow_name: string;
  flow_version: number | null;
  mode: RunMode;
  trigger_name: string;
  status: RunStatus;
  started_at: number;
  ended_at: number | null;
  error: string | null;
  resubmitted_from: string | null;
}

const SUMMARY_COLUMNS =
  "id, flow_id, flow_name, flow_version, mode, trigger_name, status, started_at, ended_at, error, resubmitted_from";

function summary(row: RunRow): RunSummary {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowName: row.flow_name,
    flowVersion: row.flow_version,
    mode: row.mode,
    triggerName: row.trigger_name,
    status: row.status,
    startedAt: iso(row.started_at),
    endedAt: row.ended_at === null ? null : iso(row.ended_at),
    durationMs: row.ended_at === null ? null : row.ended_at - row.started_at,
    error: parse(row.error) as ErrorInfo | null,
    resubmittedFrom: row.resubmitted_from,
  };
}

function toMs(value: number | string, name: string): number {
  const ms = typeof value === "number" ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be epoch milliseconds or an ISO 8601 date`);
  return ms;
}

export function encodeCursor(startedAt: number, id: string): string {
  return Buffer.from(JSON.stringify([startedAt, id])).toString("base64url");
}

export function decodeCursor(cursor: string): { startedAt: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string") {
      return { startedAt: value[0], id: value[1] };
    }
  } catch {
    // reported below
  }
  throw new RangeError("cursor is not one that listRuns returned");
}

/** The condition of the partial index runs_by_status (migration 7). */
export const UNSUCCESSFUL = "status <> 'Succeeded'";

/** The SQL of a page of runs (one row more than the limit, to know whether another page follows). */
export function buildListQuery(query: ListRunsQuery): {
  sql: string;
  params: (string | number)[];
  limit: number;
} {
  const limit = Math.max(1, Math.min(500, Math.trunc(query.limit ?? 50)));
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.flowId !== undefined) {
    where.push("flow_id = ?");
    params.push(query.flowId);
  }
  const statuses =
    query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status];
  if (statuses.length === 1) {
    where.push("status = ?");
    params.push(statuses[0] as string);
  } else if (statuses.length > 1) {
    where.push(`status IN (${statuses.map(() => "?").join(", ")})`);
    params.push(...statuses);
  }
  // Said in so many words, so that SQLite uses runs_by_status (it holds only runs that did not succeed).
  if (statuses.length > 0 && !statuses.includes("Succeeded")) where.push(UNSUCCESSFUL);
  if (query.mode !== undefined) {
    where.push("mode = ?");
    params.push(query.mode);
  }
  if (query.from !== undefined) {
    where.push("started_at >= ?");
    params.push(toMs(query.from, "from"));
  }
  if (query.to !== undefined) {
    where.push("started_at < ?");
    params.push(toMs(query.to, "to"));
  }
  if (query.cursor !== undefined && query.cursor !== "") {
    const cursor = decodeCursor(query.cursor);
    where.push("(started_at, id) < (?, ?)");
    params.push(cursor.startedAt, cursor.id);
  }
  params.push(limit + 1);
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM runs${where.length > 0 ? ` WHERE ${where.join(" AND ")}` : ""} ORDER BY started_at DESC, id DESC LIMIT ?`;
  return { sql, params, limit };
}

export class RunQueries {
  private readonly listStatements = new Map<string, Statement>();
  private readonly runStatement: Statement;
  private readonly detailStatement: Statement;
  private readonly logStatement: Statement;
  private readonly runWaitsStatement: Statement;
  private readonly allWaitsStatement: Statement;

  constructor(private readonly db: Database) {
    this.runStatement = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`);
    // The definition is parsed afresh: callers may change what they get, never the engine's snapshot.
    this.detailStatement = db.prepare(
      `SELECT d.definition, r.trigger_outputs, r.response,
         r.status = 'Waiting' AND EXISTS (SELECT 1 FROM run_queue q WHERE q.run_id = r.id) AS queued
       FROM runs r JOIN run_definitions d ON d.hash = r.definition_hash WHERE r.id = ?`,
    );
    this.logStatement = db.prepare(RUN_LOG_SELECT);
    const waitColumns = `w.id, w.run_id, r.flow_id, w.iteration, w.action, w.attempt, w.kind, w.token, w.resume_at,
      w.description, w.created_at FROM run_waits w JOIN runs r ON r.id = w.run_id`;
    this.runWaitsStatement = db.prepare(
      `SELECT ${waitColumns} WHERE w.run_id = ? ORDER BY w.created_at, w.id`,
    );
    this.allWaitsStatement = db.prepare(`SELECT ${waitColumns} ORDER BY w.created_at, w.id`);
  }

  summary(runId: string): RunSummary | undefined {
    const row = this.runStatement.get(runId) as RunRow | undefined;
    return row ? summary(row) : undefined;
  }

  getRun(runId: string): RunDetail | undefined {
    const row = this.runStatement.get(runId) as RunRow | undefined;
    if (!row) return undefined;
    const detail = this.detailStatement.get(runId) as {
      definition: string;
      trigger_outputs: string;
      response: string | null;
      queued: number;
    };
    const log = readRunLog(this.logStatement, runId);
    const definition = JSON.parse(detail.definition) as WdlDefinition;
    const secured = securedSteps(definition);
    const trigger = Object.values(definition.triggers ?? {})[0];
    const triggerSecured = securedData(trigger).outputs;
    const steps = log.steps.map((s): StepRecord => {
      const hide = secured.get(s.action) ?? NOT_SECURED;
      return {
        action: s.action,
        iteration: s.iteration,
        path: stepPath(s.iteration, s.action),
        attempt: s.attempt,
        seq: s.seq,
        type: s.type,
        status: s.status as StepStatus,
        code: s.code,
        inputs: hide.inputs ? null : (s.inputs ?? null),
        outputs: hide.outputs ? null : (s.outputs ?? null),
        error: s.error as ErrorInfo | null,
        state: s.state ?? null,
        startedAt: iso(s.startedAt),
        endedAt: s.endedAt === null ? null : iso(s.endedAt),
        durationMs: s.durationMs,
        restarts: s.restarts,
        secured: (["inputs", "outputs"] as const).filter((what) => hide[what]),
      };
    });
    const iterations = log.iterations.map(
      (it): IterationRecord => ({
        loop: it.loop,
        index: it.index,
        status: it.status as FinalStatus,
        startedAt: iso(it.startedAt),
        endedAt: iso(it.endedAt),
        detail: it.detail,
      }),
    );
    const variables: JsonObject = {};
    // A variable set from secured inputs is hidden as they are.
    for (const v of log.variables) variables[v.name] = isSealedValue(v.value) ? null : v.value;
    return {
      ...summary(row),
      definition,
      triggerOutputs: triggerSecured ? null : (JSON.parse(detail.trigger_outputs) as JsonValue),
      triggerSecured,
      queued: detail.queued === 1,
      response: parse(detail.response),
      steps,
      iterations,
      variables,
      waits: (this.runWaitsStatement.all(runId) as WaitRow[]).map(waitRecord),
    };
  }

  listRuns(query: ListRunsQuery = {}): RunPage {
    const { sql, params, limit } = buildListQuery(query);
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    const rows = statement.all(...params) as RunRow[];
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      runs: page.map(summary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.started_at, last.id) : null,
    };
  }

  pendingWaits(): WaitRecord[] {
    return (this.allWaitsStatement.all() as WaitRow[]).map(waitRecord);
  }
}

interface WaitRow {
  id: string;
  run_id: string;
  flow_id: string;
  iteration: string;
  action: string;
  attempt: number;
  kind: WaitKind;
  token: string | null;
  resume_at: number | null;
  description: string | null;
  created_at: number;
}

function waitRecord(w: WaitRow): WaitRecord {
  return {
    id: w.id,
    runId: w.run_id,
    flowId: w.flow_id,
    action: w.action,
    iteration: w.iteration,
    path: stepPath(w.iteration, w.action),
    attempt: w.attempt,
    kind: w.kind,
    token: w.token,
    resumeAt: w.resume_at === null ? null : iso(w.resume_at),
    description: w.description,
    createdAt: iso(w.created_at),
  };
}
