// TypeScript view of Workflow Definition Language (WDL) definitions as Power Automate and Logic Apps
// write them. Every type names the fields Flowsmith understands; files carry more, and those extra
// fields stay in the objects untouched (read a field that is not named here through a JsonObject).
// No type has an index signature and every field is JSON, so any of them is assignable to JsonValue.
import type { JsonObject, JsonPrimitive, JsonValue } from "../json";

/** runAfter: predecessor name → statuses as written (any letter case; see normalizeStatus). */
export type WdlRunAfter = { [actionName: string]: string[] };

/** inputs.retryPolicy of HTTP and connector calls. type: "none" | "fixed" | "exponential" | "default". */
export type WdlRetryPolicy = {
  type: string;
  count?: number;
  /** ISO 8601 duration, e.g. "PT20S". */
  interval?: string;
  minimumInterval?: string;
  maximumInterval?: string;
};

export type WdlRuntimeConfiguration = {
  /** repetitions: parallel iterations of a Foreach; runs / maximumWaitingRuns: trigger concurrency. */
  concurrency?: { repetitions?: number; runs?: number; maximumWaitingRuns?: number };
  secureData?: { properties?: string[] };
  paginationPolicy?: { minimumItemCount?: number };
  staticResult?: JsonObject;
  contentTransfer?: JsonObject;
};

/** limit: timeout (ISO 8601 duration) for any action; count for Until. */
export type WdlLimit = { timeout?: string; count?: number | string };

/** Fields every action may carry. */
export type WdlActionCommon = {
  type: string;
  kind?: string;
  runAfter?: WdlRunAfter;
  description?: string;
  metadata?: JsonObject;
  runtimeConfiguration?: WdlRuntimeConfiguration;
  operationOptions?: string;
  limit?: WdlLimit;
  trackedProperties?: JsonObject;
};

/** An action seen only through the fields every action has. */
export type WdlGenericAction = WdlActionCommon & { inputs?: JsonValue };

/** Actions keyed by name. Names are unique across a whole definition, in every scope. */
export type WdlActions = { [name: string]: WdlAction };

/** A branch holding actions: If's else, Switch's cases and default. */
export type WdlBranch = { actions?: WdlActions };
export type WdlSwitchCase = WdlBranch & { case?: JsonPrimitive };

/** The designer's condition-builder form: {"and":[{"equals":[a,b]}]}, {"not":{…}}, {"or":[…]}. */
export type WdlConditionObject = { [operator: string]: JsonValue };
/** An If / Until condition: an expression string ("@equals(…)"), a literal boolean, or a builder object. */
export type WdlCondition = string | boolean | WdlConditionObject;

type WithInputs<I> = WdlActionCommon & { inputs?: I };

// Control actions.
export type WdlIfAction = WdlGenericAction & {
  expression?: WdlCondition;
  actions?: WdlActions;
  else?: WdlBranch;
};
export type WdlSwitchAction = WdlGenericAction & {
  expression?: JsonValue;
  cases?: { [caseName: string]: WdlSwitchCase };
  default?: WdlBranch;
};
export type WdlForeachAction = WdlGenericAction & { foreach?: JsonValue; actions?: WdlActions };
export type WdlUntilAction = WdlGenericAction & { expression?: WdlCondition; actions?: WdlActions };
export type WdlScopeAction = WdlGenericAction & { actions?: WdlActions };
export type WdlTerminateAction = WithInputs<{
  runStatus?: string;
  runError?: { code?: string; message?: string };
}>;
export type WdlWaitAction = WithInputs<{
  interval?: { count?: number | string; unit?: string };
  until?: { timestamp?: string };
}>;

// Data operations and variables.
export type WdlComposeAction = WdlGenericAction;
export type WdlVariableDeclaration = { name: string; type: string; value?: JsonValue };
export type WdlInitializeVariableAction = WithInputs<{ variables?: WdlVariableDeclaration[] }>;
/** SetVariable, IncrementVariable, DecrementVariable, AppendToStringVariable, AppendToArrayVariable. */
export type WdlVariableAction = WithInputs<{ name?: string; value?: JsonValue }>;
export type WdlParseJsonAction = WithInputs<{ content?: JsonValue; schema?: JsonValue }>;
export type WdlQueryAction = WithInputs<{ from?: JsonValue; where?: JsonValue }>;
export type WdlSelectAction = WithInputs<{ from?: JsonValue; select?: JsonValue }>;
export type WdlJoinAction = WithInputs<{ from?: JsonValue; joinWith?: string }>;
export type WdlTableAction = WithInputs<{
  from?: JsonValue;
  format?: string;
  columns?: { header?: string; value?: JsonValue }[];
}>;
export type WdlResponseAction = WithInputs<{
  statusCode?: number | string;
  headers?: JsonValue;
  body?: JsonValue;
  schema?: JsonValue;
}>;

