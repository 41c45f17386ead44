// Small definitions for the checker's tests, built from the catalog the way the designer builds
// them, and shortcuts to look at findings.
import { findOperation, instantiate } from "../../connectors";
import type { WdlAction, WdlActions, WdlDefinition, WdlTrigger } from "../../flow";
import type { JsonObject, JsonValue } from "../../json";
import { checkFlow } from "../check";
import type { CheckOptions, Finding, RuleCode } from "../types";

type RunAfter = Record<string, string[]>;

/** A runAfter on the success of each step named. */
export const succeeded = (...names: string[]): RunAfter =>
  Object.fromEntries(names.map((name) => [name, ["Succeeded"]]));

/** A step of a catalog operation with some inputs set (by input name) and its runAfter. */
export function op(
  connectorId: string,
  operationId: string,
  values: Record<string, JsonValue> = {},
  runAfter: RunAfter = {},
): WdlAction {
  const operation = findOperation(connectorId, operationId);
  if (!operation) throw new Error(`no operation ${connectorId}/${operationId}`);
  const step: JsonObject = instantiate(operation, { values });
  if (operation.kind === "action") step.runAfter = runAfter;
  return step as WdlAction;
}

export const manualTrigger: WdlTrigger = {
  type: "Request",
  kind: "Button",
  inputs: { schema: { type: "object", properties: {}, required: [] } },
};

export function flow(
  actions: WdlActions,
  trigger: WdlTrigger = manualTrigger,
  triggerName = "manual",
): WdlDefinition {
  return { triggers: { [triggerName]: trigger }, actions };
}

export const compose = (inputs: JsonValue, runAfter: RunAfter = {}): WdlAction => ({
  type: "Compose",
  inputs,
  runAfter,
});

export const email = (values: Record<string, JsonValue> = {}, runAfter: RunAfter = {}): WdlAction =>
  op(
    "shared_office365",
    "SendEmailV2",
    {
      "emailMessage/To": "buyer@cronus.example",
      "emailMessage/Subject": "Hello",
      "emailMessage/Body": "<p>Hi</p>",
      ...values,
    },
    runAfter,
  );

export const initVariable = (
  name: string,
  type: string,
  value?: JsonValue,
  runAfter: RunAfter = {},
): WdlAction => ({
  type: "InitializeVariable",
  inputs: { variables: [{ name, type, ...(value === undefined ? {} : { value }) }] },
  runAfter,
});

export const setVariable = (name: string, value: JsonValue, runAfter: RunAfter = {}): WdlAction => ({
  type: "SetVariable",
  inputs: { name, value },
  runAfter,
});

export function findings(definition: WdlDefinition, options?: CheckOptions): Finding[] {
  return checkFlow(definition, options).findings;
}

/** The findings of one rule. */
export function ofRule(definition: WdlDefinition, rule: RuleCode, options?: CheckOptions): Finding[] {
  return findings(definition, options).filter((f) => f.rule === rule);
}

/** "rule:node" of every finding, for compact assertions. */
export function codes(definition: WdlDefinition, options?: CheckOptions): string[] {
  return findings(definition, options).map((f) => `${f.rule}:${f.nodeId}`);
}
