// Export and import of flow files. An export is a Power Automate package's definition.json (the
// flow's own JSON in the envelope Power Automate imports), so it opens here and there; an import
// reads any of the envelopes readFlowFile knows and creates a new flow, or explains what is wrong
// (with line and column for broken JSON) and creates nothing. The designer's own data (sticky notes,
// collapsed scopes) travels beside the definition, in properties.flowsmithDesigner, never inside it.
import { ApiError, type DefinitionPayload, FLOW_NAME_MAX, type FlowKind } from "../../../shared/api";
import { newFlowDocument, readFlowFile, type WdlDefinition, writeFlowFile } from "../../../shared/flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../../../shared/json";
import { kindOfDefinition } from "../triggers/facts";
import type { ExportedFile } from "./types";

/** Flow files larger than this are refused before they are parsed. */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;

export function exportFile(args: {
  flowId: string;
  name: string;
  definition: WdlDefinition;
  /** Sticky notes and collapsed scopes, as the designer saved them. */
  designer?: JsonObject;
  /** A published version's number; the draft when absent. */
  version?: number;
}): ExportedFile {
  const document = newFlowDocument({
    kind: "package",
    definition: args.definition,
    displayName: args.name,
    flowId: args.flowId,
  });
  const properties = document.envelope.outer.properties;
  if (args.designer && hasContent(args.designer) && isJsonObject(properties)) {
    properties[DESIGNER_PROPERTY] = args.designer;
  }
  const suffix = args.version === undefined ? "" : ` (version ${args.version})`;
  return {
    fileName: `${fileSafe(args.name)}${suffix}.json`,
    content: writeFlowFile(document, { indent: 2 }),
  };
}

const DESIGNER_PROPERTY = "flowsmithDesigner";

/** Designer data worth carrying: some note or collapsed scope, not just empty lists. */
function hasContent(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.values(value).some(hasContent);
  return value !== null;
}

/** Characters Windows, macOS and Linux all accept in a file name. */
function fileSafe(name: string): string {
  const cleaned = withoutControls(name)
    .replace(/[<>:"/\\|?*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned.replace(/[. ]+$/, "") || "flow";
}

export interface ImportedFlow {
  name: string;
  kind: FlowKind;
  definition: DefinitionPayload;
  /** The designer data of a Flowsmith export (the designer reads what it can of it). */
  designer?: JsonObject;
}

/** Reads a flow file; throws invalid_input naming the file and what is wrong in it. */
export function readImport(fileName: string, content: string): ImportedFlow {
  const shown = fileName.split(/[\\/]/).pop() || "The file";
  const refuse = (message: string): never => {
    throw new ApiError({
      code: "invalid_input",
      message: `“${shown}” is not a flow Flowsmith can open: ${message}`,
    });
  };
  if (content.length > MAX_IMPORT_CHARS) refuse("it is larger than 20 MB.");
  if (content.startsWith("PK")) {
    refuse(
      "it is a .zip package. Unzip it and import the definition.json inside (Microsoft.Flow/flows/…/definition.json).",
    );
  }
  const read = readFlowFile(content);
  if (!read.ok) {
    const { path, line } = read.error;
    const where =
      line === undefined && path !== "$" && !read.error.message.includes(path) ? ` (at ${path})` : "";
    return refuse(`${read.error.message}${where}`);
  }
  const { definition, displayName } = read.document;
  if (Object.keys(definition.triggers ?? {}).length === 0) refuse("its definition has no trigger.");
  const payload = { ...definition, triggers: definition.triggers ?? {}, actions: definition.actions ?? {} };
  const properties = read.document.envelope.outer.properties;
  const designer = isJsonObject(properties) ? properties[DESIGNER_PROPERTY] : undefined;
  return {
    name: flowName(displayName, shown),
    kind: kindOfDefinition(definition),
    definition: payload as unknown as DefinitionPayload,
    ...(isJsonObject(designer) ? { designer } : {}),
  };
}

function flowName(displayName: string | undefined, fileName: string): string {
  const fromFile = fileName.replace(/\.json$/i, "");
  const clean = (text: string) => withoutControls(text).replace(/\s+/g, " ").trim();
  const name = clean(displayName ?? "") || clean(fromFile) || "Imported flow";
  return name.slice(0, FLOW_NAME_MAX);
}

/** Control characters (which neither names nor file names may hold) become spaces. */
function withoutControls(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || code === 0x7f ? " " : ch;
  }
  return out;
}
