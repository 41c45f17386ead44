// The evaluator: walks a parsed expression against an EvaluationContext. It never calls
// eval or Function and reads objects only through own-property checks, so `['__proto__']`
// or `['constructor']` find nothing but data.
import type { JsonObject, JsonValue } from "../json";
import type { Expression, MemberExpression } from "./ast";
import type { EvaluationContext } from "./context";
import { ExpressionError } from "./errors";
import type { FunctionDefinition } from "./functions/types";
import { MAX_ARRAY_LENGTH, MAX_NESTING_DEPTH, MAX_STRING_LENGTH } from "./limits";
import { type CompiledTemplate, parseTemplate } from "./template";
import { resolveCall } from "./validate";
import {
  describeType,
  FloatValue,
  float,
  getOwn,
  isObject,
  setOwn,
  toText,
  unbox,
  type Value,
} from "./values";

function isTemplate(target: Expression | CompiledTemplate): target is CompiledTemplate {
  return "source" in target;
}

/** Evaluates a parsed expression or a compiled string value. */
export function evaluate(target: Expression | CompiledTemplate, context: EvaluationContext = {}): JsonValue {
  if (!isTemplate(target)) {
    return unbox(evaluateNode(target, context, 1));
  }
  try {
    switch (target.kind) {
      case "literal":
        return target.value;
      case "expression":
        return unbox(evaluateNode(target.expression, context, 1));
      case "interpolation": {
        let out = "";
        for (const part of target.parts) {
          out += part.kind === "text" ? part.value : toText(evaluateNode(part.expression, context, 1));
          if (out.length > MAX_STRING_LENGTH) {
            throw new ExpressionError(
              "limit",
              `the interpolated string is longer than ${MAX_STRING_LENGTH} characters`,
              part.start,
            );
          }
        }
        return out;
      }
    }
  } catch (error) {
    if (error instanceof ExpressionError) error.locate(target.source);
    throw error;
  }
}

const CACHE_SIZE = 5000;
const cache = new Map<string, CompiledTemplate>();

/** parseTemplate with a bounded cache keyed by the text (the engine evaluates the same inputs often). */
export function compileCached(text: string): CompiledTemplate {
  const hit = cache.get(text);
  if (hit) return hit;
  const compiled = parseTemplate(text);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(text, compiled);
  return compiled;
}

/** Evaluates one string value ("@expr", "text @{expr}", "@@literal" or plain text). */
export function evaluateTemplate(
  text: string | CompiledTemplate,
  context: EvaluationContext = {},
): JsonValue {
  return evaluate(typeof text === "string" ? compileCached(text) : text, context);
}

/** Does this string hold an expression, or an '@@' escape, that evaluation would change? */
export function needsEvaluation(text: string): boolean {
  return text.charCodeAt(0) === 64 || text.includes("@{");
}

/**
 * Evaluates every expression string inside a JSON value (an action's inputs): objects and
 * arrays are rebuilt, keys are kept as written, other values are returned unchanged.
 */
export function evaluateValue(value: JsonValue, context: EvaluationContext = {}): JsonValue {
  if (typeof value === "string") return needsEvaluation(value) ? evaluateTemplate(value, context) : value;
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, context));
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) setOwn(out, key, evaluateValue(value[key] as JsonValue, context));
    return out;
  }
  return value;
}

function evaluateNode(node: Expression, context: EvaluationContext, depth: number): Value {
  if (depth > MAX_NESTING_DEPTH) {
    throw new ExpressionError(
      "limit",
      `expression nested deeper than ${MAX_NESTING_DEPTH} levels`,
      node.start,
      node.end - node.start,
    );
  }
  switch (node.kind) {
    case "string":
    case "boolean":
      return node.value;
    case "number":
      return node.isFloat ? float(node.value) : node.value;
    case "null":
      return null;
    case "member":
      return member(node, context, depth);
    case "call": {
      const definition = resolveCall(node);
      if (definition instanceof ExpressionError) throw definition;
      const args: Value[] = [];
      for (const arg of node.args) args.push(evaluateNode(arg, context, depth + 1));
      return call(definition, args, node.start, node.end, context);
    }
  }
}

