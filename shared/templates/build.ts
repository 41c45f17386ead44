// Small builders the template files share: steps made by the catalog's instantiate (so identities,
// parameter names and defaults are exactly the catalog's), dynamic content read through
// outputExpression (so every expression is the one the designer's picker would write), and the
// definition envelope, checked by parseDefinition and frozen.
import {
  findOperation,
  inputsOf,
  instantiate,
  type OperationDeclaration,
  type OutputDeclaration,
  outputExpression,
  outputsOf,
  withInputValue,
} from "../connectors";
import { parseDefinition } from "../flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import type { TemplateDefinition } from "./types";

export const WDL_SCHEMA =
  "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";

/** A catalog operation that must exist: a template naming a missing one is a bug, found at load. */
export function operation(connectorId: string, operationId: string): OperationDeclaration {
  const found = findOperation(connectorId, operationId);
  if (!found) throw new Error(`templates: the catalog has no operation ${connectorId}/${operationId}`);
  return found;
}

/** A trigger or action of a template: its name in the definition, its operation and its JSON. */
export interface Step {
  name: string;
  operation: OperationDeclaration;
  object: JsonObject;
  isTrigger: boolean;
}

export interface StepOptions {
  /** Input values by catalog input name ("emailMessage/To", "inputs/from"). */
  values?: Readonly<Record<string, JsonValue>>;
  /**
   * Record fields of a Business Central Create/Update record step, by field name ("blocked"),
   * written under the step's "item/<field>" inputs as the designer's form writes them.
   */
  fields?: Readonly<Record<string, JsonValue>>;
  /** The steps this one runs after (each with status Succeeded); none for the first step of a branch. */
  after?: readonly Step[];
  /** Other fields of the action object (nested actions of a Condition). */
  extra?: JsonObject;
}

function build(
  operation: OperationDeclaration,
  name: string,
  isTrigger: boolean,
  options: StepOptions,
): Step {
  let object = instantiateStep(operation, options.values);
  if (options.fields) {
    const inputs = inputsOf(operation, object);
    for (const [field, value] of Object.entries(options.fields)) {
      const input = inputs.find((candidate) => candidate.name === `item/${field}`);
      if (!input) throw new Error(`templates: ${name} has no writable record field '${field}'`);
      object = withInputValue(object, operation, input, value);
    }
  }
  if (!isTrigger) {
    const runAfter: JsonObject = {};
    for (const predecessor of options.after ?? []) runAfter[predecessor.name] = ["Succeeded"];
    object = { ...object, runAfter };
  }
  if (options.extra) object = { ...object, ...options.extra };
  return { name, operation, object, isTrigger };
}

function instantiateStep(
  operation: OperationDeclaration,
  values: Readonly<Record<string, JsonValue>> | undefined,
): JsonObject {
  for (const name of Object.keys(values ?? {})) {
    if (!operation.inputs.some((input) => input.name === name)) {
      throw new Error(`templates: ${operation.displayName} has no input '${name}'`);
    }
  }
  return instantiate(operation, values ? { values } : {});
}

export function trigger(name: string, operation: OperationDeclaration, options: StepOptions = {}): Step {
  if (operation.kind !== "trigger") throw new Error(`templates: ${operation.displayName} is not a trigger`);
  return build(operation, name, true, options);
}

export function action(name: string, operation: OperationDeclaration, options: StepOptions = {}): Step {
  if (operation.kind !== "action") throw new Error(`templates: ${operation.displayName} is not an action`);
  return build(operation, name, false, options);
}

/** The output of a step at the path, as the dynamic-content picker lists it; a missing one is a bug. */
export function outputOf(step: Step, path: string): OutputDeclaration {
  const found = outputsOf(step.operation, step.object).find((output) => output.path === path);
  if (!found) throw new Error(`templates: ${step.name} has no output '${path}'`);
  return found;
}

declare const expressionBrand: unique symbol;

/**
 * A WDL expression without its "@" (never plain text), so that text`…` cannot mistake words for
 * dynamic content.
 */
export type Expression = string & { readonly [expressionBrand]: true };

/** Marks a string as an expression: a function call around other expressions, a literal. */
export const expression = (code: string): Expression => code as Expression;

/** A function call: call("formatNumber", amount, literal("N2")) → formatNumber(…, 'N2'). */
export const call = (name: string, ...args: readonly Expression[]): Expression =>
  expression(`${name}(${args.join(", ")})`);

/** A property of an object the expression gives, null-safe: member(x, "comments") → x?['comments']. */
export const member = (of: Expression, key: string): Expression =>
  expression(`${of}?['${key.replace(/'/g, "''")}']`);

/** Literal values of expressions: true, 10000. */
export const value = (literalValue: boolean | number): Expression => expression(String(literalValue));

/** The expression (without "@") that reads an output of a step: what inserting it as a token writes. */
export function ref(step: Step, path: string): Expression {
  return expression(
    outputExpression(
      { name: step.name, operation: step.operation, isTrigger: step.isTrigger },
      outputOf(step, path),
    ),
  );
}

/**
 * The expression reading a field the catalog does not declare for the step (a field the sandbox's
 * records carry beyond the catalog's), written the way outputExpression writes declared ones.
 */
export function refUndeclared(step: Step, path: string): Expression {
  const output: OutputDeclaration = { path, title: path, type: "any", description: "" };
  return expression(
    outputExpression({ name: step.name, operation: step.operation, isTrigger: step.isTrigger }, output),
  );
}

/** A whole-value expression: "@outputs('Step')?['body/x']". */
export const expr = (code: Expression): string => `@${code}`;

/**
 * Text with dynamic content: each substituted expression becomes an "@{…}" token.
 * text`Order ${ref(get, "body/number")}` → "Order @{outputs('Get')?['body/number']}".
 */
export function text(strings: TemplateStringsArray, ...expressions: readonly Expression[]): string {
  let result = strings[0] ?? "";
  expressions.forEach((code, i) => {
    result += `@{${code}}${strings[i + 1] ?? ""}`;
  });
  return result;
}

/** An expression string literal: 'it''s'. */
export const literal = (value: string): Expression => expression(`'${value.replace(/'/g, "''")}'`);

/** Actions keyed by name, in the order given. */
export function actions(...steps: readonly Step[]): JsonObject {
  const keyed: JsonObject = {};
  for (const step of steps) {
    if (Object.hasOwn(keyed, step.name)) throw new Error(`templates: two steps named ${step.name}`);
    keyed[step.name] = step.object;
  }
  return keyed;
}

/** A Condition's Yes and No branches, for StepOptions.extra. */
export function branches(yes: readonly Step[], no: readonly Step[]): JsonObject {
  return { actions: actions(...yes), else: { actions: actions(...no) } };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The whole definition around one trigger and the top-level actions, checked and frozen. */
export function definition(start: Step, ...steps: readonly Step[]): TemplateDefinition {
  const value: JsonObject = {
    $schema: WDL_SCHEMA,
    contentVersion: "1.0.0.0",
    parameters: {
      $connections: { defaultValue: {}, type: "Object" },
      $authentication: { defaultValue: {}, type: "SecureObject" },
    },
    triggers: { [start.name]: start.object },
    actions: actions(...steps),
  };
  const parsed = parseDefinition(value);
  if (!parsed.ok) {
    throw new Error(`templates: not a valid definition: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  }
  if (!isJsonObject(parsed.definition.triggers) || !isJsonObject(parsed.definition.actions)) {
    throw new Error("templates: a definition without triggers or actions");
  }
  return deepFreeze(parsed.definition as TemplateDefinition);
}
