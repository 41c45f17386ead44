// Checks that need the function library but no data: every called function exists
// (with a suggestion when it looks misspelt) and receives an acceptable number of arguments.
import type { CallExpression, Expression } from "./ast";
import { ExpressionError } from "./errors";
import { arityText, functionNames, lookupFunction, UNSUPPORTED_FUNCTIONS } from "./functions/registry";
import type { FunctionDefinition } from "./functions/types";
import { closestName } from "./suggest";

/** The definition for a call, or an ExpressionError saying what is wrong with the name or arity. */
export function resolveCall(node: CallExpression): FunctionDefinition | ExpressionError {
  const definition = lookupFunction(node.name);
  const nameLength = node.nameEnd - node.nameStart;
  if (!definition) {
    const unsupported = UNSUPPORTED_FUNCTIONS.get(node.name.toLowerCase());
    if (unsupported !== undefined) {
      return new ExpressionError(
        "not-supported",
        `'${node.name}': ${unsupported}`,
        node.nameStart,
        nameLength,
      );
    }
    const suggestion = closestName(node.name, functionNames());
    return new ExpressionError(
      "unknown-function",
      `unknown function '${node.name}'${suggestion ? ` — did you mean '${suggestion}'?` : ""}`,
      node.nameStart,
      nameLength,
    );
  }
  const count = node.args.length;
  if (count < definition.minArgs || count > definition.maxArgs) {
    return new ExpressionError(
      "arity",
      `'${definition.name}' ${arityText(definition)} but got ${count}`,
      node.start,
      node.end - node.start,
    );
  }
  return definition;
}

/** Collects the name and arity errors of every call in the expression. */
export function validateExpression(node: Expression, errors: ExpressionError[]): void {
  switch (node.kind) {
    case "call": {
      const resolved = resolveCall(node);
      if (resolved instanceof ExpressionError) errors.push(resolved);
      for (const arg of node.args) validateExpression(arg, errors);
      return;
    }
    case "member":
      validateExpression(node.object, errors);
      validateExpression(node.key, errors);
      return;
    default:
      return;
  }
}
