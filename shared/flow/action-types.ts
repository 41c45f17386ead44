// Action and trigger types by name. WDL compares type names case-insensitively, so every test here
// goes through canonicalActionType: a file that says "if" or "foreach" is read like "If"/"Foreach".
import type {
  WdlAction,
  WdlApiConnectionAction,
  WdlApiConnectionTrigger,
  WdlComposeAction,
  WdlForeachAction,
  WdlHttpAction,
  WdlIfAction,
  WdlInitializeVariableAction,
  WdlJoinAction,
  WdlOpenApiConnectionAction,
  WdlOpenApiConnectionTrigger,
  WdlParseJsonAction,
  WdlQueryAction,
  WdlRecurrenceTrigger,
  WdlRequestTrigger,
  WdlResponseAction,
  WdlScopeAction,
  WdlSelectAction,
  WdlSwitchAction,
  WdlTableAction,
  WdlTerminateAction,
  WdlTrigger,
  WdlUntilAction,
  WdlVariableAction,
  WdlWaitAction,
} from "./types";

export type WdlActionByType = {
  If: WdlIfAction;
  Switch: WdlSwitchAction;
  Foreach: WdlForeachAction;
  Until: WdlUntilAction;
  Scope: WdlScopeAction;
  Terminate: WdlTerminateAction;
  Wait: WdlWaitAction;
  Compose: WdlComposeAction;
  InitializeVariable: WdlInitializeVariableAction;
  SetVariable: WdlVariableAction;
  IncrementVariable: WdlVariableAction;
  DecrementVariable: WdlVariableAction;
  AppendToStringVariable: WdlVariableAction;
  AppendToArrayVariable: WdlVariableAction;
  ParseJson: WdlParseJsonAction;
  Query: WdlQueryAction;
  Select: WdlSelectAction;
  Join: WdlJoinAction;
  Table: WdlTableAction;
  Response: WdlResponseAction;
  Http: WdlHttpAction;
  OpenApiConnection: WdlOpenApiConnectionAction;
  OpenApiConnectionWebhook: WdlOpenApiConnectionAction;
  ApiConnection: WdlApiConnectionAction;
  ApiConnectionWebhook: WdlApiConnectionAction;
};
export type WdlActionType = keyof WdlActionByType;

export const ACTION_TYPES = [
  "If",
  "Switch",
  "Foreach",
  "Until",
  "Scope",
  "Terminate",
  "Wait",
  "Compose",
  "InitializeVariable",
  "SetVariable",
  "IncrementVariable",
  "DecrementVariable",
  "AppendToStringVariable",
  "AppendToArrayVariable",
  "ParseJson",
  "Query",
  "Select",
  "Join",
  "Table",
  "Response",
  "Http",
  "OpenApiConnection",
  "OpenApiConnectionWebhook",
  "ApiConnection",
  "ApiConnectionWebhook",
] as const satisfies readonly WdlActionType[];

export type WdlTriggerByType = {
  Recurrence: WdlRecurrenceTrigger;
  Request: WdlRequestTrigger;
  Http: WdlTrigger;
  HttpWebhook: WdlTrigger;
  OpenApiConnection: WdlOpenApiConnectionTrigger;
  OpenApiConnectionWebhook: WdlOpenApiConnectionTrigger;
  OpenApiConnectionNotification: WdlOpenApiConnectionTrigger;
  ApiConnection: WdlApiConnectionTrigger;
  ApiConnectionWebhook: WdlApiConnectionTrigger;
  ApiConnectionNotification: WdlApiConnectionTrigger;
};
export type WdlTriggerType = keyof WdlTriggerByType;

export const TRIGGER_TYPES = [
  "Recurrence",
  "Request",
  "Http",
  "HttpWebhook",
  "OpenApiConnection",
  "OpenApiConnectionWebhook",
  "OpenApiConnectionNotification",
  "ApiConnection",
  "ApiConnectionWebhook",
  "ApiConnectionNotification",
] as const satisfies readonly WdlTriggerType[];

/** Actions that hold other actions. */
export const SCOPE_TYPES = ["If", "Switch", "Foreach", "Until", "Scope"] as const;
export type WdlScopeType = (typeof SCOPE_TYPES)[number];

// Keyed by the type as written most often and in lower case: the engine asks for every step it
// runs, and the usual spelling is found without making a lower-cased copy.
const canonicalAction = new Map<string, WdlActionType>(
  ACTION_TYPES.flatMap((t) => [
    [t, t],
    [t.toLowerCase(), t],
  ]),
);
const canonicalTrigger = new Map<string, WdlTriggerType>(
  TRIGGER_TYPES.flatMap((t) => [
    [t, t],
    [t.toLowerCase(), t],
  ]),
);

/** The known action type written in any letter case, or undefined for a type Flowsmith does not know. */
export function canonicalActionType(type: string): WdlActionType | undefined {
  return canonicalAction.get(type) ?? canonicalAction.get(type.toLowerCase());
}

export function canonicalTriggerType(type: string): WdlTriggerType | undefined {
  return canonicalTrigger.get(type) ?? canonicalTrigger.get(type.toLowerCase());
}

declare const narrowedByType: unique symbol;

/**
 * What isActionType narrows to. The mark (a type-only symbol, absent at run time) keeps a failed test
 * from narrowing other types away: WdlAction is a union, and without it `if (isActionType(a,
 * "Compose")) … else …` would leave `never` in the else branch.
 */
export type NarrowedAction<T extends WdlActionType> = WdlActionByType[T] & { readonly [narrowedByType]: T };

/** Narrows an action by its type (case-insensitive). The fields' shapes hold for validated definitions. */
export function isActionType<T extends WdlActionType>(
  action: WdlAction,
  type: T,
): action is NarrowedAction<T> {
  return typeof action.type === "string" && action.type.toLowerCase() === type.toLowerCase();
}

export function isTriggerType<T extends WdlTriggerType>(
  trigger: WdlTrigger,
  type: T,
): trigger is WdlTrigger & WdlTriggerByType[T] {
  return typeof trigger.type === "string" && trigger.type.toLowerCase() === type.toLowerCase();
}

/** If, Switch, Foreach, Until or Scope: an action with branches of other actions. */
export function isScopeAction(action: WdlAction): action is NarrowedAction<WdlScopeType> {
  const t = canonicalActionType(action.type);
  return t === "If" || t === "Switch" || t === "Foreach" || t === "Until" || t === "Scope";
}

/** OpenApiConnection(Webhook) or the legacy ApiConnection(Webhook): a call to a connector. */
export function isConnectorAction(action: WdlAction): boolean {
  const t = canonicalActionType(action.type);
  return (
    t === "OpenApiConnection" ||
    t === "OpenApiConnectionWebhook" ||
    t === "ApiConnection" ||
    t === "ApiConnectionWebhook"
  );
}
