// What a step offers as dynamic content, and the expression that reads each of those outputs, the
// way Power Automate writes it.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { connectorOf } from "./catalog";
import { inputValue } from "./instantiate";
import { getAt } from "./paths";
import { runFlowOutputs } from "./runflowform";
import { bcTable } from "./tables";
import type { OperationDeclaration, OutputDeclaration, ValueType } from "./types";

function parameter(operation: OperationDeclaration, step: JsonObject, name: string): JsonValue | undefined {
  const input = operation.inputs.find((candidate) => candidate.name === name);
  return input ? inputValue(step, operation, input) : undefined;
}

function recordOutputs(operation: OperationDeclaration, step: JsonObject, prefix: string, itemOf?: string) {
  const tableName = parameter(operation, step, "table");
  const table = typeof tableName === "string" ? bcTable(tableName) : undefined;
  if (!table) return [];
  return table.fields.map(
    (field): OutputDeclaration => ({
      path: `${prefix}/${field.name}`,
      title: field.title,
      type: field.type,
      description: `${table.title}: ${field.title}.`,
      ...(itemOf ? { itemOf } : {}),
    }),
  );
}

function schemaType(schema: JsonObject): ValueType {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return schema.format === "date-time" ? "date-time" : schema.format === "email" ? "email" : "string";
    case "integer":
    case "number":
    case "boolean":
    case "array":
    case "object":
      return type;
    default:
      return "any";
  }
}

/** Outputs described by a JSON schema: each property, nested objects and the fields of array items. */
function schemaOutputs(
  schema: JsonValue | undefined,
  prefix: string,
  itemOf?: string,
  depth = 0,
): OutputDeclaration[] {
  if (!isJsonObject(schema) || !isJsonObject(schema.properties) || depth > 4) return [];
  const outputs: OutputDeclaration[] = [];
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!isJsonObject(property)) continue;
    const path = `${prefix}/${key}`;
    const title = typeof property.title === "string" ? property.title : key;
    const description = typeof property.description === "string" ? property.description : "";
    outputs.push({ path, title, type: schemaType(property), description, ...(itemOf ? { itemOf } : {}) });
    if (isJsonObject(property.properties)) outputs.push(...schemaOutputs(property, path, itemOf, depth + 1));
    if (isJsonObject(property.items)) outputs.push(...schemaOutputs(property.items, path, path, depth + 1));
  }
  return outputs;
}

/** The ids of the inputs (Input.Text, Input.ChoiceSet, …) of an adaptive card given as JSON text. */
function cardInputIds(card: JsonValue | undefined): string[] {
  let parsed: unknown = card;
  if (typeof card === "string") {
    try {
      parsed = JSON.parse(card);
    } catch {
      return [];
    }
  }
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      const record = node as Record<string, unknown>;
      if (
        typeof record.type === "string" &&
        record.type.startsWith("Input.") &&
        typeof record.id === "string"
      ) {
        ids.push(record.id);
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(parsed);
  return ids;
}

function dynamicOutputs(operation: OperationDeclaration, step: JsonObject): OutputDeclaration[] {
  switch (operation.dynamicOutputs) {
    case "bc-record":
      return recordOutputs(operation, step, "body");
    case "bc-records":
      return recordOutputs(operation, step, "body/value", "body/value");
    case "run-flow-form":
      return runFlowOutputs(getAt(step, "inputs/schema"));
    case "json-schema": {
      const schema = getAt(step, "inputs/schema");
      if (isJsonObject(schema) && isJsonObject(schema.items)) {
        return schemaOutputs(schema.items, "body", "body");
      }
      return schemaOutputs(schema, "body");
    }
    case "adaptive-card-inputs":
      return cardInputIds(parameter(operation, step, "body/body/messageBody")).map((id) => ({
        path: `body/data/${id}`,
        title: id,
        type: "any",
        description: `The value entered in the card's input '${id}'.`,
      }));
    case undefined:
      return [];
  }
}

/**
 * What a step offers as dynamic content: the declared outputs and, given the step itself, those that
 * depend on its inputs (the record fields of the table chosen, the Run flow form, a JSON schema, the
 * inputs of an adaptive card).
 */
export function outputsOf(operation: OperationDeclaration, step?: JsonObject): OutputDeclaration[] {
  const outputs = [...operation.outputs];
  if (!step) return outputs;
  const seen = new Set(outputs.map((output) => output.path));
  for (const output of dynamicOutputs(operation, step)) {
    if (seen.has(output.path)) continue;
    seen.add(output.path);
    outputs.push(output);
  }
  return outputs;
}

export interface StepReference {
  /** The step's name in the definition ("Start_and_wait_for_an_approval"). */
  name: string;
  operation: OperationDeclaration;
  isTrigger: boolean;
}

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const chain = (segments: readonly string[]): string => segments.map((s) => `?[${quote(s)}]`).join("");

/**
 * The expression (without the leading "@") that reads an output: outputs('Step')?['body/outcome'] for
 * connector calls, body('Parse_JSON')?['name'] for built-ins, triggerOutputs()/triggerBody() for the
 * trigger. For a field of an array's items inside an Apply to each over that array, pass the loop's
 * name: items('Apply_to_each')?['approverEmail'].
 */
export function outputExpression(step: StepReference, output: OutputDeclaration, loopName?: string): string {
  const connectorCall = !connectorOf(step.operation).builtIn && step.operation.wdlType !== "Request";
  if (loopName !== undefined && output.itemOf !== undefined && output.path.startsWith(`${output.itemOf}/`)) {
    const relative = output.path.slice(output.itemOf.length + 1);
    const path = connectorCall ? [relative] : relative.split("/");
    return `items(${quote(loopName)})${chain(path)}`;
  }
  const segments = output.path === "" ? [] : output.path.split("/");
  if (connectorCall) {
    const source = step.isTrigger ? "triggerOutputs()" : `outputs(${quote(step.name)})`;
    return segments.length === 0 ? source : `${source}${chain([output.path])}`;
  }
  if (segments[0] === "body") {
    const source = step.isTrigger ? "triggerBody()" : `body(${quote(step.name)})`;
    return `${source}${chain(segments.slice(1))}`;
  }
  const source = step.isTrigger ? "triggerOutputs()" : `outputs(${quote(step.name)})`;
  return `${source}${chain(segments)}`;
}
