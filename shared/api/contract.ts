// The contract between the renderer and the backend: every method with the zod schema of its
// input and output, and every event. The backend implements it once (electron/backend/api);
// Electron IPC and the web-mode HTTP server both carry it unchanged.
import { z } from "zod";
import { appInfoSchema, noticeSchema, shellCommandSchema } from "./app";
import {
  definitionSchema,
  deletedFlowSchema,
  designerDataSchema,
  flowIdSchema,
  flowKindSchema,
  flowNameSchema,
  flowSchema,
  flowSummarySchema,
  isoDateSchema,
  revisionSchema,
} from "./flows";
import type { EventName, MethodName } from "./names";
import { settingsPatchSchema, settingsSchema } from "./settings";

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
});

const none = z.object({}).strict();
const byId = z.object({ id: flowIdSchema }).strict();

export const contract = {
  "app.info": method(none, appInfoSchema),
  "app.dismissNotice": method(z.object({ id: z.string().min(1) }).strict(), none),

  "flows.list": method(none, z.array(flowSummarySchema)),
  "flows.listDeleted": method(none, z.array(deletedFlowSchema)),
  "flows.get": method(byId, flowSchema),
  "flows.create": method(
    z
      .object({
        name: flowNameSchema,
        kind: flowKindSchema,
        definition: definitionSchema.optional(),
        designer: designerDataSchema.optional(),
      })
      .strict(),
    flowSchema,
  ),
  "flows.rename": method(
    z.object({ id: flowIdSchema, revision: revisionSchema, name: flowNameSchema }).strict(),
    flowSummarySchema,
  ),
  "flows.duplicate": method(
    z.object({ id: flowIdSchema, name: flowNameSchema.optional() }).strict(),
    flowSummarySchema,
  ),
  "flows.delete": method(byId, deletedFlowSchema),
  "flows.restore": method(byId, flowSummarySchema),
  "flows.saveDraft": method(
    z
      .object({
        id: flowIdSchema,
        revision: revisionSchema,
        definition: definitionSchema,
        designer: designerDataSchema.optional(),
      })
      .strict(),
    z.object({ revision: revisionSchema, updatedAt: isoDateSchema }),
  ),

  "settings.get": method(none, settingsSchema),
  "settings.update": method(settingsPatchSchema, settingsSchema),
} as const satisfies { [M in MethodName]: MethodSpec<z.ZodType, z.ZodType> };

export type Contract = typeof contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]["input"]>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]["output"]>;
/** What a handler receives: the input after validation (defaults filled, strings trimmed). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]["input"]>;

export const FLOW_CHANGE_REASONS = [
  "created",
  "renamed",
  "duplicated",
  "deleted",
  "restored",
  "saved",
] as const;

export const events = {
  "flows.changed": z.object({
    id: flowIdSchema,
    reason: z.enum(FLOW_CHANGE_REASONS),
    revision: z.number().int(),
  }),
  "app.notice": noticeSchema,
  /** An application-menu command, sent by the Electron shell to the focused window. */
  "shell.command": z.object({ command: shellCommandSchema }),
} as const satisfies { [E in EventName]: z.ZodType };

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
