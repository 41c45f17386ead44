// The workflows table: one row per published flow, with its status and its schedule's bookkeeping.
// Each method is one statement; the publisher groups them in its transactions.
import type { Database, Statement } from "better-sqlite3";
import type { FlowKind } from "../../../shared/api";
import type { MissedPolicy, WorkflowStatus } from "./types";

export interface WorkflowRow {
  flow_id: string;
  version: number;
  name: string;
  kind: FlowKind;
  status: WorkflowStatus;
  suspended_reason: string | null;
  trigger_summary: string;
  pages: string | null;
  published_by: string;
  published_at: number;
  changed_at: number;
  missed_policy: MissedPolicy;
  schedule_base: number | null;
  schedule_cursor: number | null;
  missed_count: number;
  missed_capped: number;
  missed_first_at: number | null;
  missed_last_at: number | null;
  missed_detected_at: number | null;
  missed_action: "ran-once" | "skipped" | null;
  start_problem: string | null;
  start_problem_at: number | null;
  start_problems: number;
}

export interface PublishedRow {
  flowId: string;
  version: number;
  name: string;
  kind: FlowKind;
  status: WorkflowStatus;
  triggerSummary: string;
  pages: string | null;
  publishedBy: string;
  publishedAt: number;
  /** Scheduled flows: base and cursor start at the publish time. */
  scheduleAt: number | null;
}

export interface MissedRecord {
  count: number;
  capped: boolean;
  firstAt: number | null;
  lastAt: number | null;
  detectedAt: number;
  action: "ran-once" | "skipped";
}

/** pages column: ",vendors,customers," so that LIKE '%,vendors,%' finds one; "*" for every page. */
export function pagesColumn(tables: readonly string[] | null, everywhere: boolean): string | null {
  if (everywhere) return "*";
  return tables === null ? null : `,${tables.join(",")},`;
}

export function pagesOfColumn(column: string | null): string[] | null {
  if (column === null) return null;
  if (column === "*") return ["*"];
  return column.split(",").filter((t) => t !== "");
}

export class WorkflowStore {
  private readonly s: {
    get: Statement<[string], WorkflowRow>;
    upsert: Statement;
    status: Statement;
    remove: Statement<[string]>;
    enabled: Statement<[], WorkflowRow>;
    suspended: Statement<[], WorkflowRow>;
    cursor: Statement<[number, string]>;
    missed: Statement;
    policy: Statement<[MissedPolicy, string]>;
    problem: Statement<[string, number, string]>;
    dismissProblems: Statement<[string]>;
  };

  constructor(db: Database) {
    this.s = {
      get: db.prepare("SELECT * FROM workflows WHERE flow_id = ?"),
      // A new version replaces what the row says about the flow (the problems that kept the last one
      // from starting among it); the missed-occurrence policy stays.
      upsert: db.prepare(
        `INSERT INTO workflows (flow_id, version, name, kind, status, suspended_reason, trigger_summary, pages,
           published_by, published_at, changed_at, schedule_base, schedule_cursor)
         VALUES (@flowId, @version, @name, @kind, @status, NULL, @triggerSummary, @pages, @publishedBy,
           @publishedAt, @publishedAt, @scheduleAt, @scheduleAt)
         ON CONFLICT (flow_id) DO UPDATE SET version = excluded.version, name = excluded.name,
           kind = excluded.kind, status = excluded.status, suspended_reason = NULL,
           trigger_summary = excluded.trigger_summary, pages = excluded.pages,
           published_by = excluded.published_by, published_at = excluded.published_at,
           changed_at = excluded.changed_at, schedule_base = excluded.schedule_base,
           schedule_cursor = excluded.schedule_cursor, start_problem = NULL, start_problem_at = NULL,
           start_problems = 0`,
      ),
      status: db.prepare(
        `UPDATE workflows SET status = @status, suspended_reason = @reason, changed_at = @now,
           schedule_cursor = coalesce(@cursor, schedule_cursor)
         WHERE flow_id = @flowId`,
      ),
      remove: db.prepare("DELETE FROM workflows WHERE flow_id = ?"),
      enabled: db.prepare("SELECT * FROM workflows WHERE status = 'enabled' ORDER BY flow_id"),
      suspended: db.prepare("SELECT * FROM workflows WHERE status = 'suspended' ORDER BY flow_id"),
      cursor: db.prepare("UPDATE workflows SET schedule_cursor = ? WHERE flow_id = ?"),
      missed: db.prepare(
        `UPDATE workflows SET missed_count = @count, missed_capped = @capped, missed_first_at = @firstAt,
           missed_last_at = @lastAt, missed_detected_at = @detectedAt, missed_action = @action,
           schedule_cursor = @detectedAt
         WHERE flow_id = @flowId`,
      ),
      policy: db.prepare("UPDATE workflows SET missed_policy = ? WHERE flow_id = ?"),
      problem: db.prepare(
        `UPDATE workflows SET start_problem = ?, start_problem_at = ?, start_problems = start_problems + 1
         WHERE flow_id = ?`,
      ),
      dismissProblems: db.prepare(
        "UPDATE workflows SET start_problem = NULL, start_problem_at = NULL, start_problems = 0 WHERE flow_id = ?",
      ),
    };
  }

  get(flowId: string): WorkflowRow | undefined {
    return this.s.get.get(flowId);
  }

  upsert(row: PublishedRow): void {
    this.s.upsert.run(row);
  }

  /**
   * Changes the status. `cursor` (when turning a schedule on) restarts its count from now: what
   * fell due while it was off is not missed, it was not wanted.
   */
  setStatus(
    flowId: string,
    status: WorkflowStatus,
    reason: string | null,
    now: number,
    cursor?: number,
  ): void {
    this.s.status.run({ flowId, status, reason, now, cursor: cursor ?? null });
  }

  remove(flowId: string): boolean {
    return this.s.remove.run(flowId).changes > 0;
  }

  enabled(): WorkflowRow[] {
    return this.s.enabled.all();
  }

  suspended(): WorkflowRow[] {
    return this.s.suspended.all();
  }

  /** The schedule has fired (or accounted for) every occurrence up to `at`. */
  setCursor(flowId: string, at: number): void {
    this.s.cursor.run(at, flowId);
  }

  recordMissed(flowId: string, missed: MissedRecord): void {
    this.s.missed.run({ flowId, ...missed, capped: missed.capped ? 1 : 0 });
  }

  /** The flow's trigger fired but no run started: keeps the last reason and counts them. */
  recordStartProblem(flowId: string, message: string, at: number): void {
    this.s.problem.run(message, at, flowId);
  }

  /** False when the flow is not on the workflow list. */
  dismissStartProblems(flowId: string): boolean {
    return this.s.dismissProblems.run(flowId).changes > 0;
  }

  setMissedPolicy(flowId: string, policy: MissedPolicy): boolean {
    return this.s.policy.run(policy, flowId).changes > 0;
  }
}
