// writeFlowFile: FlowDocument → text, the inverse of readFlowFile (deep-equal JSON for unchanged documents).
import { isJsonObject, type JsonObject } from "../json";
import { DEFINITION_SLOT, type FlowDocument } from "./document";
import { replaceAt } from "./read";
import type { WdlDefinition } from "./types";

/** The document as one JSON object, ready for JSON.stringify. */
export function flowFileValue(doc: FlowDocument): JsonObject {
  const { kind, outer } = doc.envelope;
  const definition = definitionAsJson(doc.definition);
  if (kind === "definition") return definition;
  let value = replaceAt(outer, DEFINITION_SLOT[kind], definition);
  if (kind === "package" && doc.displayName !== undefined) {
    const properties = value.properties;
    if (isJsonObject(properties) && properties.displayName !== doc.displayName) {
      value = replaceAt(value, ["properties", "displayName"], doc.displayName);
    }
  }
  return value;
}

export function writeFlowFile(doc: FlowDocument, options: { indent?: number } = {}): string {
  const indent = options.indent ?? 2;
  return JSON.stringify(flowFileValue(doc), null, indent) + (indent > 0 ? "\n" : "");
}

/** A definition is JSON through and through; this says so to the type checker. */
export function definitionAsJson(definition: WdlDefinition): JsonObject {
  return definition;
}
