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
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ["flows.changed", "app.notice", "shell.command"] as const;
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
