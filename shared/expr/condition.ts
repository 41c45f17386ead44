// The condition-builder form of an If/Until expression, as the designer writes it:
//   {"and": [{"equals": ["@outputs('A')?['body/outcome']", "Approve"]}, {"not": {"equals": [1, 2]}}]}
// Each object has one key, a function name, whose value is its argument list (or a single
// argument); arguments are evaluated like action inputs. A string condition is an expression.
import type { JsonValue } from "../json";
import type { EvaluationContext } from "./context";
import { ExpressionError } from "./errors";
import { evaluateValue } from "./evaluate";
import { arityText, lookupFunction } from "./functions/registry";
import { describeType, isObject, unbox } from "./values";

function evaluateNode(node: JsonValue, context: EvaluationContext, depth: number): JsonValue {
  if (depth > 100) throw new ExpressionError("limit", "condition nested deeper than 100 levels", 0);
  if (isObject(node)) {
    const keys = Object.keys(node);
    const name = keys[0];
    const definition = keys.length === 1 && name !== undefined ? lookupFunction(name) : undefined;
    if (definition && name !== undefined) {
      const raw = node[name] as JsonValue;
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length < definition.minArgs || list.length > definition.maxArgs) {
        throw new ExpressionError(
          "arity",
          `'${definition.name}' ${arityText(definition)} but got ${list.length}`,
          0,
        );
      }
      const args = list.map((arg) => evaluateNode(arg, context, depth + 1));
      return unbox(definition.impl(args, { name: definition.name, context }));
    }
  }
  return evaluateValue(node, context);
}

/** Evaluates an If/Until condition (an expression string or a condition-builder object) to a boolean. */
export function evaluateCondition(condition: JsonValue, context: EvaluationContext = {}): boolean {
  const result = evaluateNode(condition, context, 1);
  if (typeof result !== "boolean") {
    throw new ExpressionError("type", `a condition must produce a boolean, not ${describeType(result)}`, 0);
  }
  return result;
}
