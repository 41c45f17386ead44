// The workflow list: published flows and the sandbox company's built-in approval workflows in one
// list, filtered, sorted (by name unless asked otherwise: workflow-sort.ts), paged. The workflows table is small (one row per published flow)
// and read whole; the runs table is large, so each entry's last run comes from one query for the
// page's flows that walks the engine's (flow_id, started_at) index once per flow.
import type { Database, Statement } from "better-sqlite3";
import { ApiError } from "../../../shared/api";
import { bcTable, findOperation } from "../../../shared/connectors";
import type { Sandbox } from "../sandbox";
import type { BuiltInWorkflow } from "../sandbox/types";
import { tableOfPage } from "../triggers/pages";
import { listWords } from "../triggers/words";
import type { LastRun, WorkflowEntry, WorkflowPage, WorkflowQuery } from "./types";
import { compareWorkflows } from "./workflow-sort";
import { pagesOfColumn, type WorkflowRow } from "./workflow-store";

type ListRow = Omit<WorkflowRow, "changed_at" | "schedule_base" | "schedule_cursor">;

interface LastRunRow {
  flow_id: string;
  id: string;
  status: LastRun["status"];
  flow_version: number | null;
  started_at: number;
  ended_at: number | null;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 5_000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export class WorkflowList {
  private readonly s: {
    rows: Statement<{ kind: string | null; status: string | null }, ListRow>;
    count: Statement<[], number>;
    lastRuns: Statement<[string], LastRunRow>;
    draftRevision: Statement<[string, number], { draft_revision: number; draft_now: number; same: 0 | 1 }>;
  };

  constructor(
    db: Database,
    private readonly sandbox: Sandbox,
  ) {
    this.s = {
      // A flow in the recycle bin (turned off as it went) leaves the list until it is restored.
      rows: db.prepare(
        `SELECT flow_id, version, name, kind, status, suspended_reason, trigger_summary, pages, published_by,
           published_at, missed_policy, missed_count, missed_capped, missed_first_at, missed_last_at,
           missed_detected_at, missed_action, start_problem, start_problem_at, start_problems
         FROM workflows
         WHERE (@kind IS NULL OR kind = @kind) AND (@status IS NULL OR status = @status)
           AND NOT EXISTS (SELECT 1 FROM flows WHERE id = flow_id AND deleted_at IS NOT NULL)`,
      ),
      count: db
        .prepare<[], number>(
          `SELECT count(*) FROM workflows
           WHERE NOT EXISTS (SELECT 1 FROM flows WHERE id = flow_id AND deleted_at IS NOT NULL)`,
        )
        .pluck(),
      // The draft revision each version was published from (My flows compares the draft's with it),
      // and whether the draft is that version again (an edit undone, a restore taken back).
      draftRevision: db.prepare(
        `SELECT v.draft_revision, f.revision AS draft_now, f.definition = v.definition AS same
         FROM flow_versions AS v JOIN flows AS f ON f.id = v.flow_id
         WHERE v.flow_id = ? AND v.version = ?`,
      ),
      // Published runs only: the workflow list is about what ran from the list, not designer tests.
      lastRuns: db.prepare(
        `SELECT j.value AS flow_id, r.id, r.status, r.flow_version, r.started_at, r.ended_at
         FROM json_each(?) AS j
         JOIN runs AS r ON r.id = (
           SELECT id FROM runs WHERE flow_id = j.value AND mode = 'published'
           ORDER BY started_at DESC, id DESC LIMIT 1)`,
      ),
    };
  }

  list(query: WorkflowQuery = {}): WorkflowPage {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(query.limit ?? DEFAULT_LIMIT)));
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const search = query.search?.trim().toLocaleLowerCase() || undefined;
    let forTable: string | undefined;
    if (query.forPage !== undefined) {
      forTable = tableOfPage(query.forPage);
      if (!forTable)
        throw new ApiError({
          code: "invalid_input",
          message: `'${query.forPage}' is not a page of the sandbox's Business Central.`,
        });
    }

