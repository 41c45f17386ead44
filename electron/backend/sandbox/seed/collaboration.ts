// The company's Teams, Excel workbooks and built-in approval workflows.
import { APPROVAL_TRIGGERS } from "../tables";
import type {
  ApprovalEventKind,
  BuiltInWorkflow,
  ExcelRow,
  Person,
  TeamsChat,
  TeamsTeam,
  Workbook,
} from "../types";
import type { SeedContext } from "./context";

const TEAMS: readonly { name: string; description: string; channels: readonly string[] }[] = [
  { name: "Finance", description: "Finance and accounting", channels: ["General", "Approvals", "Payments"] },
  {
    name: "Purchasing",
    description: "Buyers and vendor management",
    channels: ["General", "Vendor updates"],
  },
  { name: "Sales", description: "Sales team", channels: ["General", "Big deals"] },
  { name: "All Company", description: "Everyone at CRONUS Demo", channels: ["General", "Announcements"] },
];

export function demoTeams(ctx: SeedContext): TeamsTeam[] {
  return TEAMS.map((team) => {
    const id = ctx.rng.guid();
    return {
      id,
      displayName: team.name,
      description: team.description,
      channels: team.channels.map((channel) => ({
        id: `19:${ctx.rng.guid().replace(/-/g, "")}@thread.tacv2`,
        teamId: id,
        displayName: channel,
        description:
          channel === "General" ? `General discussion of ${team.name}` : `${channel} of ${team.name}`,
      })),
    };
  });
}

export function demoChats(ctx: SeedContext, people: readonly Person[]): TeamsChat[] {
  const emails = (test: (p: Person) => boolean) => people.filter(test).map((p) => p.email);
  return [
    {
      id: `19:${ctx.rng.guid().replace(/-/g, "")}@thread.v2`,
      kind: "group",
      topic: "Month-end close",
      members: emails((p) => p.department === "Finance"),
    },
    {
      id: `19:${ctx.rng.guid().replace(/-/g, "")}@thread.v2`,
      kind: "group",
      topic: "Purchasing leads",
      members: emails((p) => p.department === "Purchasing"),
    },
  ];
}

/** The one document library the workbooks live in, known by its id or its name. */
export const DRIVE = { id: "b!cronus-demo-documents", name: "Documents" } as const;

const WORKBOOKS: readonly {
  path: string;
  tables: readonly { name: string; columns: readonly string[] }[];
}[] = [
  {
    path: "/Approvals log.xlsx",
    tables: [
      {
        name: "ApprovalsLog",
        columns: ["Date", "Document", "Vendor", "Amount", "Requested by", "Approver", "Outcome", "Comments"],
      },
    ],
  },
  {
    path: "/Sales report.xlsx",
    tables: [
      { name: "SalesReport", columns: ["Date", "Customer", "Document", "Amount", "Salesperson"] },
      { name: "Targets", columns: ["Salesperson", "Quarter", "Target"] },
    ],
  },
  {
    path: "/Vendor payments.xlsx",
    tables: [
      { name: "BlockedVendors", columns: ["Date", "Vendor number", "Vendor name", "Reason", "Blocked by"] },
    ],
  },
];

