// What kind of value a field holds, as far as it can be known without running the flow: a literal
// is what it is; a whole-value expression has the static type of shared/expr (and a variable
// read has its declared type); an interpolated string is text. And whether that fits a declared
// type, in the loose way connector inputs convert ("12" is a fine integer) or the strict way
// variables do.
import type { ValueType } from "../connectors";
import { analyzeTemplate, type StaticType, type TemplateAnalysis } from "../expr";
import { isJsonObject, type JsonValue } from "../json";
import type { Analysis } from "./analysis";

/** The kinds of value the checker knows: the expression language's static types. */
export type ValueKind = StaticType;

export interface KnownValue {
  kind: ValueKind;
  /** The literal text, for a string that holds no expression. */
  literal?: string;
  /** For interpolation: the text outside the expressions, which decides whether it could be a number. */
  outside?: string;
  /** True when the value is (or holds) an expression. */
  expression: boolean;
}

const VARIABLE_READ = /^@variables\('((?:[^']|'')*)'\)$/;

/** `template`: the step analysis of the string, when the caller has it (saves parsing it again). */
export function valueKind(value: JsonValue, analysis: Analysis, template?: TemplateAnalysis): KnownValue {
  if (value === null) return { kind: "null", expression: false };
  if (typeof value === "number")
    return { kind: Number.isInteger(value) ? "integer" : "float", expression: false };
  if (typeof value === "boolean") return { kind: "boolean", expression: false };
  if (Array.isArray(value)) return { kind: "array", expression: false };
  if (isJsonObject(value)) return { kind: "object", expression: false };
  if (!value.startsWith("@") && !value.includes("@{"))
    return { kind: "string", literal: value, expression: false };
  if (value.startsWith("@@")) return { kind: "string", literal: value.slice(1), expression: false };
  const variable = VARIABLE_READ.exec(value)?.[1]?.replaceAll("''", "'");
  if (variable !== undefined) {
    const type = analysis.variables.get(variable.toLowerCase())?.[0]?.type;
    return { kind: variableKind(type), expression: true };
  }
  return expressionKind(value, template ?? analyzeTemplate(value));
}

function expressionKind(text: string, template: TemplateAnalysis): KnownValue {
  if (template.errors.length > 0) return { kind: "any", expression: true };
  if (template.kind === "expression") return { kind: template.type, expression: true };
  let outside = "";
  let at = 0;
  for (const e of template.expressions) {
    outside += text.slice(at, e.start);
    at = e.end;
  }
  outside += text.slice(at);
  return { kind: "string", outside, expression: true };
}

/** The kind a variable of the declared type holds. */
export function variableKind(type: string | undefined): ValueKind {
  switch (type?.toLowerCase()) {
    case "integer":
      return "integer";
    case "float":
      return "number";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "array":
      return "array";
    case "object":
      return "object";
    default:
      return "any";
  }
}

const TEXT_TYPES = new Set<ValueType>(["string", "email", "date", "date-time", "html"]);

/** Whether a value can go into an input of the declared type (connector inputs convert text and numbers). */
export function fitsInput(type: ValueType, value: KnownValue): boolean {
  const { kind } = value;
  if (type === "any" || kind === "any" || kind === "null") return true;
  if (TEXT_TYPES.has(type)) return kind !== "array" && kind !== "object";
  switch (type) {
    case "integer":
      if (kind === "string") return textFits(value, /^\s*[-+]?\d+\s*$/);
      return kind === "integer" || kind === "number";
    case "number":
      if (kind === "string") return textFits(value, /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/);
      return kind === "integer" || kind === "float" || kind === "number";
    case "boolean":
      if (kind === "string") return textFits(value, /^\s*(true|false)\s*$/i);
      return kind === "boolean";
    case "array":
      return kind === "array";
    case "object":
      return kind === "object";
    default:
      return true;
  }
}

// Literal text must match; an interpolated one could, if its own text is only digits and signs.
function textFits(value: KnownValue, pattern: RegExp): boolean {
  if (value.literal !== undefined) return pattern.test(value.literal);
  if (value.outside !== undefined) return /^[\s\d.+-]*$/.test(value.outside);
  return false;
}

/** Whether a value can go into a variable of the declared kind: variables do not convert. */
export function fitsVariable(variable: ValueKind, value: KnownValue): boolean {
  const { kind } = value;
  if (variable === "any" || kind === "any" || kind === "null") return true;
  if (variable === "number") return kind === "integer" || kind === "float" || kind === "number";
  if (variable === "integer") return kind === "integer" || kind === "number";
  return kind === variable;
}

/** "a whole number", "text"… what an input or variable of the kind needs. */
export function expectedText(kind: ValueType | ValueKind): string {
  switch (kind) {
    case "integer":
      return "a whole number";
    case "number":
    case "float":
      return "a number";
    case "boolean":
      return "yes or no (true or false)";
    case "array":
      return "a list";
    case "object":
      return "a set of named values (an object)";
    default:
      return "text";
  }
}

/** "“ten” is text", "the expression gives a list"… what was given instead. */
export function givenText(value: KnownValue, raw: JsonValue): string {
  if (value.literal !== undefined) return `“${shorten(value.literal)}” is text`;
  if (!value.expression) {
    switch (value.kind) {
      case "integer":
      case "float":
        return `${String(raw)} is ${value.kind === "float" ? "not a whole number" : "a number"}`;
      case "boolean":
        return `${String(raw)} is a yes/no value`;
      case "array":
        return "a list is given";
      case "object":
        return "a set of named values is given";
      default:
        return "the value does not fit";
    }
  }
  return value.outside !== undefined
    ? "the text around the dynamic content makes it text"
    : `the expression gives ${kindWord(value.kind)}`;
}

function kindWord(kind: ValueKind): string {
  switch (kind) {
    case "string":
      return "text";
    case "integer":
      return "a whole number";
    case "float":
      return "a decimal number";
    case "number":
      return "a number";
    case "boolean":
      return "a yes/no value";
    case "array":
      return "a list";
    case "object":
      return "a set of named values";
    default:
      return "a value of another type";
  }
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
