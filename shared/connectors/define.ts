// Small builders that keep the connector files short: they fill the fields most declarations
// leave at their usual value and stamp each operation with its connector's id.
import type {
  ConnectorDeclaration,
  InputDeclaration,
  OperationDeclaration,
  OutputDeclaration,
  ValueType,
} from "./types";

export const POWERAPPS_API_PREFIX = "/providers/Microsoft.PowerApps/apis/";

type InputOptions = Partial<Omit<InputDeclaration, "name" | "title" | "type" | "help">>;

/** An input; optional and shown unless the options say otherwise. */
export function input(
  name: string,
  title: string,
  type: ValueType,
  help: string,
  options: InputOptions = {},
): InputDeclaration {
  return { name, title, type, help, required: false, advanced: false, ...options };
}

export function output(
  path: string,
  title: string,
  type: ValueType,
  description: string,
  itemOf?: string,
): OutputDeclaration {
  return itemOf === undefined
    ? { path, title, type, description }
    : { path, title, type, description, itemOf };
}

/** Fields of the items of an array output, each declared relative to the item. */
export function itemOutputs(arrayPath: string, fields: readonly OutputDeclaration[]): OutputDeclaration[] {
  return fields.map((field) => ({ ...field, path: `${arrayPath}/${field.path}`, itemOf: arrayPath }));
}

export type OperationSpec = Omit<
  OperationDeclaration,
  "connectorId" | "inputs" | "outputs" | "waitsForPerson" | "inputLocation"
> &
  Partial<Pick<OperationDeclaration, "inputs" | "outputs" | "waitsForPerson" | "inputLocation">>;

export type ConnectorSpec = Omit<ConnectorDeclaration, "operations" | "builtIn" | "apiId"> & {
  operations: readonly OperationSpec[];
};

function stamp(connectorId: string, builtIn: boolean, spec: OperationSpec): OperationDeclaration {
  return {
    inputs: [],
    outputs: [],
    waitsForPerson: false,
    inputLocation: builtIn ? "action" : "parameters",
    ...spec,
    connectorId,
  };
}

/** A managed connector reached through Power Automate's API hub ("shared_x"). */
export function managedConnector(spec: ConnectorSpec): ConnectorDeclaration {
  return {
    ...spec,
    apiId: `${POWERAPPS_API_PREFIX}${spec.id}`,
    builtIn: false,
    operations: spec.operations.map((op) => stamp(spec.id, false, op)),
  };
}

/** Built-in triggers and actions of the workflow language itself. */
export function builtInConnector(spec: ConnectorSpec): ConnectorDeclaration {
  return {
    ...spec,
    apiId: "",
    builtIn: true,
    operations: spec.operations.map((op) => stamp(spec.id, true, op)),
  };
}
