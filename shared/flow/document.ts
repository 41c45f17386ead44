// A flow file as read from disk or an export: the WDL definition plus everything around it, kept so
// that writing the document back gives the same JSON.
import type { JsonObject } from "../json";
import type { JsonPathSegment } from "./json-path";
import type { WdlDefinition } from "./types";
import type { SchemaIssue } from "./validate";

/**
 * - "workflow": Logic Apps {"definition": …, "kind"?, "connections"?…}
 * - "package": a Power Automate package's definition.json {"name","id","type","properties":{"displayName","definition",…}}
 * - "solution": a solution's Workflows/*.json {"properties":{"connectionReferences","definition"},"schemaVersion"}
 * - "definition": the WDL definition itself, with nothing around it
 */
export type EnvelopeKind = "workflow" | "package" | "solution" | "definition";

export type FlowEnvelope = {
  kind: EnvelopeKind;
  /**
   * The file's top-level object with the definition's slot holding null, so that writing puts the
   * definition back at the same place among its siblings. {} for kind "definition".
   */
  outer: JsonObject;
};

export type FlowDocument = {
  envelope: FlowEnvelope;
  definition: WdlDefinition;
  /** properties.displayName of a package; written back there. Other envelopes have no place for it. */
  displayName?: string;
};

export type FlowReadError = {
  message: string;
  /** Formatted JSON path of the culprit, "$" for the whole file. */
  path: string;
  segments: JsonPathSegment[];
  /** For text that is not JSON: where it stops being JSON (1-based). */
  line?: number;
  column?: number;
  /** Every shape problem found, when the definition is not valid WDL; message/path are the first. */
  issues?: SchemaIssue[];
};

export type FlowReadResult = { ok: true; document: FlowDocument } | { ok: false; error: FlowReadError };

/** Where each envelope keeps its definition. */
export const DEFINITION_SLOT: Record<EnvelopeKind, readonly string[]> = {
  workflow: ["definition"],
  package: ["properties", "definition"],
  solution: ["properties", "definition"],
  definition: [],
};