// Calls.
export type WdlHttpInputs = {
  method?: string;
  uri?: string;
  headers?: JsonValue;
  queries?: JsonValue;
  body?: JsonValue;
  authentication?: JsonValue;
  retryPolicy?: WdlRetryPolicy;
};
export type WdlHttpAction = WithInputs<WdlHttpInputs>;

/** Power Automate's connector call: host.apiId "/providers/Microsoft.PowerApps/apis/shared_office365". */
export type WdlOpenApiHost = {
  apiId?: string;
  connectionName?: string;
  operationId?: string;
  connection?: JsonValue;
};
export type WdlOpenApiConnectionInputs = {
  host?: WdlOpenApiHost;
  /** Slash-path keys: "emailMessage/To", "WebhookApprovalCreationInput/title". */
  parameters?: { [key: string]: JsonValue };
  authentication?: JsonValue;
  retryPolicy?: WdlRetryPolicy;
};
/** OpenApiConnection, OpenApiConnectionWebhook (and the OpenApiConnection* triggers). */
export type WdlOpenApiConnectionAction = WithInputs<WdlOpenApiConnectionInputs>;

/** The legacy connector call: host.connection.name "@parameters('$connections')['shared_x']['connectionId']". */
export type WdlApiConnectionInputs = {
  host?: { connection?: { name?: string }; api?: JsonValue };
  method?: string;
  path?: string;
  body?: JsonValue;
  queries?: JsonValue;
  headers?: JsonValue;
  authentication?: JsonValue;
  retryPolicy?: WdlRetryPolicy;
};
/** ApiConnection, ApiConnectionWebhook (and the ApiConnection* triggers). */
export type WdlApiConnectionAction = WithInputs<WdlApiConnectionInputs>;

/**
 * Any action, of a known type or not. A union so that an object literal of any known type (with
 * its own fields: expression, cases, foreach…) type-checks as an action; narrow with isActionType.
 */
export type WdlAction =
  | WdlGenericAction
  | WdlIfAction
  | WdlSwitchAction
  | WdlForeachAction
  | WdlUntilAction
  | WdlScopeAction
  | WdlTerminateAction
  | WdlWaitAction
  | WdlInitializeVariableAction
  | WdlVariableAction
  | WdlParseJsonAction
  | WdlQueryAction
  | WdlSelectAction
  | WdlJoinAction
  | WdlTableAction
  | WdlResponseAction
  | WdlHttpAction
  | WdlOpenApiConnectionAction
  | WdlApiConnectionAction;

// Triggers.
export type WdlRecurrence = {
  /** "Second" | "Minute" | "Hour" | "Day" | "Week" | "Month". */
  frequency?: string;
  interval?: number | string;
  timeZone?: string;
  startTime?: string;
  endTime?: string;
  schedule?: {
    hours?: (string | number)[];
    minutes?: (string | number)[];
    weekDays?: string[];
    monthDays?: (string | number)[];
    monthlyOccurrences?: { day?: string; occurrence?: number }[];
  };
};

/** A trigger condition: the trigger fires only when every expression is true. */
export type WdlTriggerCondition = { expression: string };

export type WdlTriggerCommon = {
  type: string;
  kind?: string;
  /** Polling triggers (Recurrence, Http, ApiConnection) check on this schedule. */
  recurrence?: WdlRecurrence;
  conditions?: WdlTriggerCondition[];
  splitOn?: string;
  runtimeConfiguration?: WdlRuntimeConfiguration;
  operationOptions?: string;
  description?: string;
  metadata?: JsonObject;
  correlation?: JsonObject;
};
export type WdlTrigger = WdlTriggerCommon & { inputs?: JsonValue };
export type WdlTriggers = { [name: string]: WdlTrigger };

export type WdlRecurrenceTrigger = WdlTrigger & { recurrence?: WdlRecurrence };
/** kind "Button" (instant flow; inputs.schema is the Run flow form), "Http", "ApiConnection" (hybrid). */
export type WdlRequestTrigger = WdlTriggerCommon & {
  inputs?: { schema?: JsonObject; method?: string; relativePath?: string };
};
export type WdlOpenApiConnectionTrigger = WdlTriggerCommon & { inputs?: WdlOpenApiConnectionInputs };
export type WdlApiConnectionTrigger = WdlTriggerCommon & { inputs?: WdlApiConnectionInputs };

export type WdlParameter = {
  type?: string;
  defaultValue?: JsonValue;
  allowedValues?: JsonValue[];
  metadata?: JsonObject;
};

export type WdlDefinition = {
  $schema?: string;
  contentVersion?: string;
  parameters?: { [name: string]: WdlParameter };
  triggers?: WdlTriggers;
  actions?: WdlActions;
  outputs?: JsonObject;
  description?: string;
  metadata?: JsonObject;
  staticResults?: JsonObject;
};
