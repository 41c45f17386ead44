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
import {
  armedTestEventSchema,
  armedTestSchema,
  armTestInputSchema,
  RESUBMIT_MAX,
  runDetailSchema,
  runFinishedEventSchema,
  runIdSchema,
  runListInputSchema,
  runPageSchema,
  runStartedEventSchema,
  runStepEventSchema,
  runWaitingEventSchema,
  startRunInputSchema,
  startRunResultSchema,
  testedFlowInputSchema,
  triggerFromRecordInputSchema,
  triggerRecordsInputSchema,
  triggerRecordsSchema,
  triggerSampleSchema,
} from "./runs";
import {
  approvalRequestSchema,
  approvalSchema,
  clockSchema,
  excelRowSchema,
  faultInputSchema,
  faultSchema,
  linkedTeamsMessageSchema,
  mailboxSchema,
  mailMessageSchema,
  notificationSchema,
  pageOf,
  personSchema,
  resetPreviewSchema,
  resetResultSchema,
  sandboxChangedEventSchema,
  sandboxInputs,
  sentForApprovalSchema,
  snapshotSchema,
  tableSummarySchema,
  teamsMessageSchema,
  teamsSchema,
  workbookSchema,
} from "./sandbox";
import {
  adminSetPassphraseInputSchema,
  adminSignInInputSchema,
  settingsPatchSchema,
  settingsSchema,
} from "./settings";
import {
  byVersionSchema,
  exportedFileSchema,
  exportInputSchema,
  importInputSchema,
  instantFlowSchema,
  missedPolicySchema,
  previewPolicyInputSchema,
  publishInputSchema,
  publishResultSchema,
  runInstantInputSchema,
  setPolicyInputSchema,
  setPolicyResultSchema,
  versionDetailSchema,
  versionInfoSchema,
  workflowEntrySchema,
  workflowListInputSchema,
  workflowPageSchema,
  workflowsChangedEventSchema,
} from "./workflows";

interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
}
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
});

