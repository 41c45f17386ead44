// The shape of one library function and of the information a call receives.
import type { EvaluationContext } from "../context";
import type { Value } from "../values";

export type FunctionGroup =
  | "string"
  | "collection"
  | "logical"
  | "conversion"
  | "math"
  | "datetime"
  | "reference"
  | "workflow"
  | "manipulation"
  | "uri";

/** The static type of a result, for the designer and the checker. "number" is integer or float. */
export type StaticType =
  | "string"
  | "integer"
  | "float"
  | "number"
  | "boolean"
  | "array"
  | "object"
  | "null"
  | "any";

/** What a function's first argument names, for the static pass and reference renaming. */
export type ReferenceKind = "action" | "loop" | "scope" | "variable" | "parameter" | "trigger";

export interface CallInfo {
  /** The canonical function name. */
  name: string;
  context: EvaluationContext;
}

export type Implementation = (args: Value[], call: CallInfo) => Value;

export interface FunctionInfo {
  name: string;
  group: FunctionGroup;
  /** e.g. "substring(text: string, startIndex: integer, length?: integer): string" */
  signature: string;
  description: string;
  minArgs: number;
  /** Infinity for functions taking any number of arguments. */
  maxArgs: number;
  returns: StaticType;
  /** When the first argument names something (an action, variable…), what it names. */
  references?: ReferenceKind;
}

export interface FunctionDefinition extends FunctionInfo {
  /** Receives Float values boxed (math and conversions); others get plain JSON values. */
  keepsFloat?: boolean;
  impl: Implementation;
}
