// Flows and their drafts in SQLite. Every write is one statement or one transaction; a save that
// carries a stale revision is refused with a conflict, never applied over someone else's change.
import { randomUUID } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";
import {
  ApiError,
  type DefinitionPayload,
  type DeletedFlow,
  FLOW_NAME_MAX,
  type Flow,
  type FlowKind,
  type FlowSummary,
  notFound,
  RECYCLE_DAYS,
} from "../../../shared/api";
import type { JsonObject } from "../../../shared/json";
import { starterDefinition } from "../../../shared/templates/starters";

const DAY_MS = 24 * 60 * 60 * 1000;

interface FlowRow {
  id: string;
  name: string;
  kind: FlowKind;
  definition: string;
  designer: string;
  trigger_name: string;
  trigger_type: string;
  trigger_operation: string | null;
  revision: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

type SummaryRow = Omit<FlowRow, "definition" | "designer">;

export interface FlowStoreOptions {
  now?: () => number;
  newId?: () => string;
}

export interface CreateFlowInput {
  name: string;
  kind: FlowKind;
  definition?: DefinitionPayload | undefined;
  designer?: JsonObject | undefined;
}

export interface SaveDraftInput {
  id: string;
  revision: number;
  definition: DefinitionPayload;
  designer?: JsonObject | undefined;
}

const SUMMARY_COLUMNS =
  "id, name, kind, trigger_name, trigger_type, trigger_operation, revision, created_at, updated_at, deleted_at";

export class FlowStore {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly statements: {
    list: Statement<[], SummaryRow>;
    listDeleted: Statement<[], SummaryRow>;
    get: Statement<[string], FlowRow>;
    summary: Statement<[string], SummaryRow>;
    insert: Statement<[FlowRow]>;
    rename: Statement<[{ id: string; revision: number; name: string; now: number }]>;
    save: Statement<[SaveParams]>;
    setDeleted: Statement<[{ id: string; deletedAt: number | null; now: number }]>;
    purge: Statement<[number]>;
    liveNames: Statement<[], { name: string }>;
  };

