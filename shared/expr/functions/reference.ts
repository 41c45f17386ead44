// Functions that read the trigger's and other actions' results.
import type { JsonObject, JsonValue } from "../../json";
import { ExpressionError } from "../errors";
import { getOwn, isObject } from "../values";
import { fail, integerArg, stringArg } from "./args";
import { define } from "./define";
import type { CallInfo, FunctionDefinition } from "./types";

export function notAvailable(call: CallInfo, what: string): ExpressionError {
  return new ExpressionError("not-available", `'${call.name}' is not available here: ${what}`);
}

function triggerRecord(call: CallInfo): JsonObject {
  const record = call.context.trigger?.();
  if (record === undefined) throw notAvailable(call, "there is no trigger result in this context");
  return record;
}

function triggerOutputs(call: CallInfo): JsonValue {
  return getOwn(triggerRecord(call), "outputs") ?? null;
}

function bodyOf(outputs: JsonValue): JsonValue {
  return isObject(outputs) ? (getOwn(outputs, "body") ?? null) : null;
}

function actionRecord(call: CallInfo, name: string): JsonObject {
  if (!call.context.actionResult)
    throw notAvailable(call, "action results are not available in this context");
  const record = call.context.actionResult(name);
  if (record === undefined) {
    throw new ExpressionError(
      "reference",
      `'${call.name}' refers to action '${name}', which does not exist or has not run yet`,
    );
  }
  return record;
}

function actionOutputs(call: CallInfo, name: string): JsonValue {
  return getOwn(actionRecord(call, name), "outputs") ?? null;
}

/** The values for a key in form-data or form-urlencoded outputs ({ $formdata: [{ key, value }] }). */
function formValues(call: CallInfo, outputs: JsonValue, key: string): JsonValue[] {
  const body = bodyOf(outputs);
  const formdata = isObject(body) ? getOwn(body, "$formdata") : undefined;
  if (!Array.isArray(formdata)) throw fail(call, "expects form-data or form-encoded outputs");
  const out: JsonValue[] = [];
  for (const entry of formdata) {
    if (isObject(entry) && getOwn(entry, "key") === key) out.push(getOwn(entry, "value") ?? null);
  }
  return out;
}

function singleFormValue(call: CallInfo, values: JsonValue[], key: string): JsonValue {
  if (values.length > 1) throw fail(call, `found ${values.length} values for key '${key}' but expects one`);
  return values[0] ?? null;
}

function multipartPart(call: CallInfo, outputs: JsonValue, index: number): JsonValue {
  const body = bodyOf(outputs);
  const parts = isObject(body) ? getOwn(body, "$multipart") : undefined;
  if (!Array.isArray(parts)) throw fail(call, "expects multipart outputs");
  const part = parts[index];
  if (part === undefined) throw fail(call, `part ${index} is out of range; there are ${parts.length} parts`);
  return isObject(part) ? (getOwn(part, "body") ?? null) : part;
}

const ACTION = { references: "action" as const };

export const referenceFunctions: FunctionDefinition[] = [
  define(
    "reference",
    "trigger(): object",
    "The trigger's whole result: inputs, outputs, status, start time…",
    (_args, call) => triggerRecord(call),
    { references: "trigger" },
  ),
  define(
    "reference",
    "triggerOutputs(): any",
    "The trigger's outputs (headers and body).",
    (_args, call) => triggerOutputs(call),
    { references: "trigger" },
  ),
  define(
    "reference",
    "triggerBody(): any",
    "The body of the trigger's outputs.",
    (_args, call) => bodyOf(triggerOutputs(call)),
    { references: "trigger" },
  ),
  define(
    "reference",
    "triggerFormDataValue(key: string): any",
    "The single value for a key in the trigger's form-data outputs.",
    (args, call) => {
      const key = stringArg(args, 0, call);
      return singleFormValue(call, formValues(call, triggerOutputs(call), key), key);
    },
    { references: "trigger" },
  ),
  define(
    "reference",
    "triggerFormDataMultiValues(key: string): array",
    "All the values for a key in the trigger's form-data outputs.",
    (args, call) => formValues(call, triggerOutputs(call), stringArg(args, 0, call)),
    { references: "trigger" },
  ),
  define(
    "reference",
    "triggerMultipartBody(index: integer): any",
    "The body of one part of the trigger's multipart outputs.",
    (args, call) => multipartPart(call, triggerOutputs(call), integerArg(args, 0, call)),
    { references: "trigger" },
  ),
  define(
    "reference",
    "outputs(actionName: string): any",
    "An action's outputs (status code, headers, body).",
    (args, call) => actionOutputs(call, stringArg(args, 0, call, "an action name")),
    ACTION,
  ),
  define(
    "reference",
    "actionOutputs(actionName: string): any",
    "An action's outputs; the same as outputs().",
    (args, call) => actionOutputs(call, stringArg(args, 0, call, "an action name")),
    ACTION,
  ),
  define(
    "reference",
    "body(actionName: string): any",
    "The body of an action's outputs.",
    (args, call) => bodyOf(actionOutputs(call, stringArg(args, 0, call, "an action name"))),
    ACTION,
  ),
  define(
    "reference",
    "actionBody(actionName: string): any",
    "The body of an action's outputs; the same as body().",
    (args, call) => bodyOf(actionOutputs(call, stringArg(args, 0, call, "an action name"))),
    ACTION,
  ),
  define(
    "reference",
    "actions(actionName: string): object",
    "An action's whole result: name, inputs, outputs, status, code, start and end time…",
    (args, call) => actionRecord(call, stringArg(args, 0, call, "an action name")),
    ACTION,
  ),
  define(
    "reference",
    "action(): object",
    "The current action's result (in webhook unsubscribe, tracked properties and Until conditions).",
    (_args, call) => {
      const record = call.context.currentAction?.();
      if (record === undefined) throw notAvailable(call, "there is no current action in this context");
      return record;
    },
  ),
  define(
    "reference",
    "formDataValue(actionName: string, key: string): any",
    "The single value for a key in an action's form-data outputs.",
    (args, call) => {
      const key = stringArg(args, 1, call);
      return singleFormValue(call, formValues(call, actionOutputs(call, stringArg(args, 0, call)), key), key);
    },
    ACTION,
  ),
  define(
    "reference",
    "formDataMultiValues(actionName: string, key: string): array",
    "All the values for a key in an action's form-data outputs.",
    (args, call) => formValues(call, actionOutputs(call, stringArg(args, 0, call)), stringArg(args, 1, call)),
    ACTION,
  ),
  define(
    "reference",
    "multipartBody(actionName: string, index: integer): any",
    "The body of one part of an action's multipart outputs.",
    (args, call) =>
      multipartPart(call, actionOutputs(call, stringArg(args, 0, call)), integerArg(args, 1, call)),
    ACTION,
  ),
];
