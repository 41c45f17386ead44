// Which catalog operation a WDL trigger or action object is: built-ins by their type (and kind or
// shape), connector calls by their host, including the legacy ApiConnection forms.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { CONNECTORS, findConnector, findOperation } from "./catalog";
import { getAt } from "./paths";
import type { ConnectorDeclaration, FlowKind, OperationDeclaration } from "./types";

const CONNECTOR_TYPES = new Set([
  "openapiconnection",
  "openapiconnectionwebhook",
  "openapiconnectionnotification",
]);
const LEGACY_TYPES = new Set(["apiconnection", "apiconnectionwebhook", "apiconnectionnotification"]);

const str = (value: JsonValue | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;

/** The connector a host object names, whichever of its forms the export used. */
function hostConnector(host: JsonValue | undefined): ConnectorDeclaration | undefined {
  if (!isJsonObject(host)) return undefined;
  const connection = host.connection;
  const references = [
    str(host.apiId),
    str(host.connectionName),
    str(connection),
    isJsonObject(connection) ? str(connection.name) : undefined,
    isJsonObject(connection) ? str(connection.referenceName) : undefined,
    isJsonObject(host.api) ? str(host.api.runtimeUrl) : undefined,
  ];
  for (const reference of references) {
    const connector = reference === undefined ? undefined : findConnector(reference);
    if (connector) return connector;
  }
  return undefined;
}

/** The connector a connector call (OpenApiConnection*, ApiConnection*, Request with a host) goes to. */
export function connectorOfAction(action: JsonValue): ConnectorDeclaration | undefined {
  return isJsonObject(action) ? hostConnector(getAt(action, "inputs/host")) : undefined;
}

// "@{encodeURIComponent('a/b')}" may hold slashes: mask expressions before splitting a path.
function pathSegments(path: string): string[] {
  let masked = "";
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (depth === 0 && ch === "@" && path[i + 1] === "{") {
      depth = 1;
      masked += "@{";
      i++;
    } else if (depth > 0) {
      if (ch === "{") depth++;
      else if (ch === "}") depth--;
      masked += ch === "/" ? "\u0000" : ch;
    } else {
      masked += ch;
    }
  }
  return masked.split("/").filter((segment) => segment !== "");
}

function routeMatches(template: string, path: string): boolean {
  const expected = pathSegments(template);
  const actual = pathSegments(path);
  if (expected.length !== actual.length) return false;
  return expected.every(
    (segment, i) => /^\{[^}]+\}$/.test(segment) || segment.toLowerCase() === actual[i]?.toLowerCase(),
  );
}

/** The request a legacy connector call sends: method and path, wherever its type keeps them. */
function legacyRequest(action: JsonObject): { method: string; path: string } | undefined {
  const type = str(action.type)?.toLowerCase();
  if (type === "apiconnectionnotification") {
    const path = str(getAt(action, "inputs/fetch/pathTemplate/template"));
    return path === undefined
      ? undefined
      : { method: str(getAt(action, "inputs/fetch/method")) ?? "get", path };
  }
  const path = str(getAt(action, "inputs/path"));
  if (path === undefined) return undefined;
  const fallback = type === "apiconnectionwebhook" ? "post" : "get";
  return { method: str(getAt(action, "inputs/method")) ?? fallback, path };
}

function legacyOperation(
  action: JsonObject,
  connector: ConnectorDeclaration,
): OperationDeclaration | undefined {
  const swaggerId =
    str(getAt(action, "metadata/flowSystemMetadata/swaggerOperationId")) ??
    str(getAt(action, "inputs/operationId"));
  if (swaggerId !== undefined) {
    const byId = findOperation(connector.id, swaggerId);
    if (byId) return byId;
  }
  const request = legacyRequest(action);
  if (!request) return undefined;
  const method = request.method.toLowerCase();
  return connector.operations.find(
    (op) =>
      op.legacy !== undefined && op.legacy.method === method && routeMatches(op.legacy.path, request.path),
  );
}

function matches(op: OperationDeclaration, action: JsonObject): boolean {
  if (!op.match) return true;
  const value = getAt(action, op.match.path);
  if (op.match.equals === undefined) return value !== undefined && value !== null;
  if (typeof value === "string" && typeof op.match.equals === "string") {
    return value.toLowerCase() === op.match.equals.toLowerCase();
  }
  return value === op.match.equals;
}

const BUILT_INS = CONNECTORS.filter((connector) => connector.builtIn).flatMap(
  (connector) => connector.operations,
);

function builtInOperation(action: JsonObject, type: string): OperationDeclaration | undefined {
  const kind = str(action.kind)?.toLowerCase();
  const candidates = BUILT_INS.filter(
    (op) =>
      op.wdlType.toLowerCase() === type &&
      (op.wdlKind === undefined || kind === undefined || op.wdlKind.toLowerCase() === kind),
  );
  return (
    candidates.find((op) => op.match !== undefined && matches(op, action)) ??
    candidates.find((op) => !op.match)
  );
}

/** The declaration of any WDL trigger or action object, or undefined for what the catalog lacks. */
export function operationOfAction(action: JsonValue): OperationDeclaration | undefined {
  if (!isJsonObject(action)) return undefined;
  const type = str(action.type)?.toLowerCase();
  if (type === undefined) return undefined;
  if (CONNECTOR_TYPES.has(type)) {
    const connector = connectorOfAction(action);
    const operationId = str(getAt(action, "inputs/host/operationId"));
    return connector && operationId !== undefined ? findOperation(connector.id, operationId) : undefined;
  }
  if (LEGACY_TYPES.has(type)) {
    const connector = connectorOfAction(action);
    return connector ? legacyOperation(action, connector) : undefined;
  }
  // A connector's own instant trigger: a Request whose inputs name a host and an operationId.
  if (type === "request" && isJsonObject(getAt(action, "inputs/host"))) {
    const connector = connectorOfAction(action);
    const operationId = str(getAt(action, "inputs/operationId"));
    return connector && operationId !== undefined ? findOperation(connector.id, operationId) : undefined;
  }
  return builtInOperation(action, type);
}

/** The kind of flow a trigger makes (automated, scheduled, instant), when the catalog knows the trigger. */
export function flowKindOf(trigger: JsonValue): FlowKind | undefined {
  return operationOfAction(trigger)?.flowKind;
}
