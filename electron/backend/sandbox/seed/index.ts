// The demo company: generated from a seed number and the day it starts on (same inputs, same
// company, to the last id), then written into the sb_ tables.
import type { Database } from "better-sqlite3";
import { Prng } from "../prng";
import type {
  BcApprovalRequest,
  BuiltInWorkflow,
  ExcelRow,
  Group,
  Person,
  SandboxRecord,
  TeamsChat,
  TeamsTeam,
  Workbook,
} from "../types";
import { demoChats, demoTeams, demoWorkbooks, demoWorkflows } from "./collaboration";
import { requireTable, SeedContext } from "./context";
import { PENDING_APPROVAL, seedDocuments, seededSeries, seedJournals } from "./documents";
import { seedCustomers, seedEmployees, seedItems, seedVendors } from "./parties";
import { demoGroups, demoPeople } from "./people";

export const DEFAULT_SEED = 20260105;

export interface DemoCompany {
  people: Person[];
  groups: Group[];
  /** Records by table, in insertion order. */
  records: Map<string, SandboxRecord[]>;
  series: { table: string; prefix: string; next: number; step: number }[];
  bcRequests: BcApprovalRequest[];
  workflows: BuiltInWorkflow[];
  teams: TeamsTeam[];
  chats: TeamsChat[];
  workbooks: Workbook[];
  excelRows: ExcelRow[];
}

const DAY = 86_400_000;

/** The company for a seed, with dates around the day of `now` (UTC). */
export function generateDemoCompany(now: number, seed = DEFAULT_SEED): DemoCompany {
  const ctx = new SeedContext(new Prng(seed), Math.floor(now / DAY) * DAY);
  const people = demoPeople(() => ctx.rng.guid());
  seedCustomers(ctx, people);
  seedVendors(ctx, people);
  seedItems(ctx);
  seedEmployees(ctx, people);
  seedDocuments(ctx);
  seedJournals(ctx);
  const bcRequests = pendingRequests(ctx, people);
  const { workbooks, rows } = demoWorkbooks(ctx);
  return {
    people,
    groups: demoGroups(people),
    records: ctx.records,
    series: seededSeries(ctx),
    bcRequests,
    workflows: demoWorkflows(),
    teams: demoTeams(ctx),
    chats: demoChats(ctx, people),
    workbooks,
    excelRows: rows,
  };
}

// The seeded "Pending Approval" orders have their open request, sent by their salesperson/purchaser.
function pendingRequests(ctx: SeedContext, people: readonly Person[]): BcApprovalRequest[] {
  return Object.entries(PENDING_APPROVAL).map(([tableName, index]) => {
    const table = requireTable(tableName);
    const record = ctx.list(tableName)[index];
    if (!record || !table.approvalKind) throw new Error(`seed: no pending ${tableName}`);
    const code = String(record.salesperson ?? record.purchaser ?? "");
    const requester = people.find((p) => p.salespersonCode === code || p.purchaserCode === code);
    return {
      id: ctx.rng.guid(),
      table: tableName,
      recordId: String(record.id),
      recordNumber: String(record.number),
      eventKind: table.approvalKind,
      requestedBy: requester?.email ?? "",
      status: "Open",
      workflowId: null,
      approvalId: null,
      createdAt: ctx.pastTime(1, 3),
      completedAt: null,
    };
  });
}

const ms = (isoText: string): number => Date.parse(isoText);

/** Writes the company into the (empty) world tables. */
export function loadDemoCompany(db: Database, company: DemoCompany): void {
  const person = db.prepare(
    `INSERT INTO sb_people (email, id, seq, display_name, given_name, surname, job_title, department,
       manager_email, purchase_limit, sales_limit, unlimited, salesperson_code, purchaser_code)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  company.people.forEach((p, i) => {
    person.run(
      p.email,
      p.id,
      i + 1,
      p.displayName,
      p.givenName,
      p.surname,
      p.jobTitle,
      p.department,
      p.managerEmail,
      p.approvalLimits.purchase,
      p.approvalLimits.sales,
      p.approvalLimits.unlimited ? 1 : 0,
      p.salespersonCode,
      p.purchaserCode,
    );
  });
  const group = db.prepare("INSERT INTO sb_groups (email, display_name, members) VALUES (?, ?, ?)");
  for (const g of company.groups) group.run(g.email, g.displayName, JSON.stringify(g.members));

  const record = db.prepare(
    "INSERT INTO sb_records (tbl, id, number, seq, data, modified_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  for (const [tableName, records] of company.records) {
    const table = requireTable(tableName);
    records.forEach((r, i) => {
      record.run(
        tableName,
        String(r.id),
        String(r[table.numberField] ?? ""),
        i + 1,
        JSON.stringify(r),
        ms(String(r.systemModifiedAt)),
      );
    });
  }
  const series = db.prepare("INSERT INTO sb_number_series (tbl, prefix, next, step) VALUES (?, ?, ?, ?)");
  for (const s of company.series) series.run(s.table, s.prefix, s.next, s.step);

  const request = db.prepare(
    `INSERT INTO sb_bc_requests (id, seq, tbl, record_id, record_number, event_kind, requested_by, status,
       workflow_id, approval_id, created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL)`,
  );
  company.bcRequests.forEach((r, i) => {
    request.run(
      r.id,
      i + 1,
      r.table,
      r.recordId,
      r.recordNumber,
      r.eventKind,
      r.requestedBy,
      r.status,
      ms(r.createdAt),
    );
  });
  const workflow = db.prepare(
    "INSERT INTO sb_workflows (id, seq, name, description, event_kind, tables, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  company.workflows.forEach((w, i) => {
    workflow.run(
      w.id,
      i + 1,
      w.name,
      w.description,
      w.eventKind,
      JSON.stringify(w.tables),
      w.enabled ? 1 : 0,
    );
  });

  const team = db.prepare("INSERT INTO sb_teams (id, seq, display_name, description) VALUES (?, ?, ?, ?)");
  const channel = db.prepare(
    "INSERT INTO sb_channels (id, seq, team_id, display_name, description) VALUES (?, ?, ?, ?, ?)",
  );
  let channelSeq = 0;
  company.teams.forEach((t, i) => {
    team.run(t.id, i + 1, t.displayName, t.description);
    for (const c of t.channels) channel.run(c.id, ++channelSeq, t.id, c.displayName, c.description);
  });
  const chat = db.prepare("INSERT INTO sb_chats (id, seq, kind, topic, members) VALUES (?, ?, ?, ?, ?)");
  company.chats.forEach((c, i) => {
    chat.run(c.id, i + 1, c.kind, c.topic, JSON.stringify(c.members));
  });

  const workbook = db.prepare("INSERT INTO sb_workbooks (id, seq, drive, path) VALUES (?, ?, ?, ?)");
  const excelTable = db.prepare(
    "INSERT INTO sb_excel_tables (id, seq, workbook_id, name, columns) VALUES (?, ?, ?, ?, ?)",
  );
  let tableSeq = 0;
  company.workbooks.forEach((w, i) => {
    workbook.run(w.id, i + 1, w.drive, w.path);
    for (const t of w.tables) excelTable.run(t.id, ++tableSeq, w.id, t.name, JSON.stringify(t.columns));
  });
  const row = db.prepare(
    "INSERT INTO sb_excel_rows (id, seq, table_id, data, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  company.excelRows.forEach((r, i) => {
    row.run(r.id, i + 1, r.tableId, JSON.stringify(r.values), ms(r.createdAt));
  });
}
