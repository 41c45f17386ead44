// New steps as Power Automate writes them, their default names, and reading and writing one input
// of a step through its declaration.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { connectorOf } from "./catalog";
import { cloneJson, getAt, mergeJson, setAt, splitPath } from "./paths";
import { bcTable } from "./tables";
import type { InputDeclaration, OperationDeclaration } from "./types";

const AUTHENTICATION = "@parameters('$authentication')";

function locationOf(operation: OperationDeclaration, input: InputDeclaration): "parameters" | "action" {
  return input.at ?? operation.inputLocation;
}

function connectorSkeleton(operation: OperationDeclaration): JsonObject {
  const connector = connectorOf(operation);
  if (operation.wdlType === "Request") {
    // A connector's instant trigger keeps the legacy host form, with its operation beside it.
    return {
      type: "Request",
      kind: operation.wdlKind ?? "ApiConnection",
      inputs: {
        host: { connection: { name: `@parameters('$connections')['${connector.id}']['connectionId']` } },
        operationId: operation.operationId,
        parameters: {},
      },
    };
  }
  return {
    type: operation.wdlType,
    inputs: {
      host: { apiId: connector.apiId, connectionName: connector.id, operationId: operation.operationId },
      parameters: {},
      authentication: AUTHENTICATION,
    },
  };
}

export interface InstantiateOptions {
  /** Input values to start with, by input name; they win over the declared defaults. */
  values?: Readonly<Record<string, JsonValue>>;
}

/**
 * A fresh trigger or action object for the operation, with every declared default filled in, as
 * Power Automate writes it (actions get an empty runAfter; placing them is the flow editor's job).
 */
export function instantiate(operation: OperationDeclaration, options: InstantiateOptions = {}): JsonObject {
  const builtIn = connectorOf(operation).builtIn;
  let step = builtIn ? { type: operation.wdlType } : connectorSkeleton(operation);
  if (operation.template) step = mergeJson(step, operation.template);
  for (const input of operation.inputs) {
    const given = options.values?.[input.name];
    const value = given !== undefined ? given : input.default;
    if (value === undefined) continue;
    if (given === undefined && inputValue(step, operation, input) !== undefined) continue;
    step = withInputValue(step, operation, input, cloneJson(value));
  }
  if (operation.kind === "action" && !("runAfter" in step)) step.runAfter = {};
  return step;
}

// Characters Power Automate does not allow in step names.
const FORBIDDEN_IN_NAMES = /[<>%&\\?/:#*|"']/g;

/**
 * The name Power Automate gives a new step of the operation: the display name with spaces turned
 * into underscores ("Send_an_email_(V2)"), made unique against the names already taken by adding
 * "_2", "_3", … (names compare case-insensitively, as in the workflow language).
 */
export function defaultActionName(operation: OperationDeclaration, taken: Iterable<string> = []): string {
  const base = (operation.defaultName ?? operation.displayName.trim().replace(/\s+/g, "_")).replace(
    FORBIDDEN_IN_NAMES,
    "",
  );
  const used = new Set<string>();
  for (const name of taken) used.add(name.toLowerCase());
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A new step with its default name: what dropping an operation on the canvas creates. */
export function newStep(
  operation: OperationDeclaration,
  taken: Iterable<string> = [],
  options: InstantiateOptions = {},
): { name: string; definition: JsonObject } {
  return { name: defaultActionName(operation, taken), definition: instantiate(operation, options) };
}

/**
 * Where a "parameters" input sits: its own key ("emailMessage/To"), or inside an object under one
 * of its prefixes when the export wrote it nested ({"item": {"displayName": …}}).
 */
function parameterPath(parameters: JsonObject, name: string): string {
  if (Object.hasOwn(parameters, name)) return name;
  const segments = splitPath(name);
  for (let i = segments.length - 1; i > 0; i--) {
    const prefix = segments.slice(0, i).join("/");
    if (isJsonObject(parameters[prefix])) return [prefix, ...segments.slice(i)].join("\u0000");
  }
  return name;
}

function readParameter(parameters: JsonObject, name: string): JsonValue | undefined {
  const [key = name, ...rest] = parameterPath(parameters, name).split("\u0000");
  const value = Object.hasOwn(parameters, key) ? parameters[key] : undefined;
  return rest.length === 0 ? value : getAt(value, rest.join("/"));
}

/** The value an input has in a step, or undefined when the step leaves it unset. */
export function inputValue(
  step: JsonObject,
  operation: OperationDeclaration,
  input: InputDeclaration,
): JsonValue | undefined {
  if (locationOf(operation, input) === "action") return getAt(step, input.name);
  const parameters = getAt(step, "inputs/parameters");
  return isJsonObject(parameters) ? readParameter(parameters, input.name) : undefined;
}

/** A copy of the step with the input set (or removed, for undefined). */
export function withInputValue(
  step: JsonObject,
  operation: OperationDeclaration,
  input: InputDeclaration,
  value: JsonValue | undefined,
): JsonObject {
  if (locationOf(operation, input) === "action") return setAt(step, input.name, value);
  const current = getAt(step, "inputs/parameters");
  const parameters: JsonObject = isJsonObject(current) ? { ...current } : {};
  const [key = input.name, ...rest] = parameterPath(parameters, input.name).split("\u0000");
  if (rest.length === 0) {
    if (value === undefined) delete parameters[key];
    else parameters[key] = value;
  } else {
    const nested = parameters[key];
    parameters[key] = setAt(isJsonObject(nested) ? nested : {}, rest.join("/"), value);
  }
  return setAt(step, "inputs/parameters", parameters);
}

/**
 * The inputs the step's form shows: the declared ones, with a dynamic record object expanded into
 * one "item/<field>" input per writable field once the table is known.
 */
export function inputsOf(operation: OperationDeclaration, step?: JsonObject): InputDeclaration[] {
  return operation.inputs.flatMap((input): InputDeclaration[] => {
    if (input.dynamicFields !== "bc-record" || !step) return [input];
    const tableInput = operation.inputs.find((candidate) => candidate.name === "table");
    const tableName = tableInput ? inputValue(step, operation, tableInput) : undefined;
    const table = typeof tableName === "string" ? bcTable(tableName) : undefined;
    if (!table) return [input];
    return table.fields
      .filter((field) => !field.readOnly)
      .map((field) => ({
        name: `${input.name}/${field.name}`,
        title: field.title,
        type: field.type,
        required: false,
        // Titles may end with their own full stop ("No."): never two.
        help: `${table.title}: ${field.title.replace(/\.$/, "")}.`,
        advanced: false,
        ...(field.enum
          ? { enum: field.enum.map((value) => ({ value, title: value.trim() || "(blank)" })) }
          : {}),
      }));
  });
}
