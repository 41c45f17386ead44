// The string layer of WDL: how a JSON string value holds expressions.
//   "@expr"            the whole value is one expression; the result keeps its type
//   "text @{expr} …"   interpolation; the result is always a string
//   "@@…"              a leading '@@' stands for a literal '@' (and '@@{' for a literal '@{')
//   anything else      a plain literal string
import type { Expression } from "./ast";
import { ExpressionError, syntaxError } from "./errors";
import { parseExpressionAt } from "./parser";
import { validateExpression } from "./validate";

export interface TextPart {
  kind: "text";
  value: string;
  start: number;
  end: number;
}

export interface ExpressionPart {
  kind: "expression";
  expression: Expression;
  /** Offset of the '@' of '@{' (or of the leading '@' of a whole-value expression). */
  start: number;
  /** Offset just past the closing '}' (or the end of the text). */
  end: number;
}

export type TemplatePart = TextPart | ExpressionPart;

/** A string value read once and reusable for any number of evaluations (cache it by text). */
export type CompiledTemplate =
  | { kind: "literal"; source: string; value: string }
  | { kind: "expression"; source: string; expression: Expression; start: number; end: number }
  | { kind: "interpolation"; source: string; parts: TemplatePart[] };

/** An expression region of a string value, found even when the expression does not parse. */
export interface ExpressionRegion {
  /** Offset of the leading '@'. */
  start: number;
  /** Offsets of the expression text itself (inside '@{' '}' for interpolation). */
  exprStart: number;
  exprEnd: number;
  /** Offset just past the region (past '}' for interpolation). */
  end: number;
  interpolated: boolean;
}

/** Does this string contain any expression (`@…` value or an `@{…}` segment)? */
export function containsExpression(text: string): boolean {
  if (text.length === 0) return false;
  if (text.charCodeAt(0) === 64) return text.charCodeAt(1) !== 64;
  return text.includes("@{");
}

interface SplitResult {
  parts: TemplatePart[];
  errors: ExpressionError[];
  whole: boolean;
}

/**
 * Splits a string value into literal text and expressions. Parse errors are collected
 * (one per faulty expression) rather than thrown, so the designer can show them all.
 */
export function splitTemplate(text: string, validate = true): SplitResult {
  const errors: ExpressionError[] = [];
  if (text.length === 0 || (text.charCodeAt(0) === 64 && text.charCodeAt(1) === 64)) {
    return { parts: text.length === 0 ? [] : [literal(text.slice(1), 0, text.length)], errors, whole: false };
  }
  if (text.charCodeAt(0) === 64 && text.charCodeAt(1) !== 123) {
    // A whole-value expression: everything after '@'.
    try {
      const { expression, next } = parseExpressionAt(text, 1, text.length);
      if (next.kind !== "eof") {
        throw syntaxError(
          next.kind === "rbrace" ? "unexpected '}'" : "end of expression expected",
          next.start,
          next.end - next.start,
        );
      }
      if (validate) validateExpression(expression, errors);
      return { parts: [{ kind: "expression", expression, start: 0, end: text.length }], errors, whole: true };
    } catch (error) {
      errors.push(asExpressionError(error));
      return { parts: [], errors, whole: true };
    }
  }
  const parts: TemplatePart[] = [];
  let buffer = "";
  let bufferStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const at = text.indexOf("@", i);
    if (at < 0 || at + 1 >= n) break;
    if (text.charCodeAt(at + 1) === 64 && text.charCodeAt(at + 2) === 123) {
      // '@@{' is a literal '@{'
      buffer += `${text.slice(i, at)}@{`;
      i = at + 3;
      continue;
    }
    if (text.charCodeAt(at + 1) !== 123) {
      buffer += text.slice(i, at + 1);
      i = at + 1;
      continue;
    }
    buffer += text.slice(i, at);
    if (buffer.length > 0) parts.push(literal(buffer, bufferStart, at));
    buffer = "";
    try {
      const { expression, next } = parseExpressionAt(text, at + 2, n);
      if (next.kind !== "rbrace") {
        throw syntaxError(
          next.kind === "eof" ? "'}' expected to close '@{'" : "'}' expected",
          next.kind === "eof" ? n : next.start,
        );
      }
      if (validate) validateExpression(expression, errors);
      parts.push({ kind: "expression", expression, start: at, end: next.end });
      i = next.end;
    } catch (error) {
      errors.push(asExpressionError(error));
      const close = findRegionEnd(text, at + 2);
      i = close;
    }
    bufferStart = i;
  }
  buffer += text.slice(i);
  if (buffer.length > 0) parts.push(literal(buffer, bufferStart, n));
  return { parts, errors, whole: false };
}

function literal(value: string, start: number, end: number): TextPart {
  return { kind: "text", value, start, end };
}

function asExpressionError(error: unknown): ExpressionError {
  if (error instanceof ExpressionError) return error;
  throw error;
}

/** Offset just past the '}' closing an '@{' whose expression starts at `from` (strings skipped). */
function findRegionEnd(text: string, from: number): number {
  let inString = false;
  for (let p = from; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (inString) {
      if (c === 39) {
        if (text.charCodeAt(p + 1) === 39) p++;
        else inString = false;
      }
    } else if (c === 39) inString = true;
    else if (c === 125) return p + 1;
  }
  return text.length;
}

/** The expression regions of a string value, without parsing them (used for text rewriting). */
export function expressionRegions(text: string): ExpressionRegion[] {
  if (text.length === 0 || (text.charCodeAt(0) === 64 && text.charCodeAt(1) === 64)) return [];
  if (text.charCodeAt(0) === 64 && text.charCodeAt(1) !== 123) {
    return [{ start: 0, exprStart: 1, exprEnd: text.length, end: text.length, interpolated: false }];
  }
  const regions: ExpressionRegion[] = [];
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf("@", i);
    if (at < 0 || at + 1 >= text.length) break;
    if (text.charCodeAt(at + 1) === 64 && text.charCodeAt(at + 2) === 123) {
      i = at + 3;
      continue;
    }
    if (text.charCodeAt(at + 1) !== 123) {
      i = at + 1;
      continue;
    }
    const end = findRegionEnd(text, at + 2);
    const closed = text.charCodeAt(end - 1) === 125;
    regions.push({ start: at, exprStart: at + 2, exprEnd: closed ? end - 1 : end, end, interpolated: true });
    i = end;
  }
  return regions;
}

/**
 * Reads a string value into its reusable compiled form. Throws the first ExpressionError
 * (syntax, unknown function, wrong argument count) with its position in `text`.
 */
export function parseTemplate(text: string): CompiledTemplate {
  const { parts, errors, whole } = splitTemplate(text);
  const first = errors[0];
  if (first) throw first.locate(text);
  if (whole) {
    const part = parts[0];
    if (part?.kind === "expression") {
      return {
        kind: "expression",
        source: text,
        expression: part.expression,
        start: part.start,
        end: part.end,
      };
    }
  }
  if (parts.every((p) => p.kind === "text")) {
    return { kind: "literal", source: text, value: parts.map((p) => (p as TextPart).value).join("") };
  }
  return { kind: "interpolation", source: text, parts };
}

/** Like parseTemplate but returns every error instead of throwing. */
export function tryParseTemplate(text: string): { template?: CompiledTemplate; errors: ExpressionError[] } {
  const { errors } = splitTemplate(text);
  if (errors.length > 0) return { errors: errors.map((e) => e.locate(text)) };
  return { template: parseTemplate(text), errors };
}
