// Only one enabled workflow may answer one approval request: two conflict when their triggers
// report the same approval event kind and the tables they cover (narrowed by "Document Type"
// conditions) overlap. Built-in approval workflows of the sandbox company count.
import { bcTable } from "../../../shared/connectors";
import type { BuiltInWorkflow } from "../sandbox/types";
import { type ApprovalScope, overlap } from "../triggers/approval-scope";
import { listWords } from "../triggers/words";
import type { LiveWorkflow } from "./live";

export interface Blocker {
  id: string;
  name: string;
  builtIn: boolean;
  /** The tables both would answer. */
  tables: string[];
}

/** The enabled workflow (other than `selfId`) that already answers some of the same approval requests. */
export function findBlocker(
  scope: ApprovalScope,
  selfId: string,
  enabled: { published: Iterable<LiveWorkflow>; builtIns: readonly BuiltInWorkflow[] },
): Blocker | undefined {
  for (const workflow of enabled.builtIns) {
    if (!workflow.enabled || workflow.id === selfId) continue;
    const tables = overlap(scope, workflow);
    if (tables.length > 0) return { id: workflow.id, name: workflow.name, builtIn: true, tables };
  }
  for (const workflow of enabled.published) {
    const other = workflow.facts.approval;
    if (!other || workflow.flowId === selfId) continue;
    const tables = overlap(scope, other);
    if (tables.length > 0) return { id: workflow.flowId, name: workflow.name, builtIn: false, tables };
  }
  return undefined;
}

/** “Purchase invoice approval” (built-in) already answers approval requests for Purchase invoices… */
export function blockerMessage(blocker: Blocker): string {
  const what = listWords(blocker.tables.map((t) => (bcTable(t)?.title ?? t).toLowerCase()));
  // Said as "the flow" or "the built-in workflow": a flow may bear a built-in workflow's very name.
  const which = blocker.builtIn ? "the built-in workflow" : "the flow";
  const who = `${blocker.builtIn ? "The built-in workflow" : "The flow"} “${blocker.name}”`;
  return `${who} already answers approval requests for ${what}. Only one enabled workflow may answer an approval request: turn ${which} “${blocker.name}” off first.`;
}