const none = z.object({}).strict();
const jsonRecord = z.record(z.string(), z.json());
const byRunId = z.object({ runId: runIdSchema }).strict();
const byStringId = z.object({ id: z.string().min(1).max(200) }).strict();
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

  "runs.start": method(startRunInputSchema, startRunResultSchema),
  "runs.armTest": method(armTestInputSchema, armedTestSchema),
  "runs.disarmTest": method(z.object({ flowId: flowIdSchema }).strict(), none),
  "runs.triggerSample": method(testedFlowInputSchema, triggerSampleSchema),
  "runs.triggerRecords": method(triggerRecordsInputSchema, triggerRecordsSchema),
  "runs.triggerFromRecord": method(triggerFromRecordInputSchema, triggerSampleSchema),
  "runs.get": method(byRunId, runDetailSchema),
  "runs.list": method(runListInputSchema, runPageSchema),
  "runs.cancel": method(byRunId, z.object({ cancelled: z.boolean() })),
  "runs.cancelAll": method(
    z.object({ flowId: flowIdSchema }).strict(),
    z.object({ cancelled: z.number().int().nonnegative() }),
  ),
  "runs.resubmit": method(byRunId, startRunResultSchema),
  "runs.resubmitMany": method(
    z.object({ runIds: z.array(runIdSchema).min(1).max(RESUBMIT_MAX) }).strict(),
    z.array(
      z.union([
        z.object({ from: runIdSchema, runId: runIdSchema }),
        z.object({ from: runIdSchema, message: z.string() }),
      ]),
    ),
  ),

  "sandbox.overview": method(
    none,
    z.object({
      company: z.string(),
      connectionUser: z.string(),
      people: z.array(personSchema),
      groups: z.array(
        z.looseObject({ email: z.string(), displayName: z.string(), members: z.array(z.string()) }),
      ),
      /** Who else sends mail (the flows' sender, "Flowsmith"), by name. */
      senders: z.array(z.object({ email: z.string(), displayName: z.string() })),
    }),
  ),
  "sandbox.tables": method(none, z.array(tableSummarySchema)),
  "sandbox.records.list": method(sandboxInputs.recordsList, pageOf(jsonRecord)),
  "sandbox.records.get": method(
    sandboxInputs.recordRef,
    // The record's open approval request, null when it has none; its latest request if that was
    // approved or rejected (who decided, when), null otherwise.
    z.object({
      record: jsonRecord,
      lines: z.array(jsonRecord),
      approvalRequest: approvalRequestSchema.nullable(),
      decidedRequest: approvalRequestSchema.nullable(),
    }),
  ),
  "sandbox.records.create": method(sandboxInputs.recordCreate, jsonRecord),
  "sandbox.records.update": method(sandboxInputs.recordUpdate, jsonRecord),
  "sandbox.records.delete": method(sandboxInputs.recordDelete, none),
  // sendForApproval answers a sentForApprovalSchema; the other actions what they produced.
  "sandbox.records.action": method(sandboxInputs.recordAction, z.union([sentForApprovalSchema, z.json()])),
  "sandbox.approvals.list": method(sandboxInputs.approvalsList, pageOf(approvalSchema)),
  "sandbox.approvals.get": method(byStringId, approvalSchema),
  "sandbox.approvals.respond": method(sandboxInputs.approvalRespond, approvalSchema),
  "sandbox.mail.mailboxes": method(none, z.array(mailboxSchema)),
  "sandbox.mail.list": method(sandboxInputs.mailList, pageOf(mailMessageSchema)),
  "sandbox.mail.get": method(byStringId, mailMessageSchema),
  "sandbox.mail.flag": method(sandboxInputs.mailFlag, mailMessageSchema),
  "sandbox.mail.markRead": method(sandboxInputs.mailMarkRead, mailMessageSchema),
  "sandbox.mail.delete": method(sandboxInputs.mailDelete, none),
  "sandbox.mail.send": method(
    sandboxInputs.mailSend,
    z.object({ messageId: z.string(), mailboxes: z.array(z.string()) }),
  ),
  "sandbox.teams.list": method(none, teamsSchema),
  "sandbox.teams.messages": method(sandboxInputs.teamsMessages, pageOf(teamsMessageSchema)),
  /** One message, with where it was posted: a waiting run's card is found from its id. */
  "sandbox.teams.message": method(sandboxInputs.teamsMessage, linkedTeamsMessageSchema),
  "sandbox.teams.respondToCard": method(sandboxInputs.cardRespond, teamsMessageSchema),
  "sandbox.excel.workbooks": method(none, z.array(workbookSchema)),
  "sandbox.excel.rows": method(sandboxInputs.excelRows, pageOf(excelRowSchema)),
  "sandbox.notifications.list": method(sandboxInputs.notificationsList, pageOf(notificationSchema)),
  "sandbox.notifications.markRead": method(
    sandboxInputs.notificationsMarkRead,
    z.object({ marked: z.number().int().min(0) }),
  ),
  "sandbox.notifications.clear": method(
    sandboxInputs.notificationsClear,
    z.object({ cleared: z.number().int().min(0) }),
  ),
  /** Read-only: the waiting runs a reset (or the restore of `snapshot`) would cancel. */
  "sandbox.resetPreview": method(sandboxInputs.resetPreview, resetPreviewSchema),
  "sandbox.reset": method(none, resetResultSchema),
  "sandbox.snapshots.list": method(none, z.array(snapshotSchema)),
  "sandbox.snapshots.save": method(sandboxInputs.snapshotName, snapshotSchema),
  "sandbox.snapshots.restore": method(sandboxInputs.snapshotName, resetResultSchema),
  "sandbox.snapshots.delete": method(sandboxInputs.snapshotName, none),
  "sandbox.faults.list": method(none, z.array(faultSchema)),
  "sandbox.faults.set": method(faultInputSchema, faultSchema),
  "sandbox.faults.clear": method(z.object({ id: z.string().min(1).optional() }).strict(), none),
  "sandbox.clock.get": method(none, clockSchema),
  "sandbox.clock.advance": method(
    sandboxInputs.clockAdvance,
    clockSchema.extend({ fired: z.number().int() }),
  ),
  /** Back to real time: the offset is dropped; timed waits keep the instant they were set for. */
  "sandbox.clock.realTime": method(none, clockSchema),
  "sandbox.setConnectionUser": method(sandboxInputs.connectionUser, none),

  "publish.publish": method(publishInputSchema, publishResultSchema),
  "publish.versions": method(z.object({ flowId: flowIdSchema }).strict(), z.array(versionInfoSchema)),
  "publish.version": method(byVersionSchema, versionDetailSchema),
  "publish.restore": method(
    byVersionSchema,
    z.object({ revision: revisionSchema, updatedAt: isoDateSchema }),
  ),
  "workflows.list": method(workflowListInputSchema, workflowPageSchema),
  "workflows.setEnabled": method(
    z.object({ id: z.string().min(1).max(200), enabled: z.boolean() }).strict(),
    workflowEntrySchema,
  ),
  "workflows.unpublish": method(
    z.object({ flowId: flowIdSchema }).strict(),
    z.object({ flowId: z.string(), versionsKept: z.number().int() }),
  ),
  "workflows.setMissedPolicy": method(
    z.object({ flowId: flowIdSchema, policy: missedPolicySchema }).strict(),
    workflowEntrySchema,
  ),
  /** The address of a published, enabled flow started by "When an HTTP request is received". */
  "workflows.httpAddress": method(
    z.object({ flowId: flowIdSchema }).strict(),
    z.object({ url: z.string(), method: z.string().nullable() }),
  ),
  /** What "Run" asks before it runs a published flow: its Run flow form (none for a schedule). */
  "workflows.runForm": method(
    z.object({ flowId: flowIdSchema }).strict(),
    z.object({ name: z.string(), fields: instantFlowSchema.shape.fields }),
  ),
  /** Runs a published scheduled or "Manually trigger a flow" flow now, as the connection's person. */
  "workflows.run": method(
    z.object({ flowId: flowIdSchema, inputs: z.record(z.string(), z.json()).optional() }).strict(),
    z.object({ runId: z.string(), runIds: z.array(z.string()) }),
  ),
  "workflows.dismissStartProblems": method(z.object({ flowId: flowIdSchema }).strict(), workflowEntrySchema),
  "automate.flowsFor": method(
    z.object({ page: z.string().min(1).max(100) }).strict(),
    z.array(instantFlowSchema),
  ),
  "automate.run": method(runInstantInputSchema, z.object({ runId: z.string(), runIds: z.array(z.string()) })),
  "automate.newFlow": method(
    z.object({ page: z.string().min(1).max(100), name: flowNameSchema.optional() }).strict(),
    flowSchema,
  ),
  "flows.export": method(exportInputSchema, exportedFileSchema),
  "flows.import": method(importInputSchema, flowSchema),
  "admin.setPolicy": method(setPolicyInputSchema, setPolicyResultSchema),
  "admin.previewPolicy": method(previewPolicyInputSchema, setPolicyResultSchema),
  /** Becomes the administrator with the administrator passphrase. */
  "admin.signIn": method(adminSignInInputSchema, settingsSchema),
  "admin.signOut": method(none, settingsSchema),
  /** Chooses the first passphrase (and becomes the administrator), or changes it knowing the current one. */
  "admin.setPassphrase": method(adminSetPassphraseInputSchema, settingsSchema),
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
  "runs.started": runStartedEventSchema,
  "runs.step": runStepEventSchema,
  "runs.waiting": runWaitingEventSchema,
  "runs.finished": runFinishedEventSchema,
  /** Run history past its retention was deleted. */
  "runs.deleted": z.object({ count: z.number().int().min(1) }),
  "runs.armedTest": armedTestEventSchema,
  "sandbox.changed": sandboxChangedEventSchema,
  "workflows.changed": workflowsChangedEventSchema,
} as const satisfies { [E in EventName]: z.ZodType };

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
