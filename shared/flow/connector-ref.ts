// Which connector operation an action or trigger calls, for both the Power Automate form
// (host.apiId + host.operationId) and the legacy form (host.connection.name + method + path).
import { isJsonObject, type JsonObject, type JsonValue } from "../json";

export type ConnectorRef = {
  /** "shared_office365": the last segment of apiId, or the key inside $connections for the legacy form. */
  connector?: string;
  apiId?: string;
  operationId?: string;
  /** The connection used: host.connectionName (a key of connectionReferences), or the legacy form's key. */
  connectionName?: string;
  /** Legacy form: HTTP method and path of the call. */
  method?: string;
  path?: string;
};

const CONNECTIONS_KEY = /\$connections'\)\s*\[\s*'((?:[^']|'')+)'\s*\]/;

/** The connector operation a step calls, or undefined when it is not a connector call. */
export function connectorRefOf(step: { type: string; inputs?: JsonValue }): ConnectorRef | undefined {
  const inputs = step.inputs;
  if (!isJsonObject(inputs) || !isJsonObject(inputs.host)) return undefined;
  const host: JsonObject = inputs.host;
  const ref: ConnectorRef = {};
  const apiId = str(host.apiId);
  if (apiId !== undefined) {
    ref.apiId = apiId;
    ref.connector = apiId.split("/").pop();
  }
  const operationId = str(host.operationId) ?? str(inputs.operationId);
  if (operationId !== undefined) ref.operationId = operationId;
  const connectionName = str(host.connectionName);
  if (connectionName !== undefined) {
    ref.connectionName = connectionName;
    ref.connector ??= connectionName;
  }
  // Legacy form: "@parameters('$connections')['shared_planner_1']['connectionId']", or Logic Apps
  // Standard's connection.referenceName; the connector is that key without its "_1" suffix.
  const connection = isJsonObject(host.connection) ? host.connection : {};
  const legacyName = str(connection.name);
  const key =
    legacyName === undefined
      ? str(connection.referenceName)
      : (CONNECTIONS_KEY.exec(legacyName)?.[1]?.replaceAll("''", "'") ?? legacyName);
  if (key !== undefined) {
    ref.connectionName ??= key;
    if (key.startsWith("shared_")) ref.connector ??= key.replace(/_\d+$/, "");
  }
  const runtimeUrl = isJsonObject(host.api) ? str(host.api.runtimeUrl) : undefined;
  const apiSegment = runtimeUrl?.split("/").filter(Boolean).pop();
  if (apiSegment !== undefined) ref.connector ??= `shared_${apiSegment}`;
  const method = str(inputs.method);
  if (method !== undefined) ref.method = method;
  const path = str(inputs.path);
  if (path !== undefined) ref.path = path;
  return ref;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
