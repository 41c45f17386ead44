// Runs as the contract carries them: summaries for the Runs page, the full journal for a run's page
// and the canvas, and the events that colour the canvas while a run goes on.
import { z } from "zod";
import { flowIdSchema, isoDateSchema } from "./flows";

export const RUN_STATUSES = ["Running", "Waiting", "Succeeded", "Failed", "Cancelled"] as const;
export const STEP_STATUSES = [
  "Running",
  "Waiting",
  "Succeeded",
  "Failed",
  "Skipped",
  "TimedOut",
  "Cancelled",
] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const runIdSchema = z.string().min(1).max(100);
/** Runs resubmitted in one request (a page of the Runs list, and then some). */
export const RESUBMIT_MAX = 500;
const errorInfoSchema = z.object({ code: z.string(), message: z.string() });
const json = z.json();

export const runSummarySchema = z.object({
  id: runIdSchema,
  flowId: z.string(),
  flowName: z.string(),
  flowVersion: z.number().int().nullable(),
  mode: z.enum(["test", "published"]),
  triggerName: z.string(),
  status: runStatusSchema,
  startedAt: isoDateSchema,
  endedAt: isoDateSchema.nullable(),
  durationMs: z.number().nullable(),
  error: errorInfoSchema.nullable(),
  resubmittedFrom: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const stepRecordSchema = z.object({
  action: z.string(),
  iteration: z.string(),
  path: z.string(),
  attempt: z.number().int(),
  seq: z.number().int(),
  type: z.string(),
  status: stepStatusSchema,
  code: z.string().nullable(),
  inputs: json.nullable(),
  outputs: json.nullable(),
  error: errorInfoSchema.nullable(),
  state: json.nullable(),
  startedAt: isoDateSchema,
  endedAt: isoDateSchema.nullable(),
  durationMs: z.number().nullable(),
  restarts: z.number().int(),
  /** Secured in the step's settings: run history shows them as hidden (inputs and outputs are null). */
  secured: z.array(z.enum(["inputs", "outputs"])),
});
export type StepRecord = z.infer<typeof stepRecordSchema>;

export const waitRecordSchema = z.object({
  id: z.string(),
  action: z.string(),
  path: z.string(),
  kind: z.enum(["approval", "delay", "card", "retry", "timeout"]),
  token: z.string().nullable(),
  resumeAt: isoDateSchema.nullable(),
  description: z.string().nullable(),
  createdAt: isoDateSchema,
});

export const runDetailSchema = runSummarySchema.extend({
  definition: z.record(z.string(), json),
  /** null when the trigger's outputs are secured (triggerSecured). */
  triggerOutputs: json,
  triggerSecured: z.boolean(),
  /** Waiting for a free slot of its flow's concurrency control: it has not begun. */
  queued: z.boolean(),
  response: json.nullable(),
  steps: z.array(stepRecordSchema),
  iterations: z.array(
    z.object({
      loop: z.string(),
      index: z.number().int(),
      status: z.string(),
      startedAt: isoDateSchema,
      endedAt: isoDateSchema,
      detail: json.nullable(),
    }),
  ),
  variables: z.record(z.string(), json),
  waits: z.array(waitRecordSchema),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

export const runListInputSchema = z
  .object({
    flowId: flowIdSchema.optional(),
    status: z.array(runStatusSchema).max(5).optional(),
    /** Designer tests or runs of published versions only; both when absent. */
    mode: z.enum(["test", "published"]).optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const runPageSchema = z.object({ runs: z.array(runSummarySchema), nextCursor: z.string().nullable() });
export type RunPage = z.infer<typeof runPageSchema>;

/** Which definition a test runs: the draft as it is now, or a published version. */
export const runSourceSchema = z.union([
  z.object({ draft: z.literal(true) }).strict(),
  z.object({ version: z.number().int().min(1) }).strict(),
]);
/** What a test runs: the draft, or a published version. */
export type RunSource = z.infer<typeof runSourceSchema>;

export const startRunInputSchema = z
  .object({
    flowId: flowIdSchema,
    source: runSourceSchema,
    /** What the trigger produced: { headers?, body }, an object as every trigger's outputs are. */
    triggerOutputs: z
      .record(z.string(), json, { error: 'must be an object, such as { "body": { … } }' })
      .optional(),
    /** Or: what the trigger produced in this earlier run (even when run history hides it). */
    fromRun: runIdSchema.optional(),
  })
  .strict()
  .refine((input) => (input.triggerOutputs === undefined) !== (input.fromRun === undefined), {
    message: "give either triggerOutputs or fromRun, not both",
    path: ["triggerOutputs"],
  });

export const startRunResultSchema = z.union([
  z.object({ started: z.literal(true), runId: runIdSchema }),
  z.object({ started: z.literal(false), reason: z.string(), message: z.string() }),
]);

/** "Perform the trigger action": the next matching event in the sandbox starts a test of the draft. */
export const armTestInputSchema = z
  .object({ flowId: flowIdSchema, source: runSourceSchema.optional() })
  .strict();
/** Which flow a test reads its trigger from: the draft (default) or a published version. */
export const testedFlowInputSchema = z
  .object({ flowId: flowIdSchema, source: runSourceSchema.optional() })
  .strict();
export const armedTestSchema = z.object({
  flowId: flowIdSchema,
  /** What the person should do in the sandbox, in their words. */
  hint: z.string(),
  expiresAt: isoDateSchema,
});

/** A sample of what the trigger produces, to start from when typing trigger data by hand. */
export const triggerSampleSchema = z.object({ outputs: json, description: z.string() });

/** "Use a record from the sandbox": the records (or emails) the flow's trigger reports on. */
const pickedTable = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "a table name such as purchaseInvoices, or mail");
export const triggerRecordsInputSchema = z
  .object({
    flowId: flowIdSchema,
    source: runSourceSchema.optional(),
    search: z.string().max(200).optional(),
    table: pickedTable.optional(),
  })
  .strict();
export const triggerRecordsSchema = z.object({
  kind: z.enum(["record", "approval", "selected-record", "mail"]),
  tables: z.array(z.object({ name: z.string(), title: z.string() })),
  items: z.array(z.object({ table: z.string(), id: z.string(), title: z.string(), detail: z.string() })),
  total: z.number().int(),
});
export const triggerFromRecordInputSchema = z
  .object({
    flowId: flowIdSchema,
    source: runSourceSchema.optional(),
    table: pickedTable,
    id: z.string().trim().min(1).max(200),
  })
  .strict();

export const runStepEventSchema = z.object({
  runId: runIdSchema,
  flowId: z.string(),
  action: z.string(),
  iteration: z.string(),
  path: z.string(),
  attempt: z.number().int(),
  status: stepStatusSchema,
  durationMs: z.number().nullable(),
  error: errorInfoSchema.nullable(),
});
export const runStartedEventSchema = z.object({
  runId: runIdSchema,
  flowId: z.string(),
  flowName: z.string(),
  mode: z.enum(["test", "published"]),
  flowVersion: z.number().int().nullable(),
});
export const runWaitingEventSchema = z.object({
  runId: runIdSchema,
  flowId: z.string(),
  action: z.string(),
  path: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
});
/**
 * An event matched a test armed in the designer and no run started: "waiting" (the trigger's
 * conditions were false; the test waits on) or "not-started" (the test was used up: its splitOn
 * failed, the flow's queue was full).
 */
export const armedTestEventSchema = z.object({
  flowId: z.string(),
  flowVersion: z.number().int().nullable(),
  outcome: z.enum(["waiting", "not-started"]),
  message: z.string(),
});
export type ArmedTestEvent = z.infer<typeof armedTestEventSchema>;

export const runFinishedEventSchema = z.object({
  runId: runIdSchema,
  flowId: z.string(),
  flowName: z.string(),
  mode: z.enum(["test", "published"]),
  status: runStatusSchema,
  durationMs: z.number(),
  error: errorInfoSchema.nullable(),
});
