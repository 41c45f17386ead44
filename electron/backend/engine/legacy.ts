// The legacy connector call (ApiConnection, ApiConnectionWebhook) sends a method, a path, queries and
// a body; ConnectorRuntime takes the parameters of the OpenApiConnection form. The mapping, as best
// it can be done from the catalog:
//  - the path is matched against the operation's legacy route: each {name} segment becomes the
//    parameter `name` (URI-decoded: exports encode values once or twice);
//  - each query becomes the parameter of the same name;
//  - the body goes to the operation's body parameter: when every slash-path input shares one prefix
//    ("emailMessage/To", "body/Filter") each body field becomes prefix/field; otherwise it goes
//    whole to the operation's single object input ("item"), or to `body`.

import { connectorOfAction, operationOfAction } from "../../../shared/connectors";
import { type EvaluationContext, evaluateValue } from "../../../shared/expr";
import type { WdlApiConnectionAction } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { StepError } from "./errors";

function decodeSegment(segment: string): string {
  let out = segment;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(out); i++) {
    try {
      out = decodeURIComponent(out);
    } catch {
      break;
    }
  }
  return out;
}

export interface LegacyCall {
  connectorId: string;
  operationId: string;
  parameters: JsonObject;
}

export function legacyCall(
  name: string,
  action: WdlApiConnectionAction,
  context: EvaluationContext,
): LegacyCall {
  const connector = connectorOfAction(action as JsonValue);
  if (!connector) {
    throw new StepError(
      "ConnectorNotFound",
      `Step '${name}' calls a connector that Flowsmith does not know.`,
    );
  }
  const operation = operationOfAction(action as JsonValue);
  const inputs = action.inputs ?? {};
  if (!operation) {
    throw new StepError(
      "OperationNotFound",
      `Step '${name}' calls ${String(inputs.method ?? "").toUpperCase()} ${String(inputs.path ?? "")} on ${connector.id}, which matches no operation Flowsmith knows.`,
    );
  }
  const parameters: JsonObject = {};
  const path = inputs.path === undefined ? undefined : evaluateValue(inputs.path, context);
  if (typeof path === "string" && operation.legacy) {
    const template = operation.legacy.path.split("/").filter((s) => s !== "");
    const actual =
      path
        .split("?")[0]
        ?.split("/")
        .filter((s) => s !== "") ?? [];
    template.forEach((segment, i) => {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
      const value = actual[i];
      if (param !== undefined && value !== undefined) parameters[param] = decodeSegment(value);
    });
  }
  const queries = inputs.queries === undefined ? {} : evaluateValue(inputs.queries, context);
  if (isJsonObject(queries)) Object.assign(parameters, queries);
  if (inputs.body !== undefined) {
    const body = evaluateValue(inputs.body, context);
    const prefixes = new Set(
      operation.inputs.filter((i) => i.name.includes("/")).map((i) => i.name.slice(0, i.name.indexOf("/"))),
    );
    const objectInput = operation.inputs.find(
      (i) => i.type === "object" && !i.name.includes("/") && !(i.name in parameters),
    );
    const [prefix] = [...prefixes];
    if (prefixes.size === 1 && prefix !== undefined && isJsonObject(body)) {
      for (const [key, value] of Object.entries(body)) parameters[`${prefix}/${key}`] = value;
    } else if (objectInput) parameters[objectInput.name] = body;
    else parameters.body = body;
  }
  return { connectorId: connector.id, operationId: operation.operationId, parameters };
}
