// The function library: every function by its case-insensitive name.
import { collectionFunctions } from "./collection";
import { conversionFunctions } from "./conversion";
import { datetimeFunctions } from "./datetime";
import { logicalFunctions } from "./logical";
import { manipulationFunctions } from "./manipulation";
import { mathFunctions } from "./math";
import { referenceFunctions } from "./reference";
import { stringFunctions } from "./string";
import type { FunctionDefinition, FunctionInfo } from "./types";
import { uriFunctions } from "./uri";
import { workflowFunctions } from "./workflow";
import { xmlFunctions } from "./xml";

const ALL: FunctionDefinition[] = [
  ...stringFunctions,
  ...collectionFunctions,
  ...logicalFunctions,
  ...conversionFunctions,
  ...mathFunctions,
  ...datetimeFunctions,
  ...referenceFunctions,
  ...workflowFunctions,
  ...manipulationFunctions,
  ...uriFunctions,
  ...xmlFunctions,
];

const BY_NAME = new Map<string, FunctionDefinition>();
/** By the name as the reference spells it (how expressions nearly always write it): no lower-casing per call. */
const BY_EXACT_NAME = new Map<string, FunctionDefinition>();
for (const definition of ALL) {
  const key = definition.name.toLowerCase();
  if (BY_NAME.has(key)) throw new Error(`function defined twice: ${definition.name}`);
  BY_NAME.set(key, definition);
  BY_EXACT_NAME.set(definition.name, definition);
}

/**
 * Functions of the reference that Flowsmith deliberately does not implement, with the reason
 * shown to the user: calling one is a `not-supported` error (a checker warning), not an unknown
 * function. Every function of the reference is implemented today, so the list is empty.
 */
export const UNSUPPORTED_FUNCTIONS: ReadonlyMap<string, string> = new Map<string, string>();

/** The definition of a function, by name in any letter case. */
export function lookupFunction(name: string): FunctionDefinition | undefined {
  return BY_EXACT_NAME.get(name) ?? BY_NAME.get(name.toLowerCase());
}

function info(definition: FunctionDefinition): FunctionInfo {
  const { impl: _impl, keepsFloat: _keepsFloat, ...rest } = definition;
  return Object.freeze(rest);
}

/** Every function with its group, signature, description, arity and return type, sorted by name. */
export const FUNCTIONS: readonly FunctionInfo[] = Object.freeze(
  ALL.map(info).sort((a, b) => a.name.localeCompare(b.name)),
);

/** Public information about one function, by name in any letter case. */
export function getFunctionInfo(name: string): FunctionInfo | undefined {
  const definition = lookupFunction(name);
  return definition ? FUNCTIONS.find((f) => f.name === definition.name) : undefined;
}

export function functionNames(): string[] {
  return ALL.map((f) => f.name);
}

/** "expects 2 to 3 arguments", "expects 1 argument", "expects at least 2 arguments". */
export function arityText(definition: FunctionInfo): string {
  const { minArgs, maxArgs } = definition;
  const plural = (n: number) => `${n} argument${n === 1 ? "" : "s"}`;
  if (maxArgs === Number.POSITIVE_INFINITY) return `expects at least ${plural(minArgs)}`;
  if (minArgs === maxArgs) return minArgs === 0 ? "expects no arguments" : `expects ${plural(minArgs)}`;
  return `expects ${minArgs} to ${maxArgs} arguments`;
}
