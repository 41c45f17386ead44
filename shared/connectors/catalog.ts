// The catalog: every connector in palette order, and lookups by the many forms a connector is
// referred to by in flow definitions.
import { approvals } from "./approvals";
import { businessCentral } from "./businesscentral";
import { control } from "./control";
import { dataOperations } from "./dataoperations";
import { excel } from "./excel";
import { notifications } from "./notifications";
import { office365 } from "./office365";
import { teams } from "./teams";
import { manual, request, schedule } from "./triggers";
import {
  type ConnectorDeclaration,
  type OperationDeclaration,
  type OperationKind,
  PALETTE_ORDER,
  type PaletteGroup,
} from "./types";
import { variables } from "./variables";

/** Every connector, ordered as the palette shows them. */
export const CONNECTORS: readonly ConnectorDeclaration[] = [
  businessCentral,
  approvals,
  office365,
  teams,
  excel,
  notifications,
  control,
  dataOperations,
  variables,
  schedule,
  manual,
  request,
].sort((a, b) => PALETTE_ORDER.indexOf(a.group) - PALETTE_ORDER.indexOf(b.group));

const byId = new Map(CONNECTORS.map((connector) => [connector.id.toLowerCase(), connector]));

/** Every operation of every connector, in palette order. */
export function allOperations(): OperationDeclaration[] {
  return CONNECTORS.flatMap((connector) => connector.operations);
}

/**
 * The connector id a reference names, lower-cased: accepts "/providers/Microsoft.PowerApps/apis/shared_x",
 * "shared_x", "x", the legacy "@parameters('$connections')['shared_x']['connectionId']" and an API hub
 * runtime URL ("https://…/apim/x").
 */
function referencedId(reference: string): string {
  let id = reference.trim();
  const legacy = /\$connections'\)\s*\[\s*'([^']+)'/.exec(id);
  if (legacy?.[1]) id = legacy[1];
  const apis = id.lastIndexOf("/apis/");
  if (apis >= 0) id = id.slice(apis + "/apis/".length);
  const apim = id.lastIndexOf("/apim/");
  if (apim >= 0) id = id.slice(apim + "/apim/".length);
  return id.replace(/\/+$/, "").toLowerCase();
}

export function findConnector(apiIdOrName: string): ConnectorDeclaration | undefined {
  const id = referencedId(apiIdOrName);
  if (id === "") return undefined;
  const candidates = [id, `shared_${id}`];
  // Connection reference keys get a numeric suffix when a flow uses two connections of one API.
  const unsuffixed = id.replace(/[_-]\d+$/, "");
  if (unsuffixed !== id) candidates.push(unsuffixed, `shared_${unsuffixed}`);
  for (const candidate of candidates) {
    const found = byId.get(candidate);
    if (found) return found;
  }
  return undefined;
}

/** An operation by connector (any form findConnector accepts) and operationId; exact case first. */
export function findOperation(connectorId: string, operationId: string): OperationDeclaration | undefined {
  const connector = findConnector(connectorId);
  if (!connector) return undefined;
  const exact = connector.operations.find((op) => op.operationId === operationId);
  if (exact) return exact;
  const wanted = operationId.toLowerCase();
  return connector.operations.find((op) => op.operationId.toLowerCase() === wanted);
}

/** The connector an operation belongs to. */
export function connectorOf(operation: OperationDeclaration): ConnectorDeclaration {
  const connector = byId.get(operation.connectorId.toLowerCase());
  if (!connector)
    throw new Error(
      `operation '${operation.operationId}' names unknown connector '${operation.connectorId}'`,
    );
  return connector;
}

export interface PaletteOptions {
  /** Only triggers, or only actions. */
  kind?: OperationKind;
  includeDeprecated?: boolean;
}

export interface PaletteEntry {
  connector: ConnectorDeclaration;
  operations: OperationDeclaration[];
}

export interface PaletteGroupEntry {
  group: PaletteGroup;
  connectors: PaletteEntry[];
}

export function paletteOperations(
  connector: ConnectorDeclaration,
  options: PaletteOptions = {},
): OperationDeclaration[] {
  return connector.operations.filter(
    (op) =>
      (options.kind === undefined || op.kind === options.kind) &&
      (options.includeDeprecated || !op.deprecated),
  );
}

/** The palette: groups in display order, each with its connectors and their operations; empty groups left out. */
export function paletteGroups(options: PaletteOptions = {}): PaletteGroupEntry[] {
  const groups: PaletteGroupEntry[] = [];
  for (const group of PALETTE_ORDER) {
    const connectors = CONNECTORS.filter((connector) => connector.group === group)
      .map((connector) => ({ connector, operations: paletteOperations(connector, options) }))
      .filter((entry) => entry.operations.length > 0);
    if (connectors.length > 0) groups.push({ group, connectors });
  }
  return groups;
}