    const entries: WorkflowEntry[] = [];
    let builtIn: BuiltInWorkflow[] | undefined;
    const rows = this.s.rows.all({ kind: query.kind ?? null, status: query.status ?? null });
    for (const row of rows) {
      if (search !== undefined && !row.name.toLocaleLowerCase().includes(search)) continue;
      if (forTable !== undefined && !offeredOn(row.pages, forTable)) continue;
      entries.push(toEntry(row));
    }
    if (!query.excludeBuiltIn && forTable === undefined && (query.kind ?? "automated") === "automated") {
      builtIn = this.sandbox.listBuiltInWorkflows();
      for (const workflow of builtIn) {
        const entry = builtInEntry(workflow);
        if (query.status !== undefined && entry.status !== query.status) continue;
        if (search !== undefined && !entry.name.toLocaleLowerCase().includes(search)) continue;
        entries.push(entry);
      }
    }
    // Sorting by last run needs every entry's; otherwise only the page's are looked up.
    const sort = query.sort ?? "name";
    if (sort === "lastRun") this.attachLastRuns(entries);
    entries.sort(compareWorkflows(sort, query.direction ?? "ascending"));
    const items = entries.slice((page - 1) * limit, page * limit);
    if (sort !== "lastRun") this.attachLastRuns(items);
    this.attachDraftRevisions(items);
    this.attachPublisherNames(items);
    const unfiltered = !query.kind && !query.status && search === undefined && forTable === undefined;
    const all = unfiltered
      ? entries.length
      : (this.s.count.get() ?? 0) +
        (query.excludeBuiltIn ? 0 : (builtIn ?? this.sandbox.listBuiltInWorkflows()).length);
    return { items, total: entries.length, all, page, limit };
  }

  /** One entry (after a change), with its last run. */
  entry(row: ListRow): WorkflowEntry {
    const entry = toEntry(row);
    this.attachDraftRevisions([entry]);
    this.attachLastRuns([entry]);
    this.attachPublisherNames([entry]);
    return entry;
  }

  /** Names for the page's publishers only (a page is short; the list may be long). */
  private attachPublisherNames(items: WorkflowEntry[]): void {
    const names = new Map<string, string>();
    for (const item of items) {
      if (item.publishedBy === null) continue;
      let name = names.get(item.publishedBy);
      if (name === undefined) {
        name = this.sandbox.displayName(item.publishedBy);
        names.set(item.publishedBy, name);
      }
      item.publishedByName = name;
    }
  }

  /** For the page's published flows: the draft revision their running version came from. */
  private attachDraftRevisions(items: WorkflowEntry[]): void {
    for (const item of items) {
      if (item.builtIn || item.version === null) continue;
      const row = this.s.draftRevision.get(item.id, item.version);
      // A draft saved back to exactly what runs has no changes to publish: it counts from now.
      item.publishedFromRevision = row ? (row.same ? row.draft_now : row.draft_revision) : null;
    }
  }

  private attachLastRuns(items: WorkflowEntry[]): void {
    const ids = items.filter((item) => !item.builtIn).map((item) => item.id);
    if (ids.length === 0) return;
    const byFlow = new Map<string, WorkflowEntry>(items.map((item) => [item.id, item]));
    for (const run of this.s.lastRuns.all(JSON.stringify(ids))) {
      const entry = byFlow.get(run.flow_id);
      if (!entry) continue;
      entry.lastRun = {
        runId: run.id,
        status: run.status,
        version: run.flow_version,
        startedAt: new Date(run.started_at).toISOString(),
        endedAt: iso(run.ended_at),
      };
    }
  }
}

function offeredOn(pages: string | null, table: string): boolean {
  return pages === "*" || (pages?.includes(`,${table},`) ?? false);
}

function toEntry(row: ListRow): WorkflowEntry {
  return {
    id: row.flow_id,
    builtIn: false,
    name: row.name,
    kind: row.kind,
    triggerSummary: row.trigger_summary,
    status: row.status,
    suspendedReason: row.suspended_reason,
    version: row.version,
    publishedFromRevision: null,
    publishedBy: row.published_by,
    publishedByName: null,
    publishedAt: new Date(row.published_at).toISOString(),
    lastRun: null,
    missed:
      row.kind === "scheduled"
        ? {
            policy: row.missed_policy,
            count: row.missed_count,
            capped: row.missed_capped === 1,
            firstAt: iso(row.missed_first_at),
            lastAt: iso(row.missed_last_at),
            detectedAt: iso(row.missed_detected_at),
            action: row.missed_action,
          }
        : null,
    pages: row.kind === "instant" ? pagesOfColumn(row.pages) : null,
    startsBy: null,
    startProblems:
      row.start_problems > 0
        ? {
            count: row.start_problems,
            last: row.start_problem ?? "",
            lastAt: new Date(row.start_problem_at ?? 0).toISOString(),
          }
        : null,
  };
}

export function builtInSummary(workflow: Pick<BuiltInWorkflow, "triggerOperationId" | "tables">): string {
  const operation = findOperation("shared_dynamicssmbsaas", workflow.triggerOperationId);
  const base = operation?.displayName ?? "When an approval is requested";
  const all = operation?.approvalTables ?? [];
  if (all.length > 0 && workflow.tables.length === all.length) return base;
  return `${base} (${listWords(workflow.tables.map((t) => bcTable(t)?.title ?? t))})`;
}

export function builtInEntry(workflow: BuiltInWorkflow): WorkflowEntry {
  return {
    id: workflow.id,
    builtIn: true,
    name: workflow.name,
    kind: "automated",
    triggerSummary: builtInSummary(workflow),
    status: workflow.enabled ? "enabled" : "disabled",
    suspendedReason: null,
    version: null,
    publishedFromRevision: null,
    publishedBy: null,
    publishedByName: null,
    publishedAt: null,
    lastRun: null,
    missed: null,
    pages: null,
    startsBy: null,
    startProblems: null,
    description: workflow.description,
  };
}
