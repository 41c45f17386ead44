// The built-in approval workflows of the demo company, as the workflow list shows them, with the
// switch that enables one.
import type { Database } from "better-sqlite3";
import { notFound } from "./errors";
import { APPROVAL_TRIGGERS } from "./tables";
import type { ApprovalEventKind, BuiltInWorkflow } from "./types";
import { parseJson, prepared, type World } from "./world";

interface WorkflowRow {
  id: string;
  name: string;
  description: string;
  event_kind: string;
  tables: string;
  enabled: number;
}

const toWorkflow = (row: WorkflowRow): BuiltInWorkflow => {
  const kind = row.event_kind as ApprovalEventKind;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    eventKind: kind,
    triggerOperationId: APPROVAL_TRIGGERS[kind],
    tables: parseJson<string[]>(row.tables),
    enabled: row.enabled === 1,
    builtIn: true,
  };
};

export class Workflows {
  private readonly db: Database;

  constructor(private readonly world: World) {
    this.db = world.db;
  }

  list(): BuiltInWorkflow[] {
    return (prepared(this.db, "SELECT * FROM sb_workflows ORDER BY seq").all() as WorkflowRow[]).map(
      toWorkflow,
    );
  }

  get(id: string): BuiltInWorkflow {
    const row = prepared(this.db, "SELECT * FROM sb_workflows WHERE id = ?").get(id) as
      | WorkflowRow
      | undefined;
    if (!row) throw notFound(`There is no built-in workflow '${id}'.`);
    return toWorkflow(row);
  }

  /**
   * Turns a workflow on or off. Whether another workflow (or a published flow) already answers the
   * same event is the workflow list's rule to enforce; see enabledFor().
   */
  setEnabled(id: string, enabled: boolean): BuiltInWorkflow {
    return this.world.tx(() => {
      const before = this.get(id);
      if (before.enabled === enabled) return before;
      prepared(this.db, "UPDATE sb_workflows SET enabled = ? WHERE id = ?").run(enabled ? 1 : 0, id);
      const workflow = this.get(id);
      this.world.emit({ type: "workflow.changed", payload: { workflow } });
      return workflow;
    });
  }

  /** The enabled built-in workflow that answers approval requests of this table, if any. */
  enabledFor(table: string): BuiltInWorkflow | undefined {
    return this.list().find((workflow) => workflow.enabled && workflow.tables.includes(table));
  }
}