export function demoWorkbooks(ctx: SeedContext): { workbooks: Workbook[]; rows: ExcelRow[] } {
  const rows: ExcelRow[] = [];
  const workbooks = WORKBOOKS.map((spec): Workbook => {
    const id = `01${ctx.rng.guid().replace(/-/g, "").slice(0, 30).toUpperCase()}`;
    return {
      id,
      drive: DRIVE.id,
      path: spec.path,
      name: spec.path.slice(1),
      tables: spec.tables.map((table) => ({
        id: `{${ctx.rng.guid().toUpperCase()}}`,
        workbookId: id,
        name: table.name,
        columns: [...table.columns],
        rowCount: 0,
      })),
    };
  });
  const table = (name: string) => workbooks.flatMap((w) => w.tables).find((t) => t.name === name);
  const addRow = (name: string, values: Record<string, string>) => {
    const target = table(name);
    if (!target) return;
    rows.push({ id: ctx.rng.guid(), tableId: target.id, values, createdAt: ctx.pastTime(2, 30) });
    target.rowCount++;
  };
  const invoices = ctx.list("purchaseInvoices").filter((doc) => doc.posted === true);
  for (const invoice of invoices.slice(0, 3)) {
    addRow("ApprovalsLog", {
      Date: String(invoice.invoiceDate),
      Document: String(invoice.number),
      Vendor: String(invoice.vendorName),
      Amount: String(invoice.totalAmountIncludingTax),
      "Requested by": "marcus.bell@cronus-demo.example",
      Approver: "alicia.thornton@cronus-demo.example",
      Outcome: "Approve",
      Comments: "",
    });
  }
  for (const invoice of ctx
    .list("salesInvoices")
    .filter((doc) => doc.posted === true)
    .slice(0, 4)) {
    addRow("SalesReport", {
      Date: String(invoice.invoiceDate),
      Customer: String(invoice.customerName),
      Document: String(invoice.number),
      Amount: String(invoice.totalAmountIncludingTax),
      Salesperson: String(invoice.salesperson),
    });
  }
  for (const code of ["SL", "KW", "EJ", "LO"]) {
    addRow("Targets", { Salesperson: code, Quarter: "Q1", Target: String(ctx.rng.int(8, 30) * 5000) });
  }
  return { workbooks, rows };
}

const WORKFLOWS: readonly {
  name: string;
  kind: ApprovalEventKind;
  tables: readonly string[];
  description: string;
}[] = [
  {
    name: "Purchase invoice approval",
    kind: "purchaseDocument",
    tables: ["purchaseInvoices"],
    description: "Sends purchase invoices to the purchaser's approver, up the approval limits.",
  },
  {
    name: "Purchase order approval",
    kind: "purchaseDocument",
    tables: ["purchaseOrders"],
    description: "Sends purchase orders to the purchaser's approver, up the approval limits.",
  },
  {
    name: "Sales order approval",
    kind: "salesDocument",
    tables: ["salesOrders"],
    description: "Sends sales orders to the salesperson's approver, up the approval limits.",
  },
  {
    name: "Sales invoice approval",
    kind: "salesDocument",
    tables: ["salesInvoices"],
    description: "Sends sales invoices to the salesperson's approver, up the approval limits.",
  },
  {
    name: "Customer credit limit approval",
    kind: "customer",
    tables: ["customers"],
    description: "Asks the requester's manager to approve changes to a customer, such as its credit limit.",
  },
  {
    name: "Vendor approval",
    kind: "vendor",
    tables: ["vendors"],
    description: "Asks the requester's manager to approve a new or changed vendor.",
  },
  {
    name: "Item approval",
    kind: "item",
    tables: ["items"],
    description: "Asks the requester's manager to approve a new or changed item.",
  },
  {
    name: "General journal batch approval",
    kind: "generalJournalBatch",
    tables: ["journals"],
    description: "Asks the requester's manager to approve a journal batch before it is posted.",
  },
  {
    name: "General journal line approval",
    kind: "generalJournalLine",
    tables: ["journalLines"],
    description: "Asks the requester's manager to approve single journal lines.",
  },
];

/** Built in and disabled, as in a new Business Central company: enabling one is a decision. */
export function demoWorkflows(): BuiltInWorkflow[] {
  return WORKFLOWS.map((workflow) => ({
    id: `builtin-${workflow.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    name: workflow.name,
    description: workflow.description,
    eventKind: workflow.kind,
    triggerOperationId: APPROVAL_TRIGGERS[workflow.kind],
    tables: [...workflow.tables],
    enabled: false,
    builtIn: true,
  }));
}
