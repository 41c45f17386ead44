// The workflow list's view (filters, search, page) as its address's query:
// "?kind=scheduled&status=enabled&q=report&p=2", with "page=vendors" when it shows one page's flows.
// Kept in the address so Back from a flow, a reload and a copied link show the same rows.
import type { FlowKind, WorkflowStatus } from "../../shared/api";

const KINDS: readonly FlowKind[] = ["automated", "scheduled", "instant"];
const STATUSES: readonly WorkflowStatus[] = ["enabled", "disabled", "suspended"];

export interface WorkflowListView {
  kind: FlowKind | "";
  status: WorkflowStatus | "";
  /** The search as typed (trimmed when sent): the box shows it back letter for letter. */
  q: string;
  /** The Business Central page whose Automate menu's "Manage flows" opened the list. */
  forPage: string;
  /** 1-based page of rows. */
  page: number;
}

/** What an address asks for; values the list does not know are dropped, so an old link still opens. */
export function readWorkflowView(search: string): WorkflowListView {
  const params = new URLSearchParams(search);
  const kind = params.get("kind") ?? "";
  const status = params.get("status") ?? "";
  const page = Number(params.get("p") ?? "1");
  return {
    kind: (KINDS as readonly string[]).includes(kind) ? (kind as FlowKind) : "",
    status: (STATUSES as readonly string[]).includes(status) ? (status as WorkflowStatus) : "",
    q: params.get("q") ?? "",
    forPage: params.get("page") ?? "",
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** "/workflows?…", without what is the default (every kind and status, no search, page 1). */
export function workflowListPath(view: WorkflowListView): string {
  const params = new URLSearchParams();
  if (view.forPage) params.set("page", view.forPage);
  if (view.kind) params.set("kind", view.kind);
  if (view.status) params.set("status", view.status);
  if (view.q) params.set("q", view.q);
  if (view.page > 1) params.set("p", String(view.page));
  const search = params.toString();
  return search ? `/workflows?${search}` : "/workflows";
}

/** Whether the view leaves workflows out (the empty list then says "no match", not "nothing yet"). */
export function isFiltered(view: WorkflowListView): boolean {
  return Boolean(view.kind || view.status || view.q.trim() || view.forPage);
}
