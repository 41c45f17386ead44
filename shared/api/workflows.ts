// Publishing and the workflow list as the contract carries them.
import { z } from "zod";
import { definitionSchema, designerDataSchema, flowIdSchema, flowKindSchema, isoDateSchema } from "./flows";
import { runStatusSchema } from "./runs";
import { connectorPolicySchema } from "./settings";

export const workflowStatusSchema = z.enum(["enabled", "disabled", "suspended"]);
export type WorkflowStatus = z.infer<typeof workflowStatusSchema>;
export const missedPolicySchema = z.enum(["run-once", "skip"]);
export type MissedPolicy = z.infer<typeof missedPolicySchema>;

const lastRunSchema = z.object({
  runId: z.string(),
  status: runStatusSchema,
  version: z.number().int().nullable(),
  startedAt: isoDateSchema,
  endedAt: isoDateSchema.nullable(),
});
export type LastRun = z.infer<typeof lastRunSchema>;

const missedOccurrencesSchema = z.object({
  policy: missedPolicySchema,
  /** Occurrences missed while the app was closed, found at the last start (0 when none). */
  count: z.number().int(),
  /** count stopped counting at 10,000. */
  capped: z.boolean(),
  firstAt: isoDateSchema.nullable(),
  lastAt: isoDateSchema.nullable(),
  detectedAt: isoDateSchema.nullable(),
  /** What was done about them. */
  action: z.enum(["ran-once", "skipped"]).nullable(),
});
export type MissedOccurrences = z.infer<typeof missedOccurrencesSchema>;

const startProblemsSchema = z.object({
  count: z.number().int().min(1),
  /** The last reason, in plain words ("“Invoices” did not start: …"). */
  last: z.string(),
  lastAt: isoDateSchema,
});
export type StartProblems = z.infer<typeof startProblemsSchema>;

export const workflowEntrySchema = z.object({
  /** The flow id, or the built-in workflow's id. */
  id: z.string(),
  builtIn: z.boolean(),
  name: z.string(),
  kind: flowKindSchema,
  /** "When a purchase document approval is requested", "Every Monday at 08:00 (Romance Standard Time)", "Vendors page". */
  triggerSummary: z.string(),
  status: workflowStatusSchema,
  suspendedReason: z.string().nullable(),
  /** The published version that runs; null for built-ins. */
  version: z.number().int().nullable(),
  /**
   * The draft revision that version was published from, or the draft's own when the draft is that
   * version again: a newer draft has changes (null for built-ins).
   */
  publishedFromRevision: z.number().int().nullable(),
  /** Who published it: the address, and the person's name ("Daniel Reyes") when the company knows them. */
  publishedBy: z.string().nullable(),
  publishedByName: z.string().nullable(),
  publishedAt: isoDateSchema.nullable(),
  lastRun: lastRunSchema.nullable(),
  /** Scheduled flows only. */
  missed: missedOccurrencesSchema.nullable(),
  /** Instant flows: the sandbox tables whose Automate menu offers it ("vendors"); ["*"] = every page. */
  pages: z.array(z.string()).nullable(),
  /**
   * How an enabled flow starts, for what the list offers: "schedule" and "button" run from the list,
   * "http" has an address, "record" runs from its pages, "event" from the sandbox. Null while off.
   */
  startsBy: z.enum(["event", "schedule", "button", "record", "http"]).nullable(),
  /** Times its trigger fired but no run started since the version was published (or dismissed). */
  startProblems: startProblemsSchema.nullable(),
  /** Built-ins: what the workflow does. */
  description: z.string().optional(),
});
export type WorkflowEntry = z.infer<typeof workflowEntrySchema>;

/** The workflow list's sortable columns; by name when absent. */
export const WORKFLOW_SORT_KEYS = ["name", "status", "published", "lastRun"] as const;
export type WorkflowSortKey = (typeof WORKFLOW_SORT_KEYS)[number];
export const sortDirectionSchema = z.enum(["ascending", "descending"]);
export type SortDirection = z.infer<typeof sortDirectionSchema>;

export const workflowListInputSchema = z
  .object({
    kind: flowKindSchema.optional(),
    status: workflowStatusSchema.optional(),
    search: z.string().max(200).optional(),
    forPage: z.string().max(100).optional(),
    page: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
    sort: z.enum(WORKFLOW_SORT_KEYS).optional(),
    direction: sortDirectionSchema.optional(),
  })
  .strict();
export const workflowPageSchema = z.object({
  items: z.array(workflowEntrySchema),
  total: z.number().int(),
  /** Every entry of the list, before the filters. */
  all: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});

export const versionInfoSchema = z.object({
  flowId: z.string(),
  version: z.number().int(),
  name: z.string(),
  kind: flowKindSchema,
  note: z.string(),
  publishedBy: z.string(),
  publishedByName: z.string(),
  publishedAt: isoDateSchema,
  draftRevision: z.number().int(),
  current: z.boolean(),
  /** For the current version: the workflow's status (it runs only when enabled); else null. */
  status: workflowStatusSchema.nullable(),
});
export type VersionInfo = z.infer<typeof versionInfoSchema>;
export const versionDetailSchema = versionInfoSchema.extend({
  definition: definitionSchema,
  designer: designerDataSchema,
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const publishInputSchema = z
  .object({ flowId: flowIdSchema, note: z.string().trim().max(500).optional() })
  .strict();
export const publishResultSchema = z.object({
  version: z.number().int(),
  enabled: z.boolean(),
  notEnabledReason: z.string().optional(),
  workflow: workflowEntrySchema,
});

export const byVersionSchema = z.object({ flowId: flowIdSchema, version: z.number().int().min(1) }).strict();

export const instantFlowSchema = z.object({
  flowId: z.string(),
  name: z.string(),
  version: z.number().int(),
  fields: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      title: z.string(),
      description: z.string(),
      required: z.boolean(),
      options: z.array(z.string()).optional(),
    }),
  ),
  everywhere: z.boolean(),
  trigger: z.enum(["selected-record", "button"]),
});
export type InstantFlow = z.infer<typeof instantFlowSchema>;

export const runInstantInputSchema = z
  .object({
    flowId: flowIdSchema,
    page: z.string().min(1).max(100),
    records: z
      .array(z.object({ table: z.string().min(1).max(100), id: z.string().min(1).max(200) }).strict())
      .max(100)
      .optional(),
    inputs: z.record(z.string(), z.json()).optional(),
    /** The sandbox person who runs it (the Automate menu acts as that person). */
    user: z.object({ name: z.string().min(1).max(200), email: z.string().email() }).strict(),
  })
  .strict();

export const exportInputSchema = z
  .object({ flowId: flowIdSchema, version: z.number().int().min(1).optional() })
  .strict();
export const exportedFileSchema = z.object({ fileName: z.string(), content: z.string() });
/** A flow file the person chose: its name and text (at most 10 MB). */
export const importInputSchema = z
  .object({ fileName: z.string().min(1).max(260), content: z.string().max(10_000_000) })
  .strict();

export const setPolicyInputSchema = z
  .object({ automateEnabled: z.boolean().optional(), connectorPolicy: connectorPolicySchema.optional() })
  .strict();
export const setPolicyResultSchema = z.object({
  suspended: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  /** Flows suspended before that this policy allows: still off, now free to be turned on. */
  allowed: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** The connector policy an administrator is about to save: what it would do, nothing written. */
export const previewPolicyInputSchema = z.object({ connectorPolicy: connectorPolicySchema }).strict();

export const workflowsChangedEventSchema = z.object({ id: z.string().optional() });
