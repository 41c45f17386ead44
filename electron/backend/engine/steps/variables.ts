// Variables: Initialize, Set, Increment, Decrement, AppendToString, AppendToArray. The new value is
// journaled in the same commit as the step that changed it. Set inside a concurrent Foreach races,
// as it does in Power Automate.
import { isJsonObject, type JsonObject, type JsonValue } from "../../../../shared/json";
import type { StepContext } from "../core";
import { StepError } from "../errors";
import { describeSize } from "../limits";
import type { Variable } from "../run-state";
import { evaluateDefinitionValue, jsonText } from "../static-values";
import type { FinalStatus } from "../status";
import { cellText } from "../table-format";
import { defaultValue, typeOfValue, valueFits, variableType } from "../variable-types";

type VariableActionType =
  | "InitializeVariable"
  | "SetVariable"
  | "IncrementVariable"
  | "DecrementVariable"
  | "AppendToStringVariable"
  | "AppendToArrayVariable";

const typeName = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

export function runVariableAction(sc: StepContext, type: VariableActionType): FinalStatus {
  const raw = (sc.action as { inputs?: JsonValue }).inputs;
  const inputs = raw === undefined ? {} : evaluateDefinitionValue(raw, sc.run.contextFor(sc.frame));
  if (!isJsonObject(inputs))
    throw new StepError("InvalidInput", `The inputs of step '${sc.name}' must be an object.`);
  if (type === "InitializeVariable") return initialize(sc, inputs);

  const name = inputs.name;
  if (typeof name !== "string" || name === "") {
    throw new StepError("InvalidInput", `Step '${sc.name}' does not name a variable.`);
  }
  const variable = sc.run.variable(name);
  if (!variable) {
    throw new StepError(
      "VariableNotFound",
      `The variable '${name}' does not exist: initialize it before step '${sc.name}' uses it.`,
    );
  }
  const value = inputs.value;
  let next: JsonValue;
  switch (type) {
    case "SetVariable": {
      const v = value ?? null;
      if (!valueFits(variable.type, v)) throw mismatch(variable, v, "updated");
      next = v;
      break;
    }
    case "IncrementVariable":
    case "DecrementVariable": {
      if (variable.type !== "integer" && variable.type !== "float") {
        throw new StepError(
          "InvalidVariableType",
          `Step '${sc.name}' can only change a variable of type Integer or Float; '${variable.name}' is ${typeName(variable.type)}.`,
        );
      }
      const by =
        value === undefined || value === null ? 1 : typeof value === "string" ? Number(value) : value;
      if (typeof by !== "number" || Number.isNaN(by)) {
        throw new StepError("InvalidInput", `The value of step '${sc.name}' must be a number.`);
      }
      if (variable.type === "integer" && !Number.isInteger(by)) throw mismatch(variable, by, "updated");
      const current = typeof variable.value === "number" ? variable.value : 0;
      next = type === "IncrementVariable" ? current + by : current - by;
      break;
    }
    case "AppendToStringVariable": {
      if (variable.type !== "string") throw wrongAppend(sc, variable, "String");
      next = `${typeof variable.value === "string" ? variable.value : ""}${cellText(value ?? null)}`;
      if (next.length > sc.core.limits.maxPayloadChars) {
        throw new StepError(
          "PayloadTooLarge",
          `Step '${sc.name}' would make the variable '${variable.name}' ${describeSize(next.length)}, more than the ${describeSize(sc.core.limits.maxPayloadChars)} a value may hold.`,
        );
      }
      break;
    }
    case "AppendToArrayVariable": {
      if (variable.type !== "array") throw wrongAppend(sc, variable, "Array");
      // A new array: results that read the old one (a Compose of it) keep what they saw.
      next = [...(Array.isArray(variable.value) ? variable.value : []), value ?? null];
      break;
    }
  }
  variable.value = next;
  sc.core.touchVariable(sc.run, variable.name.toLowerCase(), securesInputs(sc));
  const recorded: JsonObject = { name: variable.name, value: next };
  return sc.core.completeStep(sc, {
    status: "Succeeded",
    inputs,
    outputs: { body: recorded },
    outputsText: outputsText(variable.name, next),
  });
}

/** `{"body":{"name":…,"value":` by variable name, bounded: the outputs' JSON starts with it. */
const outputsOpenings = new Map<string, string>();

/** JSON.stringify({ body: { name, value } }), with the part before the value made once per name. */
function outputsText(name: string, value: JsonValue): string {
  let opening = outputsOpenings.get(name);
  if (opening === undefined) {
    opening = `{"body":{"name":${JSON.stringify(name)},"value":`;
    if (outputsOpenings.size >= 10_000) outputsOpenings.clear();
    outputsOpenings.set(name, opening);
  }
  return `${opening}${jsonText(value)}}}`;
}

function initialize(sc: StepContext, inputs: JsonObject): FinalStatus {
  const declarations = inputs.variables;
  if (!Array.isArray(declarations) || declarations.length === 0) {
    throw new StepError("InvalidInput", `Step '${sc.name}' declares no variable.`);
  }
  const created: Variable[] = [];
  for (const declaration of declarations) {
    if (!isJsonObject(declaration) || typeof declaration.name !== "string" || declaration.name === "") {
      throw new StepError("InvalidInput", `Step '${sc.name}' declares a variable without a name.`);
    }
    const type = variableType(String(declaration.type ?? ""));
    if (!type) {
      throw new StepError(
        "InvalidVariableType",
        `The variable '${declaration.name}' has type '${String(declaration.type)}'; the types are String, Integer, Float, Boolean, Array and Object.`,
      );
    }
    if (sc.run.variable(declaration.name) || created.some((c) => c.name === declaration.name)) {
      throw new StepError(
        "VariableAlreadyInitialized",
        `The variable '${declaration.name}' is already initialized; initialize a variable once, at the top level.`,
      );
    }
    const value = declaration.value === undefined ? defaultValue(type) : declaration.value;
    const variable: Variable = { name: declaration.name, type, value, changed: false };
    if (!valueFits(type, value)) throw mismatch(variable, value, "initialized");
    created.push(variable);
  }
  for (const variable of created) {
    sc.run.variables.set(variable.name.toLowerCase(), variable);
    sc.core.touchVariable(sc.run, variable.name.toLowerCase(), securesInputs(sc));
  }
  return sc.core.completeStep(sc, { status: "Succeeded", inputs });
}

function mismatch(variable: Variable, value: JsonValue, verb: string): StepError {
  return new StepError(
    "InvalidVariableValue",
    `The variable '${variable.name}' of type '${typeName(variable.type)}' cannot be ${verb} with a value of type '${typeOfValue(value)}'.`,
  );
}

function wrongAppend(sc: StepContext, variable: Variable, expected: string): StepError {
  return new StepError(
    "InvalidVariableType",
    `Step '${sc.name}' appends to a variable of type ${expected}; '${variable.name}' is ${typeName(variable.type)}.`,
  );
}

/** A variable set from secured inputs is kept sealed in the journal, as those inputs are. */
function securesInputs(sc: StepContext): boolean {
  return sc.run.index.anySecured && (sc.run.index.actions.get(sc.name)?.secured.inputs ?? false);
}