function call(
  definition: FunctionDefinition,
  args: Value[],
  start: number,
  end: number,
  context: EvaluationContext,
): Value {
  if (!definition.keepsFloat) {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg instanceof FloatValue) args[i] = arg.value;
    }
  }
  let result: Value;
  try {
    result = definition.impl(args, { name: definition.name, context });
  } catch (error) {
    if (error instanceof ExpressionError) {
      if (error.position < 0) {
        error.position = start;
        error.length = end - start;
      }
      throw error;
    }
    if (error instanceof RangeError) {
      // e.g. an invalid locale or time zone passed through to Intl
      throw new ExpressionError(
        "runtime",
        `'${definition.name}' failed: ${error.message}`,
        start,
        end - start,
      );
    }
    throw error;
  }
  if (typeof result === "string" && result.length > MAX_STRING_LENGTH) {
    throw new ExpressionError(
      "limit",
      `'${definition.name}' produced a string longer than ${MAX_STRING_LENGTH} characters`,
      start,
      end - start,
    );
  }
  if (Array.isArray(result) && result.length > MAX_ARRAY_LENGTH) {
    throw new ExpressionError(
      "limit",
      `'${definition.name}' produced an array of more than ${MAX_ARRAY_LENGTH} items`,
      start,
      end - start,
    );
  }
  return result;
}

function keyText(key: JsonValue): string {
  return typeof key === "string" ? `'${key}'` : String(key);
}

function member(node: MemberExpression, context: EvaluationContext, depth: number): Value {
  const target = unbox(evaluateNode(node.object, context, depth + 1));
  const key = unbox(evaluateNode(node.key, context, depth + 1));

  if (target === null) {
    if (node.optional) return null;
    throw memberError(
      node,
      "type",
      `cannot read property ${keyText(key)} of null; use '?' (for example ?[${keyText(key)}]) to allow a missing value`,
    );
  }
  if (Array.isArray(target)) {
    if (typeof key !== "number" || !Number.isInteger(key)) {
      if (typeof key === "string" && key.includes("/")) return aliasPath(target, key, node);
      throw memberError(
        node,
        "type",
        `an array can only be indexed by an integer, not by ${describeType(key)}`,
      );
    }
    if (key < 0 || key >= target.length) {
      if (node.optional) return null;
      throw memberError(
        node,
        "runtime",
        `index ${key} is out of range; the array has ${target.length} items`,
      );
    }
    return target[key] as JsonValue;
  }
  if (isObject(target)) {
    if (typeof key !== "string") {
      throw memberError(
        node,
        "type",
        `an object's property must be selected by a string, not by ${describeType(key)}`,
      );
    }
    const found = getOwn(target, key);
    if (found !== undefined) return found;
    if (key.includes("/")) return aliasPath(target, key, node);
    if (node.optional) return null;
    throw memberError(node, "runtime", `property '${key}' doesn't exist; ${availableProperties(target)}`);
  }
  throw memberError(node, "type", `cannot select property ${keyText(key)} of ${describeType(target)}`);
}

/** An error at a member's key (made only when one is thrown: member access is on every hot path). */
function memberError(node: MemberExpression, code: "type" | "runtime", message: string): ExpressionError {
  return new ExpressionError(code, message, node.key.start, node.key.end - node.key.start);
}

function availableProperties(object: JsonObject): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return "the object has no properties";
  const shown = keys.slice(0, 10).map((k) => `'${k}'`);
  return `available properties are ${shown.join(", ")}${keys.length > 10 ? ", …" : ""}`;
}

/** Power Automate's alias paths: ['body/outcome'] walks body then outcome. */
function aliasPath(start: JsonValue, path: string, node: MemberExpression): JsonValue {
  let current: JsonValue = start;
  for (const segment of path.split("/")) {
    if (segment === "") continue;
    let next: JsonValue | undefined;
    if (isObject(current)) next = getOwn(current, segment);
    else if (Array.isArray(current) && /^\d+$/.test(segment)) next = current[Number(segment)];
    if (next === undefined) {
      if (node.optional) return null;
      throw memberError(node, "runtime", `property '${segment}' of path '${path}' doesn't exist`);
    }
    current = next;
  }
  return current;
}
