// Static results (Power Automate's "Static result", for testing): a step whose
// runtimeConfiguration.staticResult is enabled does not run; it ends with the status and outputs
// kept under the definition's staticResults, by name ("Send_an_email0"). Read by the engine and the
// checker, edited by the designer.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { isScopeAction } from "./action-types";
import { EditError } from "./edits/errors";
import { setIn } from "./edits/json-in";
import { requireAction, updateActionByName } from "./edits/tree";
import { putOwn } from "./own";
import type { WdlAction, WdlDefinition } from "./types";
import { actionIndex } from "./walk";

export type StaticResultStatus = "Succeeded" | "Failed" | "Skipped" | "TimedOut";
const STATUSES: readonly StaticResultStatus[] = ["Succeeded", "Failed", "Skipped", "TimedOut"];

export interface StaticResult {
  status: StaticResultStatus;
  outputs?: JsonValue;
  error?: { code: string; message: string };
}

export type StaticResultUse =
  | { kind: "none" }
  /** Set up but turned off: the step runs. */
  | { kind: "disabled"; name: string }
  | { kind: "enabled"; name: string; result: StaticResult }
  /** Turned on, but what it names is missing or not a result. */
  | { kind: "broken"; name: string; problem: string };

/** What the step's static result setting means (containers never use one). */
export function staticResultOf(definition: WdlDefinition, action: WdlAction): StaticResultUse {
  const config = action.runtimeConfiguration as JsonValue | undefined;
  const setting = isJsonObject(config) ? config.staticResult : undefined;
  if (!isJsonObject(setting) || isScopeAction(action)) return { kind: "none" };
  const name = typeof setting.name === "string" ? setting.name : "";
  const options = typeof setting.staticResultOptions === "string" ? setting.staticResultOptions : "";
  if (options.toLowerCase() !== "enabled") return { kind: "disabled", name };
  const entry = definition.staticResults?.[name];
  if (!isJsonObject(entry)) {
    return { kind: "broken", name, problem: `the flow has no static result named “${name}”` };
  }
  const status = STATUSES.find((s) => s.toLowerCase() === String(entry.status ?? "").toLowerCase());
  if (!status) {
    return {
      kind: "broken",
      name,
      problem: `its status must be ${STATUSES.join(", ")}, not “${String(entry.status ?? "")}”`,
    };
  }
  const error = isJsonObject(entry.error)
    ? { code: String(entry.error.code ?? "StaticResult"), message: String(entry.error.message ?? "") }
    : undefined;
  return {
    kind: "enabled",
    name,
    result: {
      status,
      ...(entry.outputs !== undefined ? { outputs: entry.outputs } : {}),
      ...(error ? { error } : {}),
    },
  };
}

/**
 * Sets a step's static result: `result` keeps it (enabled or not), null removes it. The result is
 * stored under the name the step already uses, or "<step>0".
 */
export function setStaticResult(
  definition: WdlDefinition,
  args: { name: string; result: StaticResult | null; enabled?: boolean },
): WdlDefinition {
  const entry = requireAction(actionIndex(definition), args.name);
  if (isScopeAction(entry.action)) {
    throw new EditError(
      "wrongType",
      `“${args.name}” holds other steps; only a step that runs can have a static result.`,
    );
  }
  const used = staticResultOf(definition, entry.action);
  const resultName = used.kind === "none" ? `${args.name}0` : used.name || `${args.name}0`;
  const staticResults: JsonObject = { ...(definition.staticResults ?? {}) };
  let next: WdlDefinition;
  if (args.result === null) {
    delete staticResults[resultName];
    next = updateOne(definition, args.name, (action) =>
      setIn(action, ["runtimeConfiguration", "staticResult"], undefined),
    );
  } else {
    const stored: JsonObject = { status: args.result.status };
    if (args.result.outputs !== undefined) stored.outputs = args.result.outputs;
    if (args.result.error) stored.error = args.result.error;
    putOwn(staticResults, resultName, stored);
    next = updateOne(definition, args.name, (action) =>
      setIn(action, ["runtimeConfiguration", "staticResult"], {
        name: resultName,
        staticResultOptions: args.enabled === false ? "Disabled" : "Enabled",
      }),
    );
  }
  const { staticResults: _old, ...rest } = next;
  return Object.keys(staticResults).length > 0 ? { ...rest, staticResults } : rest;
}

function updateOne(
  definition: WdlDefinition,
  name: string,
  change: (action: JsonObject) => JsonObject,
): WdlDefinition {
  return updateActionByName(definition, name, (action) => change(action as JsonObject) as WdlAction);
}
