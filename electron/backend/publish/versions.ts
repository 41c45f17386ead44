// Published versions: written once, never changed (a trigger in SQLite refuses any UPDATE), kept
// after an unpublish as the flow's history.
import type { Database, Statement } from "better-sqlite3";
import { type DefinitionPayload, type FlowKind, notFound, type WorkflowStatus } from "../../../shared/api";
import type { JsonObject } from "../../../shared/json";
import type { VersionDetail, VersionInfo } from "./types";

interface VersionRow {
  flow_id: string;
  version: number;
  name: string;
  kind: FlowKind;
  definition: string;
  designer: string;
  note: string;
  published_by: string;
  published_at: number;
  draft_revision: number;
}

type InfoRow = Omit<VersionRow, "definition" | "designer">;

export interface NewVersion {
  flowId: string;
  name: string;
  kind: FlowKind;
  definition: DefinitionPayload;
  designer: JsonObject;
  note: string;
  publishedBy: string;
  publishedAt: number;
  draftRevision: number;
}

const INFO_COLUMNS = "flow_id, version, name, kind, note, published_by, published_at, draft_revision";

export class VersionStore {
  private readonly s: {
    insert: Statement;
    next: Statement<[string], number>;
    list: Statement<[string], InfoRow>;
    get: Statement<[string, number], VersionRow>;
    definition: Statement<[string, number], string>;
  };

  /** nameOf: a publisher's name from their address (the company's directory). */
  constructor(
    db: Database,
    private readonly nameOf: (email: string) => string = (email) => email,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO flow_versions (flow_id, version, name, kind, definition, designer, note, published_by,
           published_at, draft_revision)
         VALUES (@flow_id, @version, @name, @kind, @definition, @designer, @note, @published_by, @published_at,
           @draft_revision)`,
      ),
      next: db
        .prepare<[string], number>(
          "SELECT coalesce(max(version), 0) + 1 FROM flow_versions WHERE flow_id = ?",
        )
        .pluck(),
      list: db.prepare(`SELECT ${INFO_COLUMNS} FROM flow_versions WHERE flow_id = ? ORDER BY version DESC`),
      get: db.prepare("SELECT * FROM flow_versions WHERE flow_id = ? AND version = ?"),
      definition: db
        .prepare<[string, number], string>(
          "SELECT definition FROM flow_versions WHERE flow_id = ? AND version = ?",
        )
        .pluck(),
    };
  }

  /** Writes the next version of the flow; returns its number. Call inside the publish transaction. */
  add(input: NewVersion): number {
    const version = this.s.next.get(input.flowId) ?? 1;
    this.s.insert.run({
      flow_id: input.flowId,
      version,
      name: input.name,
      kind: input.kind,
      definition: JSON.stringify(input.definition),
      designer: JSON.stringify(input.designer),
      note: input.note,
      published_by: input.publishedBy,
      published_at: input.publishedAt,
      draft_revision: input.draftRevision,
    });
    return version;
  }

  /** `current`: the version the workflow list runs now, and the workflow's status. */
  list(flowId: string, current: CurrentVersion | null): VersionInfo[] {
    return this.s.list.all(flowId).map((row) => toInfo(row, current, this.nameOf));
  }

  get(flowId: string, version: number, current: CurrentVersion | null): VersionDetail {
    const row = this.s.get.get(flowId, version);
    if (!row) throw notFound(`Version ${version} of this flow`);
    return {
      ...toInfo(row, current, this.nameOf),
      definition: JSON.parse(row.definition) as DefinitionPayload,
      designer: JSON.parse(row.designer) as JsonObject,
    };
  }

  definition(flowId: string, version: number): DefinitionPayload {
    const text = this.s.definition.get(flowId, version);
    if (text === undefined) throw notFound(`Version ${version} of this flow`);
    return JSON.parse(text) as DefinitionPayload;
  }
}

export interface CurrentVersion {
  version: number;
  status: WorkflowStatus;
}

function toInfo(
  row: InfoRow,
  current: CurrentVersion | null,
  nameOf: (email: string) => string,
): VersionInfo {
  const isCurrent = row.version === current?.version;
  return {
    flowId: row.flow_id,
    version: row.version,
    name: row.name,
    kind: row.kind,
    note: row.note,
    publishedBy: row.published_by,
    publishedByName: nameOf(row.published_by),
    publishedAt: new Date(row.published_at).toISOString(),
    draftRevision: row.draft_revision,
    current: isCurrent,
    status: isCurrent ? current.status : null,
  };
}
