// zod (v4) schemas of WDL definitions. Loose everywhere: fields not named here are accepted and kept,
// and an action of a type Flowsmith does not know is checked as a generic action. Each schema checks
// one object's own fields; validate.ts walks the nesting (actions inside scopes) and dispatches on
// the action type case-insensitively, which a zod discriminated union cannot do.
import { z } from "zod";
import type { WdlActionType, WdlTriggerType } from "./action-types";
import { isRunAfterStatus } from "./status";

const json = z.json();
const jsonObject = z.record(z.string(), z.json());
const stringOrNumber = z.union([z.string(), z.number()], { error: "expected a string or a number" });
/** Children are checked one by one by the walker, so here only "an object keyed by name". */
const actionsMap = z.record(z.string(), z.unknown(), {
  error: "expected an object of actions keyed by name",
});

export const runAfterStatusSchema = z
  .string()
  .refine(isRunAfterStatus, { error: "expected a run-after status: Succeeded, Failed, Skipped or TimedOut" });

export const runAfterSchema = z.record(z.string(), z.array(runAfterStatusSchema), {
  error: 'expected an object of predecessor names and status lists, e.g. {"Get_record": ["Succeeded"]}',
});

export const retryPolicySchema = z.looseObject({
  type: z.string(),
  count: z.number().optional(),
  interval: z.string().optional(),
  minimumInterval: z.string().optional(),
  maximumInterval: z.string().optional(),
});

export const runtimeConfigurationSchema = z.looseObject({
  concurrency: z
    .looseObject({
      repetitions: z.number().optional(),
      runs: z.number().optional(),
      maximumWaitingRuns: z.number().optional(),
    })
    .optional(),
  secureData: z.looseObject({ properties: z.array(z.string()).optional() }).optional(),
  paginationPolicy: z.looseObject({ minimumItemCount: z.number().optional() }).optional(),
  staticResult: jsonObject.optional(),
  contentTransfer: jsonObject.optional(),
});

export const limitSchema = z.looseObject({
  timeout: z.string().optional(),
  count: stringOrNumber.optional(),
});

export const conditionSchema = z.union([z.string(), z.boolean(), jsonObject], {
  error: 'expected an expression ("@equals(…)"), true/false, or a condition object ({"and": […]})',
});

const actionCommon = {
  type: z.string({ error: 'an action needs a type (a string such as "Compose")' }),
  kind: z.string().optional(),
  inputs: json.optional(),
  runAfter: runAfterSchema.optional(),
  description: z.string().optional(),
  metadata: jsonObject.optional(),
  runtimeConfiguration: runtimeConfigurationSchema.optional(),
  operationOptions: z.string().optional(),
  limit: limitSchema.optional(),
  trackedProperties: jsonObject.optional(),
};

/** Any action: the fields every action may carry. */
export const genericActionSchema = z.looseObject(actionCommon);

const branchSchema = z.looseObject({ actions: actionsMap.optional() });
const withInputs = (inputs: z.ZodType) => z.looseObject({ ...actionCommon, inputs: inputs.optional() });

const openApiConnectionInputs = z.looseObject({
  host: z
    .looseObject({
      apiId: z.string().optional(),
      connectionName: z.string().optional(),
      operationId: z.string().optional(),
      connection: json.optional(),
    })
    .optional(),
  parameters: jsonObject.optional(),
  authentication: json.optional(),
  retryPolicy: retryPolicySchema.optional(),
});

const apiConnectionInputs = z.looseObject({
  host: z
    .looseObject({
      connection: z.looseObject({ name: z.string().optional() }).optional(),
      api: json.optional(),
    })
    .optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  body: json.optional(),
  queries: json.optional(),
  headers: json.optional(),
  authentication: json.optional(),
  retryPolicy: retryPolicySchema.optional(),
});

const variableInputs = z.looseObject({ name: z.string().optional(), value: json.optional() });

