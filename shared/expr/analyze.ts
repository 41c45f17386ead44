// The static pass: without running anything, what a string value (or a whole action's
// inputs) refers to — actions, loops, scopes, variables, parameters, trigger fields — what
// type it produces where that can be known, and every parse error with its position.
import type { JsonValue } from "../json";
import type { CallExpression, Expression } from "./ast";
import type { ExpressionError } from "./errors";
import { needsEvaluation } from "./evaluate";
import { lookupFunction } from "./functions/registry";
import type { StaticType } from "./functions/types";
import { splitTemplate } from "./template";
import { isObject } from "./values";

export interface FieldReference {
  /** Path below the trigger's or action's outputs, slash-separated: "body/No", "headers/x", "body". */
  path: string;
  /** The action name as written, for action fields. */
  action?: string;
}

export interface ExpressionReferences {
  /** Actions named by outputs(), body(), actions(), actionBody(), actionOutputs(), formDataValue()… */
  actions: string[];
  /** Foreach/Until loops named by items() and iterationIndexes(). */
  loops: string[];
  /** Scopes named by result(). */
  scopes: string[];
  variables: string[];
  parameters: string[];
  /** Fields read from the trigger's outputs ("body/No"); "" when the whole outputs are used. */
  triggerFields: string[];
  /** Fields read from actions' outputs. */
  actionFields: FieldReference[];
  /** Canonical names of the functions called. */
  functions: string[];
  /** True when the expression uses the trigger at all. */
  usesTrigger: boolean;
  /** True when a reference's name is computed (e.g. outputs(variables('x'))), so it cannot be known. */
  dynamic: boolean;
}

export interface ExpressionInfo {
  start: number;
  end: number;
  type: StaticType;
}

export interface TemplateAnalysis {
  kind: "literal" | "expression" | "interpolation";
  /** The type of the whole value: interpolation and literals are strings. */
  type: StaticType;
  references: ExpressionReferences;
  errors: ExpressionError[];
  expressions: ExpressionInfo[];
}

export interface ValueErrorEntry {
  /** JSON path of the string inside the value: ["body", "to"] or ["items", 0]. */
  path: (string | number)[];
  error: ExpressionError;
}

export interface ValueExpressionEntry {
  path: (string | number)[];
  analysis: TemplateAnalysis;
}

export interface ValueAnalysis {
  references: ExpressionReferences;
  errors: ValueErrorEntry[];
  expressions: ValueExpressionEntry[];
}

export function emptyReferences(): ExpressionReferences {
  return {
    actions: [],
    loops: [],
    scopes: [],
    variables: [],
    parameters: [],
    triggerFields: [],
    actionFields: [],
    functions: [],
    usesTrigger: false,
    dynamic: false,
  };
}

function addUnique<T>(list: T[], item: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
  if (!list.some((existing) => same(existing, item))) list.push(item);
}

function mergeReferences(into: ExpressionReferences, from: ExpressionReferences): void {
  for (const key of [
    "actions",
    "loops",
    "scopes",
    "variables",
    "parameters",
    "triggerFields",
    "functions",
  ] as const) {
    for (const item of from[key]) addUnique(into[key], item);
  }
  for (const field of from.actionFields) {
    addUnique(into.actionFields, field, (a, b) => a.path === b.path && a.action === b.action);
  }
  into.usesTrigger ||= from.usesTrigger;
  into.dynamic ||= from.dynamic;
}

interface Root {
  source: "trigger" | "action";
  action?: string;
  path: string[];
  /** The path starts at the whole run record (trigger(), actions()): a first 'outputs' is skipped. */
  record: boolean;
}

function rootOf(call: CallExpression): Root | undefined {
  const name = call.name.toLowerCase();
  const first = call.args[0];
  const actionName = first?.kind === "string" ? first.value : undefined;
  switch (name) {
    case "trigger":
      return { source: "trigger", path: [], record: true };
    case "triggeroutputs":
      return { source: "trigger", path: [], record: false };
    case "triggerbody":
      return { source: "trigger", path: ["body"], record: false };
    case "outputs":
    case "actionoutputs":
      return actionName === undefined
        ? undefined
        : { source: "action", action: actionName, path: [], record: false };
    case "body":
    case "actionbody":
      return actionName === undefined
        ? undefined
        : { source: "action", action: actionName, path: ["body"], record: false };
    case "actions":
      return actionName === undefined
        ? undefined
        : { source: "action", action: actionName, path: [], record: true };
    default:
      return undefined;
  }
}

/** The field path of a dereference chain on a trigger or action, as far as its keys are literal. */
function pathOf(node: Expression): Root | undefined {
  if (node.kind === "call") return rootOf(node);
  if (node.kind !== "member") return undefined;
  const base = pathOf(node.object);
  if (!base) return undefined;
  const key = node.key;
  let segments: string[];
  if (key.kind === "string") segments = key.value.split("/").filter((s) => s !== "");
  else if (key.kind === "number") segments = [String(key.value)];
  else return base; // a computed key: the path stops here
  let { record } = base;
  const path = [...base.path];
  for (const segment of segments) {
    if (record && path.length === 0 && segment.toLowerCase() === "outputs") {
      record = false;
      continue;
    }
    path.push(segment);
  }
  return { ...base, path, record };
}

