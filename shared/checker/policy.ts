// The administrator's connector policy applied to steps: which connector a step calls (catalog
// id, or the id an unknown connector is written under), and which class the policy gives it.
// Built-in steps (control, data operations, variables, schedule, manual trigger) call none.
import { findConnector } from "../connectors";
import type { Step } from "./analysis";
import type { ConnectorClass, ConnectorPolicy } from "./types";

/** "shared_office365" from any form a policy or a step names a connector by; lower case. */
export function connectorKey(reference: string): string {
  const known = findConnector(reference);
  if (known) return known.id.toLowerCase();
  const id = reference.trim().toLowerCase();
  const apis = id.lastIndexOf("/apis/");
  return (apis >= 0 ? id.slice(apis + "/apis/".length) : id).replace(/\/+$/, "");
}

/** The connector a step calls, or undefined for built-ins. */
export function stepConnector(step: Step): { key: string; name: string } | undefined {
  if (step.connector) return { key: step.connector.id.toLowerCase(), name: step.connector.displayName };
  const reference = step.connectorRef?.connector ?? step.connectorRef?.apiId;
  if (reference === undefined || reference === "") return undefined;
  const key = connectorKey(reference);
  return { key, name: key.replace(/^shared_/, "") };
}

const normalized = new WeakMap<ConnectorPolicy, Map<string, ConnectorClass>>();

export function classOf(policy: ConnectorPolicy, key: string): ConnectorClass {
  let map = normalized.get(policy);
  if (!map) {
    map = new Map();
    for (const [reference, value] of Object.entries(policy.connectors))
      map.set(connectorKey(reference), value);
    normalized.set(policy, map);
  }
  return map.get(key) ?? policy.default ?? "non-business";
}
