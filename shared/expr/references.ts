// Rewriting references inside expression text: renaming an action or a variable edits
// only the string literals that name it, by position, so everything else in the text
// stays byte-identical. Works token by token, so it also rewrites expressions that do not
// fully parse.
import type { JsonObject, JsonValue } from "../json";
import { lookupFunction } from "./functions/registry";
import type { ReferenceKind } from "./functions/types";
import { Scanner, type Token } from "./scanner";
import { expressionRegions } from "./template";
import { setOwn } from "./values";

/** How an action's name is written in references: spaces become underscores. */
export function referenceName(actionName: string): string {
  return actionName.replace(/ /g, "_");
}

/** A string literal as written in an expression, with quotes doubled. */
export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const ACTION_KINDS: ReadonlySet<ReferenceKind> = new Set(["action", "loop", "scope"]);

function tokensOf(text: string, start: number, end: number): Token[] {
  const scanner = new Scanner(text, start, end);
  const tokens: Token[] = [];
  try {
    for (;;) {
      const token = scanner.next();
      if (token.kind === "eof") break;
      tokens.push(token);
    }
  } catch {
    // keep the tokens read before the lexical error
  }
  return tokens;
}

/** Positions of the first-argument string literals of calls to functions of the given kinds. */
function referenceEdits(
  text: string,
  kinds: ReadonlySet<ReferenceKind>,
  matches: (value: string) => boolean,
  replacement: string,
): Edit[] {
  const edits: Edit[] = [];
  for (const region of expressionRegions(text)) {
    const tokens = tokensOf(text, region.exprStart, region.exprEnd);
    for (let i = 0; i + 2 < tokens.length; i++) {
      const name = tokens[i] as Token;
      const open = tokens[i + 1] as Token;
      const arg = tokens[i + 2] as Token;
      if (name.kind !== "identifier" || open.kind !== "lparen" || arg.kind !== "string") continue;
      const references = lookupFunction(name.text)?.references;
      if (references === undefined || !kinds.has(references)) continue;
      if (matches(arg.text)) edits.push({ start: arg.start, end: arg.end, text: quoteString(replacement) });
    }
  }
  return edits;
}

function applyEdits(text: string, edits: Edit[]): string {
  if (edits.length === 0) return text;
  let out = "";
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Rewrites every reference to action `from` (outputs, body, actions, actionBody,
 * actionOutputs, result, items, iterationIndexes, formDataValue…) to `to`. Names are
 * matched as written or with spaces as underscores; the new name is written with underscores.
 */
export function renameActionReferences(text: string, from: string, to: string): string {
  if (!text.includes("@")) return text;
  const written = referenceName(from);
  return applyEdits(
    text,
    referenceEdits(text, ACTION_KINDS, (value) => value === from || value === written, referenceName(to)),
  );
}

/** Rewrites every variables('from') to variables('to') (variable names are exact). */
export function renameVariableReferences(text: string, from: string, to: string): string {
  if (!text.includes("@")) return text;
  return applyEdits(
    text,
    referenceEdits(text, new Set(["variable"]), (value) => value === from, to),
  );
}

function mapStrings(value: JsonValue, rewrite: (text: string) => string): JsonValue {
  if (typeof value === "string") return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, rewrite));
  if (value !== null && typeof value === "object") {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(out, key, mapStrings(value[key] as JsonValue, rewrite));
    return out;
  }
  return value;
}

/** renameActionReferences over every string of a JSON value (keys unchanged). */
export function renameActionReferencesInValue(value: JsonValue, from: string, to: string): JsonValue {
  return mapStrings(value, (text) => renameActionReferences(text, from, to));
}

/** renameVariableReferences over every string of a JSON value (keys unchanged). */
export function renameVariableReferencesInValue(value: JsonValue, from: string, to: string): JsonValue {
  return mapStrings(value, (text) => renameVariableReferences(text, from, to));
}