function recordField(root: Root, refs: ExpressionReferences): void {
  if (root.record && root.path.length === 0) return;
  const path = root.path.join("/");
  if (root.source === "trigger") addUnique(refs.triggerFields, path);
  else if (root.action !== undefined) {
    addUnique(
      refs.actionFields,
      { action: root.action, path },
      (a, b) => a.path === b.path && a.action === b.action,
    );
  }
}

function walk(node: Expression, refs: ExpressionReferences, outer: boolean): void {
  switch (node.kind) {
    case "member": {
      if (outer) {
        const root = pathOf(node);
        if (root) recordField(root, refs);
      }
      walk(node.object, refs, false);
      walk(node.key, refs, true);
      return;
    }
    case "call": {
      const definition = lookupFunction(node.name);
      if (definition) {
        addUnique(refs.functions, definition.name);
        const kind = definition.references;
        const first = node.args[0];
        if (kind === "trigger") {
          refs.usesTrigger = true;
          if (outer) {
            const root = rootOf(node);
            if (root) recordField(root, refs);
          }
        } else if (kind !== undefined) {
          if (first?.kind === "string") {
            const list =
              kind === "action"
                ? refs.actions
                : kind === "loop"
                  ? refs.loops
                  : kind === "scope"
                    ? refs.scopes
                    : kind === "variable"
                      ? refs.variables
                      : refs.parameters;
            addUnique(list, first.value);
            if (kind === "action" && outer) {
              const root = rootOf(node);
              if (root) recordField(root, refs);
            }
          } else if (first !== undefined) {
            refs.dynamic = true;
          }
        }
      }
      for (const arg of node.args) walk(arg, refs, true);
      return;
    }
    default:
      return;
  }
}

/** The type an expression produces, where it can be known without data. */
export function inferType(node: Expression): StaticType {
  switch (node.kind) {
    case "string":
      return "string";
    case "number":
      return node.isFloat || !Number.isInteger(node.value) ? "float" : "integer";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "member":
      return "any";
    case "call": {
      const definition = lookupFunction(node.name);
      if (!definition) return "any";
      const argTypes = () => node.args.map(inferType);
      switch (definition.name) {
        case "add":
        case "sub":
        case "mul":
        case "div":
        case "mod": {
          const types = argTypes();
          if (types.some((t) => t === "float")) return "float";
          if (types.every((t) => t === "integer")) return "integer";
          return "number";
        }
        case "min":
        case "max": {
          const types = argTypes();
          return types.length > 0 && types.every((t) => t === "integer") ? "integer" : "number";
        }
        case "if": {
          const [, a = "any", b = "any"] = argTypes();
          return a === b ? a : "any";
        }
        case "coalesce": {
          const types = argTypes().filter((t) => t !== "null");
          return types.length > 0 && types.every((t) => t === types[0]) ? (types[0] ?? "any") : "any";
        }
        case "skip":
        case "take": {
          const [collection = "any"] = argTypes();
          return collection === "string" || collection === "array" ? collection : "any";
        }
        case "first":
        case "last": {
          const [collection = "any"] = argTypes();
          return collection === "string" ? "string" : "any";
        }
        case "union":
        case "intersection": {
          const [collection = "any"] = argTypes();
          return collection === "array" || collection === "object" ? collection : "any";
        }
        default:
          return definition.returns;
      }
    }
  }
}

/** References of one parsed expression. */
export function expressionReferences(node: Expression): ExpressionReferences {
  const refs = emptyReferences();
  walk(node, refs, true);
  return refs;
}

/** Analyzes one string value: its kind, type, references, expressions and errors (with positions). */
export function analyzeTemplate(text: string): TemplateAnalysis {
  const { parts, errors, whole } = splitTemplate(text);
  for (const error of errors) error.locate(text);
  const references = emptyReferences();
  const expressions: ExpressionInfo[] = [];
  for (const part of parts) {
    if (part.kind !== "expression") continue;
    walk(part.expression, references, true);
    expressions.push({ start: part.start, end: part.end, type: inferType(part.expression) });
  }
  const kind: TemplateAnalysis["kind"] = whole
    ? "expression"
    : parts.some((p) => p.kind === "expression") || errors.length > 0
      ? "interpolation"
      : "literal";
  const type: StaticType = kind === "expression" ? (expressions[0]?.type ?? "any") : "string";
  return { kind, type, references, errors, expressions };
}

/** Analyzes every expression string in a JSON value (an action's inputs, a condition…). */
export function analyzeValue(value: JsonValue): ValueAnalysis {
  const result: ValueAnalysis = { references: emptyReferences(), errors: [], expressions: [] };
  const visit = (node: JsonValue, path: (string | number)[]): void => {
    if (typeof node === "string") {
      if (!needsEvaluation(node)) return;
      const analysis = analyzeTemplate(node);
      mergeReferences(result.references, analysis.references);
      for (const error of analysis.errors) result.errors.push({ path, error });
      if (analysis.kind !== "literal") result.expressions.push({ path, analysis });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, [...path, i]);
      });
      return;
    }
    if (isObject(node)) {
      for (const key of Object.keys(node)) visit(node[key] as JsonValue, [...path, key]);
    }
  };
  visit(value, []);
  return result;
}
