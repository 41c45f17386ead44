// Flow records as the contract carries them. The definition itself is WDL JSON (see shared/flow);
// the contract checks its outer shape, the flow checker judges its content.
import { z } from "zod";

export const FLOW_KINDS = ["automated", "scheduled", "instant"] as const;
export const flowKindSchema = z.enum(FLOW_KINDS);
export type FlowKind = z.infer<typeof flowKindSchema>;

export const FLOW_NAME_MAX = 200;
export const flowIdSchema = z.string().min(1, "a flow id is required").max(100);
export const flowNameSchema = z
  .string()
  .trim()
  .min(1, "a name is required")
  .max(FLOW_NAME_MAX, `a name has at most ${FLOW_NAME_MAX} characters`)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "a name cannot contain control characters");
export const revisionSchema = z.number().int().min(1);
export const isoDateSchema = z.iso.datetime();

const jsonObjectSchema = z.record(z.string(), z.json());

/** The outer shape of a WDL definition: triggers and actions keyed by name, anything else kept. */
export const definitionSchema = z.looseObject({
  triggers: z.record(z.string(), jsonObjectSchema),
  actions: z.record(z.string(), jsonObjectSchema),
});
export type DefinitionPayload = z.infer<typeof definitionSchema>;

/** Designer-only data (notes, collapsed scopes…): kept beside the definition, never inside it. */
export const designerDataSchema = jsonObjectSchema;

export const flowSummarySchema = z.object({
  id: flowIdSchema,
  name: z.string(),
  kind: flowKindSchema,
  revision: revisionSchema,
  /** Name of the flow's trigger in the definition ("manual", "Recurrence"…), empty when it has none. */
  triggerName: z.string(),
  /** The trigger's WDL type and, for connector triggers, its operation id: enough to describe it. */
  triggerType: z.string(),
  triggerOperationId: z.string().optional(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

export const flowSchema = flowSummarySchema.extend({
  definition: definitionSchema,
  designer: designerDataSchema,
});
export type Flow = z.infer<typeof flowSchema>;

export const deletedFlowSchema = flowSummarySchema.extend({
  deletedAt: isoDateSchema,
  /** When the recycle bin lets go of it for good. */
  purgeAt: isoDateSchema,
});
export type DeletedFlow = z.infer<typeof deletedFlowSchema>;

export const RECYCLE_DAYS = 30;
