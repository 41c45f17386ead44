// readFlowFile: text → FlowDocument, for the three envelopes of the corpus and a bare definition.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { DEFINITION_SLOT, type EnvelopeKind, type FlowReadError, type FlowReadResult } from "./document";
import { formatJsonPath, type JsonPathSegment } from "./json-path";
import { findJsonSyntaxError } from "./json-syntax";
import type { WdlDefinition } from "./types";
import { definitionIssues } from "./validate";

export function readFlowFile(text: string): FlowReadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return fail("The file is empty: a flow file holds a JSON object.", []);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const where = findJsonSyntaxError(body);
    if (!where) return fail("The file is not valid JSON.", []);
    return {
      ok: false,
      error: {
        message: `The file is not valid JSON: ${where.message} at line ${where.line}, column ${where.column}.`,
        path: "$",
        segments: [],
        line: where.line,
        column: where.column,
      },
    };
  }
  return readFlowValue(value);
}

/** Same as readFlowFile, for JSON already parsed. The document shares the value's objects. */
export function readFlowValue(value: unknown): FlowReadResult {
  if (!isJsonObject(value)) {
    const what = Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;
    return fail(`A flow file must be a JSON object; this one is ${what}.`, []);
  }
  const kind = envelopeKindOf(value);
  if (!kind) {
    return fail(
      "No flow definition found: this JSON file has no flow's triggers and actions. Import a flow " +
        "exported from Flowsmith or Power Automate (a package's definition.json, or a solution's " +
        "Workflows file), or a Logic Apps definition.",
      [],
    );
  }
  const slot = DEFINITION_SLOT[kind];
  const definition = slot.length === 0 ? value : at(value, slot);
  if (!isJsonObject(definition))
    return fail(`${formatJsonPath(slot)}: a definition must be a JSON object.`, slot);
  const issues = definitionIssues(definition, [...slot]);
  const first = issues[0];
  if (first) {
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
    return {
      ok: false,
      error: {
        message: `${first.message}${more}`,
        path: formatJsonPath(first.path),
        segments: first.path,
        issues,
      },
    };
  }
  const outer = slot.length === 0 ? {} : replaceAt(value, slot, null);
  const displayName = kind === "package" ? at(value, ["properties", "displayName"]) : undefined;
  return {
    ok: true,
    document: {
      envelope: { kind, outer },
      definition: definition as WdlDefinition,
      ...(typeof displayName === "string" ? { displayName } : {}),
    },
  };
}

function envelopeKindOf(value: JsonObject): EnvelopeKind | undefined {
  if (isJsonObject(value.properties) && "definition" in value.properties) {
    return "schemaVersion" in value && !("name" in value || "id" in value) ? "solution" : "package";
  }
  if ("definition" in value) return "workflow";
  if ("triggers" in value || "actions" in value) return "definition";
  if (typeof value.$schema === "string" && /workflowdefinition/i.test(value.$schema)) return "definition";
  return undefined;
}

function at(value: JsonValue, path: readonly string[]): JsonValue | undefined {
  let here: JsonValue | undefined = value;
  for (const key of path) here = isJsonObject(here) ? here[key] : undefined;
  return here;
}

/** A copy of `value` along `path` with the value at the end replaced; key order kept. */
export function replaceAt(value: JsonObject, path: readonly string[], replacement: JsonValue): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const child = value[key];
  const next =
    rest.length === 0 ? replacement : replaceAt(isJsonObject(child) ? child : {}, rest, replacement);
  return { ...value, [key]: next };
}

function fail(message: string, segments: readonly JsonPathSegment[]): { ok: false; error: FlowReadError } {
  return { ok: false, error: { message, path: formatJsonPath(segments), segments: [...segments] } };
}