export const actionSchemas = {
  If: z.looseObject({
    ...actionCommon,
    expression: conditionSchema.optional(),
    actions: actionsMap.optional(),
    else: branchSchema.optional(),
  }),
  Switch: z.looseObject({
    ...actionCommon,
    expression: json.optional(),
    cases: z
      .record(
        z.string(),
        z.looseObject({
          case: z
            .union([z.string(), z.number(), z.boolean(), z.null()], {
              error: "expected the case value: a string, number or boolean",
            })
            .optional(),
          actions: actionsMap.optional(),
        }),
      )
      .optional(),
    default: branchSchema.optional(),
  }),
  Foreach: z.looseObject({ ...actionCommon, foreach: json.optional(), actions: actionsMap.optional() }),
  Until: z.looseObject({
    ...actionCommon,
    expression: conditionSchema.optional(),
    actions: actionsMap.optional(),
  }),
  Scope: z.looseObject({ ...actionCommon, actions: actionsMap.optional() }),
  Terminate: withInputs(
    z.looseObject({
      runStatus: z.string().optional(),
      runError: z.looseObject({ code: z.string().optional(), message: z.string().optional() }).optional(),
    }),
  ),
  Wait: withInputs(
    z.looseObject({
      interval: z.looseObject({ count: stringOrNumber.optional(), unit: z.string().optional() }).optional(),
      until: z.looseObject({ timestamp: z.string().optional() }).optional(),
    }),
  ),
  Compose: genericActionSchema,
  InitializeVariable: withInputs(
    z.looseObject({
      variables: z
        .array(z.looseObject({ name: z.string(), type: z.string(), value: json.optional() }))
        .optional(),
    }),
  ),
  SetVariable: withInputs(variableInputs),
  IncrementVariable: withInputs(variableInputs),
  DecrementVariable: withInputs(variableInputs),
  AppendToStringVariable: withInputs(variableInputs),
  AppendToArrayVariable: withInputs(variableInputs),
  ParseJson: withInputs(z.looseObject({ content: json.optional(), schema: json.optional() })),
  Query: withInputs(z.looseObject({ from: json.optional(), where: json.optional() })),
  Select: withInputs(z.looseObject({ from: json.optional(), select: json.optional() })),
  Join: withInputs(z.looseObject({ from: json.optional(), joinWith: z.string().optional() })),
  Table: withInputs(
    z.looseObject({
      from: json.optional(),
      format: z.string().optional(),
      columns: z.array(z.looseObject({ header: z.string().optional(), value: json.optional() })).optional(),
    }),
  ),
  Response: withInputs(
    z.looseObject({
      statusCode: stringOrNumber.optional(),
      headers: json.optional(),
      body: json.optional(),
      schema: json.optional(),
    }),
  ),
  Http: withInputs(
    z.looseObject({
      method: z.string().optional(),
      uri: z.string().optional(),
      headers: json.optional(),
      queries: json.optional(),
      body: json.optional(),
      authentication: json.optional(),
      retryPolicy: retryPolicySchema.optional(),
    }),
  ),
  OpenApiConnection: withInputs(openApiConnectionInputs),
  OpenApiConnectionWebhook: withInputs(openApiConnectionInputs),
  ApiConnection: withInputs(apiConnectionInputs),
  ApiConnectionWebhook: withInputs(apiConnectionInputs),
} satisfies Record<WdlActionType, z.ZodType>;

export const recurrenceSchema = z.looseObject({
  frequency: z.string().optional(),
  interval: stringOrNumber.optional(),
  timeZone: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
  schedule: z
    .looseObject({
      hours: z.array(stringOrNumber).optional(),
      minutes: z.array(stringOrNumber).optional(),
      weekDays: z.array(z.string()).optional(),
      monthDays: z.array(stringOrNumber).optional(),
      monthlyOccurrences: z
        .array(z.looseObject({ day: z.string().optional(), occurrence: z.number().optional() }))
        .optional(),
    })
    .optional(),
});

export const triggerConditionSchema = z.looseObject({
  expression: z.string({ error: 'a trigger condition needs an expression ("@…")' }),
});

const triggerCommon = {
  type: z.string({ error: 'a trigger needs a type (a string such as "Recurrence")' }),
  kind: z.string().optional(),
  inputs: json.optional(),
  recurrence: recurrenceSchema.optional(),
  conditions: z.array(triggerConditionSchema).optional(),
  splitOn: z.string().optional(),
  runtimeConfiguration: runtimeConfigurationSchema.optional(),
  operationOptions: z.string().optional(),
  description: z.string().optional(),
  metadata: jsonObject.optional(),
  correlation: jsonObject.optional(),
};

export const genericTriggerSchema = z.looseObject(triggerCommon);
const triggerWithInputs = (inputs: z.ZodType) =>
  z.looseObject({ ...triggerCommon, inputs: inputs.optional() });

export const triggerSchemas = {
  Recurrence: genericTriggerSchema,
  Request: triggerWithInputs(
    z.looseObject({
      schema: jsonObject.optional(),
      method: z.string().optional(),
      relativePath: z.string().optional(),
    }),
  ),
  Http: genericTriggerSchema,
  HttpWebhook: genericTriggerSchema,
  OpenApiConnection: triggerWithInputs(openApiConnectionInputs),
  OpenApiConnectionWebhook: triggerWithInputs(openApiConnectionInputs),
  OpenApiConnectionNotification: triggerWithInputs(openApiConnectionInputs),
  ApiConnection: triggerWithInputs(apiConnectionInputs),
  ApiConnectionWebhook: triggerWithInputs(apiConnectionInputs),
  ApiConnectionNotification: triggerWithInputs(apiConnectionInputs),
} satisfies Record<WdlTriggerType, z.ZodType>;

export const parameterSchema = z.looseObject({
  type: z.string().optional(),
  defaultValue: json.optional(),
  allowedValues: z.array(json).optional(),
  metadata: jsonObject.optional(),
});

/** The definition's own fields; triggers and actions are checked one by one by the walker. */
export const definitionShapeSchema = z.looseObject({
  $schema: z.string().optional(),
  contentVersion: z.string().optional(),
  parameters: z.record(z.string(), parameterSchema).optional(),
  triggers: z
    .record(z.string(), z.unknown(), { error: "expected an object of triggers keyed by name" })
    .optional(),
  actions: actionsMap.optional(),
  outputs: jsonObject.optional(),
  description: z.string().optional(),
  metadata: jsonObject.optional(),
  staticResults: jsonObject.optional(),
});
