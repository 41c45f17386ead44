// The names of the contract's methods and events, without their schemas: small enough for the
// Electron preload, which exposes exactly these and nothing else. contract.ts must match them.
export const METHOD_NAMES = [
  "app.info",
  "app.dismissNotice",
  "flows.list",
  "flows.listDeleted",
  "flows.get",
  "flows.create",
  "flows.rename",
  "flows.duplicate",
  "flows.delete",
  "flows.restore",
  "flows.saveDraft",
  "settings.get",
  "settings.update",
  "runs.start",
  "runs.armTest",
  "runs.disarmTest",
  "runs.triggerSample",
  "runs.triggerRecords",
  "runs.triggerFromRecord",
  "runs.get",
  "runs.list",
  "runs.cancel",
  "runs.cancelAll",
  "runs.resubmit",
  "runs.resubmitMany",
  "sandbox.overview",
  "sandbox.tables",
  "sandbox.records.list",
  "sandbox.records.get",
  "sandbox.records.create",
  "sandbox.records.update",
  "sandbox.records.delete",
  "sandbox.records.action",
  "sandbox.approvals.list",
  "sandbox.approvals.get",
  "sandbox.approvals.respond",
  "sandbox.mail.mailboxes",
  "sandbox.mail.list",
  "sandbox.mail.get",
  "sandbox.mail.flag",
  "sandbox.mail.send",
  "sandbox.teams.list",
  "sandbox.teams.messages",
  "sandbox.teams.respondToCard",
  "sandbox.excel.workbooks",
  "sandbox.excel.rows",
  "sandbox.notifications.list",
  "sandbox.reset",
  "sandbox.snapshots.list",
  "sandbox.snapshots.save",
  "sandbox.snapshots.restore",
  "sandbox.snapshots.delete",
  "sandbox.faults.list",
  "sandbox.faults.set",
  "sandbox.faults.clear",
  "sandbox.clock.get",
  "sandbox.clock.advance",
  "sandbox.setConnectionUser",
  "publish.publish",
  "publish.versions",
  "publish.version",
  "publish.restore",
  "workflows.list",
  "workflows.setEnabled",
  "workflows.unpublish",
  "workflows.setMissedPolicy",
  "workflows.dismissStartProblems",
  "workflows.httpAddress",
  "workflows.runForm",
  "workflows.run",
  "automate.flowsFor",
  "automate.run",
  "automate.newFlow",
  "flows.export",
  "flows.import",
  "admin.setPolicy",
  "admin.previewPolicy",
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = [
  "flows.changed",
  "app.notice",
  "shell.command",
  "runs.started",
  "runs.step",
  "runs.waiting",
  "runs.finished",
  "runs.deleted",
  "runs.armedTest",
  "sandbox.changed",
  "workflows.changed",
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of a method, and the one channel events arrive on. */
export const ipcChannel = (method: MethodName): string => `flowsmith:${method}`;
export const IPC_EVENT_CHANNEL = "flowsmith:event";

export function isMethodName(name: string): name is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}
