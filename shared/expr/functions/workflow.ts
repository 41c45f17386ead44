// Functions that read the run's state: variables, parameters, loops, scopes, the workflow.
import { ExpressionError } from "../errors";
import { stringArg } from "./args";
import { define } from "./define";
import { notAvailable } from "./reference";
import type { FunctionDefinition } from "./types";

export const workflowFunctions: FunctionDefinition[] = [
  define(
    "workflow",
    "variables(variableName: string): any",
    "The current value of a variable.",
    (args, call) => {
      const name = stringArg(args, 0, call, "a variable name");
      if (!call.context.variable) throw notAvailable(call, "variables are not available in this context");
      const value = call.context.variable(name);
      if (value === undefined) {
        throw new ExpressionError("reference", `variable '${name}' has not been initialized`);
      }
      return value;
    },
    { references: "variable" },
  ),
  define(
    "workflow",
    "parameters(parameterName: string): any",
    "The value of a workflow parameter.",
    (args, call) => {
      const name = stringArg(args, 0, call, "a parameter name");
      if (!call.context.parameters) throw notAvailable(call, "parameters are not available in this context");
      const value = call.context.parameters(name);
      if (value === undefined) throw new ExpressionError("reference", `parameter '${name}' is not defined`);
      return value;
    },
    { references: "parameter" },
  ),
  define("workflow", "item(): any", "The current item of the repeating action being run.", (_args, call) => {
    const value = call.context.item?.();
    if (value === undefined)
      throw notAvailable(call, "it can only be used inside a Foreach loop or a Select, Query or Join");
    return value;
  }),
  define(
    "workflow",
    "items(loopName: string): any",
    "The current item of the named Foreach loop.",
    (args, call) => {
      const name = stringArg(args, 0, call, "a loop name");
      const value = call.context.items?.(name);
      if (value === undefined) {
        throw new ExpressionError("reference", `'items' refers to loop '${name}', but this is not inside it`);
      }
      return value;
    },
    { references: "loop" },
  ),
  define(
    "workflow",
    "iterationIndexes(loopName: string): integer",
    "The 0-based index of the current iteration of the named Until loop.",
    (args, call) => {
      const name = stringArg(args, 0, call, "a loop name");
      const value = call.context.iterationIndexes?.(name);
      if (value === undefined) {
        throw new ExpressionError(
          "reference",
          `'iterationIndexes' refers to loop '${name}', but this is not inside it`,
        );
      }
      return value;
    },
    { references: "loop" },
  ),
  define(
    "workflow",
    "result(scopedActionName: string): array",
    "The results (name, status, inputs, outputs…) of the first-level actions of a Scope, Foreach or Until.",
    (args, call) => {
      const name = stringArg(args, 0, call, "a scope name");
      if (!call.context.result) throw notAvailable(call, "scope results are not available in this context");
      const value = call.context.result(name);
      if (value === undefined) {
        throw new ExpressionError(
          "reference",
          `'result' refers to scope '${name}', which does not exist or has not run yet`,
        );
      }
      return value;
    },
    { references: "scope" },
  ),
  define(
    "workflow",
    "workflow(): object",
    "Details of the workflow and of this run: id, name, type, run, tags.",
    (_args, call) => {
      const value = call.context.workflow?.();
      if (value === undefined) throw notAvailable(call, "workflow details are not available in this context");
      return value;
    },
  ),
  define(
    "workflow",
    "listCallbackUrl(): string",
    "The callback URL of the current webhook trigger or action.",
    (_args, call) => {
      const value = call.context.listCallbackUrl?.();
      if (value === undefined)
        throw notAvailable(call, "only webhook triggers and actions have a callback URL");
      return value;
    },
  ),
];