  constructor(
    private readonly db: Database,
    options: FlowStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.statements = {
      list: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM flows WHERE deleted_at IS NULL ORDER BY updated_at DESC, id`,
      ),
      listDeleted: db.prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM flows WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id`,
      ),
      get: db.prepare("SELECT * FROM flows WHERE id = ?"),
      summary: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM flows WHERE id = ?`),
      insert: db.prepare(
        `INSERT INTO flows (id, name, kind, definition, designer, trigger_name, trigger_type, trigger_operation,
           revision, created_at, updated_at, deleted_at)
         VALUES (@id, @name, @kind, @definition, @designer, @trigger_name, @trigger_type, @trigger_operation,
           @revision, @created_at, @updated_at, @deleted_at)`,
      ),
      rename: db.prepare(
        `UPDATE flows SET name = @name, revision = revision + 1, updated_at = @now
         WHERE id = @id AND revision = @revision AND deleted_at IS NULL`,
      ),
      save: db.prepare(
        `UPDATE flows SET definition = @definition, designer = COALESCE(@designer, designer),
           trigger_name = @trigger_name, trigger_type = @trigger_type, trigger_operation = @trigger_operation,
           revision = revision + 1, updated_at = @now
         WHERE id = @id AND revision = @revision AND deleted_at IS NULL`,
      ),
      setDeleted: db.prepare("UPDATE flows SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id"),
      purge: db.prepare("DELETE FROM flows WHERE deleted_at IS NOT NULL AND deleted_at <= ?"),
      liveNames: db.prepare("SELECT name FROM flows WHERE deleted_at IS NULL"),
    };
  }

  list(): FlowSummary[] {
    return this.statements.list.all().map(toSummary);
  }

  listDeleted(): DeletedFlow[] {
    return this.statements.listDeleted.all().map(toDeleted);
  }

  /** The names of the flows not in the recycle bin, which a new or copied flow's name avoids. */
  liveNames(): Set<string> {
    return new Set(this.statements.liveNames.all().map((row) => row.name));
  }

  get(id: string): Flow {
    const row = this.statements.get.get(id);
    if (!row || row.deleted_at !== null) throw flowGone(row);
    return toFlow(row);
  }

  create(input: CreateFlowInput): Flow {
    const now = this.now();
    const definition = input.definition ?? starterDefinition(input.kind);
    const row: FlowRow = {
      id: this.newId(),
      name: input.name,
      kind: input.kind,
      definition: JSON.stringify(definition),
      designer: JSON.stringify(input.designer ?? {}),
      ...triggerColumns(definition),
      revision: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    this.statements.insert.run(row);
    return toFlow(row);
  }

  rename(id: string, revision: number, name: string): FlowSummary {
    return this.db.transaction(() => {
      const changed = this.statements.rename.run({ id, revision, name, now: this.now() }).changes;
      if (changed === 0) this.explainRefusal(id, revision);
      return this.summary(id);
    })();
  }

  saveDraft(input: SaveDraftInput): { revision: number; updatedAt: string } {
    return this.db.transaction(() => {
      const now = this.now();
      const changed = this.statements.save.run({
        id: input.id,
        revision: input.revision,
        definition: JSON.stringify(input.definition),
        designer: input.designer === undefined ? null : JSON.stringify(input.designer),
        ...triggerColumns(input.definition),
        now,
      }).changes;
      if (changed === 0) this.explainRefusal(input.id, input.revision);
      return { revision: input.revision + 1, updatedAt: new Date(now).toISOString() };
    })();
  }

  duplicate(id: string, name?: string): FlowSummary {
    return this.db.transaction(() => {
      const source = this.statements.get.get(id);
      if (!source || source.deleted_at !== null) throw flowGone(source);
      const now = this.now();
      const copy: FlowRow = {
        ...source,
        id: this.newId(),
        name: name ?? copyName(source.name, this.liveNames()),
        revision: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      this.statements.insert.run(copy);
      return toSummary(copy);
    })();
  }

  /**
   * Moves the flow to the recycle bin. `alongside` runs in the same transaction (the publisher turns
   * the flow's workflow off there), so a crash leaves the flow either live or deleted and off.
   */
  delete(id: string, alongside?: () => void): DeletedFlow {
    return this.db.transaction(() => {
      const row = this.statements.summary.get(id);
      if (!row || row.deleted_at !== null) throw flowGone(row);
      const now = this.now();
      this.statements.setDeleted.run({ id, deletedAt: now, now });
      alongside?.();
      return toDeleted({ ...row, deleted_at: now, updated_at: now });
    })();
  }

  /** Throws the not-found error that says why (never existed, or in the recycle bin) unless the flow is live. */
  requireLive(id: string): void {
    const row = this.statements.summary.get(id);
    if (!row || row.deleted_at !== null) throw flowGone(row);
  }

  restore(id: string): FlowSummary {
    return this.db.transaction(() => {
      const row = this.statements.summary.get(id);
      if (!row || row.deleted_at === null) throw notFound("This deleted flow");
      this.statements.setDeleted.run({ id, deletedAt: null, now: this.now() });
      return this.summary(id);
    })();
  }

  /** Lets go of flows that have been in the recycle bin for more than RECYCLE_DAYS. */
  purgeExpired(): number {
    return this.statements.purge.run(this.now() - RECYCLE_DAYS * DAY_MS).changes;
  }

  private summary(id: string): FlowSummary {
    const row = this.statements.summary.get(id);
    if (!row) throw notFound("This flow");
    return toSummary(row);
  }

  /** Called when a conditional update touched nothing: say whether it is gone or changed. */
  private explainRefusal(id: string, revision: number): never {
    const row = this.statements.summary.get(id);
    if (!row || row.deleted_at !== null) throw flowGone(row);
    throw new ApiError({
      code: "conflict",
      message: `This flow was changed elsewhere: you have revision ${revision}, the saved one is revision ${row.revision}.`,
      currentRevision: row.revision,
    });
  }
}

interface SaveParams {
  id: string;
  revision: number;
  definition: string;
  designer: string | null;
  trigger_name: string;
  trigger_type: string;
  trigger_operation: string | null;
  now: number;
}

function triggerColumns(
  definition: DefinitionPayload,
): Pick<FlowRow, "trigger_name" | "trigger_type" | "trigger_operation"> {
  const [name, trigger] = Object.entries(definition.triggers)[0] ?? ["", {}];
  const type = typeof trigger.type === "string" ? trigger.type : "";
  const inputs = trigger.inputs;
  const host = inputs && typeof inputs === "object" && !Array.isArray(inputs) ? inputs.host : undefined;
  const operationId =
    host && typeof host === "object" && !Array.isArray(host) && typeof host.operationId === "string"
      ? host.operationId
      : null;
  return { trigger_name: name, trigger_type: type, trigger_operation: operationId };
}

/**
 * The name, numbered "X (2)", "(3)"… when the person's flows already have it (and shortened to fit
 * with its number), so that two flows made the same way can be told apart in the list and in Runs.
 */
export function uniqueFlowName(base: string, taken: ReadonlySet<string> = new Set()): string {
  const within = (suffix: string) =>
    base.length + suffix.length <= FLOW_NAME_MAX
      ? base + suffix
      : base.slice(0, FLOW_NAME_MAX - suffix.length) + suffix;
  let candidate = within("");
  for (let n = 2; taken.has(candidate); n++) candidate = within(` (${n})`);
  return candidate;
}

/** "Copy of X", numbered "Copy of X (2)", "(3)"… as uniqueFlowName does. */
export function copyName(name: string, taken: ReadonlySet<string> = new Set()): string {
  return uniqueFlowName(`Copy of ${name}`, taken);
}

const iso = (ms: number): string => new Date(ms).toISOString();

function toSummary(row: SummaryRow): FlowSummary {
  const summary: FlowSummary = {
    id: row.id,
    name: row.name,
    kind: row.kind,
    revision: row.revision,
    triggerName: row.trigger_name,
    triggerType: row.trigger_type,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
  if (row.trigger_operation !== null) summary.triggerOperationId = row.trigger_operation;
  return summary;
}

function toDeleted(row: SummaryRow): DeletedFlow {
  const deletedAt = row.deleted_at ?? row.updated_at;
  return { ...toSummary(row), deletedAt: iso(deletedAt), purgeAt: iso(deletedAt + RECYCLE_DAYS * DAY_MS) };
}

function toFlow(row: FlowRow): Flow {
  return {
    ...toSummary(row),
    definition: JSON.parse(row.definition) as DefinitionPayload,
    designer: JSON.parse(row.designer) as JsonObject,
  };
}

/** Why a flow cannot be used: it never existed (or was purged), or it waits in the recycle bin. */
export function flowGone(row: Pick<SummaryRow, "name" | "deleted_at"> | undefined): ApiError {
  if (row?.deleted_at == null)
    return new ApiError({
      code: "not_found",
      message: "This flow no longer exists. It may have been deleted in another window.",
    });
  return new ApiError({
    code: "not_found",
    message: `“${row.name}” is in the recycle bin. Restore it from My flows → Recycle bin to use it again.`,
  });
}
