// What the publish backend gives and takes. Times are ISO 8601 strings of the simulation clock.
import type {
  DefinitionPayload,
  FlowKind,
  SortDirection,
  WorkflowEntry,
  WorkflowSortKey,
  WorkflowStatus,
} from "../../../shared/api";
import type { ConnectorPolicy } from "../../../shared/checker";
import type { RunFlowField } from "../../../shared/connectors";
import type { JsonObject } from "../../../shared/json";

export type {
  LastRun,
  MissedOccurrences,
  MissedPolicy,
  StartProblems,
  WorkflowEntry,
  WorkflowStatus,
} from "../../../shared/api";

export interface PublishOptions {
  /** "first version", "raise threshold to 10,000". */
  note?: string;
  /** Who publishes (an email or a name). */
  publishedBy: string;
  /** The administrator's connector policy; the constructor's getter when absent. */
  policy?: ConnectorPolicy | undefined;
}

export interface PublishResult {
  version: number;
  workflow: WorkflowEntry;
  enabled: boolean;
  /** Why the new version is published but off: the workflow that already answers the same approvals. */
  notEnabledReason?: string;
}

export interface VersionInfo {
  flowId: string;
  version: number;
  name: string;
  kind: FlowKind;
  note: string;
  publishedBy: string;
  /** The publisher's name in the company's directory; the address when it has none. */
  publishedByName: string;
  publishedAt: string;
  /** The draft revision it was published from. */
  draftRevision: number;
  /** The version the workflow list runs now. */
  current: boolean;
  /** For the current version: the workflow's status (it runs only when enabled); else null. */
  status: WorkflowStatus | null;
}

export interface VersionDetail extends VersionInfo {
  /** Read-only: open it in the designer without saving. */
  definition: DefinitionPayload;
  designer: JsonObject;
}

export interface WorkflowQuery {
  kind?: FlowKind;
  status?: WorkflowStatus;
  /** Part of the name, any letter case. */
  search?: string;
  /** Instant flows offered on this page or table ("vendors", "table23"): "Manage flows" of a page. */
  forPage?: string;
  /** Leave the built-in approval workflows out. */
  excludeBuiltIn?: boolean;
  /** 1-based page number; 1 when absent. */
  page?: number;
  /** 1 to 5,000; 100 when absent. */
  limit?: number;
  /** The column the list is sorted by (name when absent), and which way (ascending when absent). */
  sort?: WorkflowSortKey;
  direction?: SortDirection;
}

export interface WorkflowPage {
  items: WorkflowEntry[];
  /** Entries matching the filters, over all pages. */
  total: number;
  /** Every entry of the list, before the filters ("3 of 12 workflows"). */
  all: number;
  page: number;
  limit: number;
}

export interface InstantFlowEntry {
  flowId: string;
  name: string;
  version: number;
  /** The Run flow form's inputs, required ones marked. */
  fields: RunFlowField[];
  /** Offered on every page (a "Manually trigger a flow" flow, or no page given), not this one in particular. */
  everywhere: boolean;
  /** "selected-record" flows get the selected record; "button" flows only the form. */
  trigger: "selected-record" | "button";
}

export interface RunInstantArgs {
  /** The selected records; "For a selected record" flows need one (each record gets its own run). */
  records?: { table: string; id: string }[];
  /** The Run flow form's answers, keyed as in the form's schema ("text", "boolean_1"). */
  inputs?: JsonObject;
  user: { name: string; email: string };
  /** The page it was run from ("page26", "vendors"): the PageId of the outputs. */
  page?: string;
}

export interface RunInstantResult {
  /** The first run (the only one for a single record). */
  runId: string;
  runIds: string[];
}

export interface PolicyResult {
  /** Enabled workflows checked against the policy. */
  checked: number;
  /** Those suspended now, with the reason. */
  suspended: { id: string; name: string; reason: string }[];
  /**
   * Suspended ones the new policy allows: they stay off (turning a flow on is its owner's choice),
   * and their reason now says they can be turned on.
   */
  allowed: { id: string; name: string }[];
}

export interface ExportedFile {
  fileName: string;
  content: string;
}
