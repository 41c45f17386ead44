// Errors: EngineError for callers of the API, StepError for a step that fails with a code and a
// message, and the conversion of anything thrown while a step runs into the error it journals.
import { ExpressionError } from "../../../shared/expr";
import type { JsonValue } from "../../../shared/json";
import type { ErrorInfo } from "./types";

export type EngineErrorCode =
  | "not-started"
  | "already-started"
  | "stopped"
  | "run-not-found"
  | "payload-too-large"
  | "invalid-definition";

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** Thrown inside a step executor: the step fails with this code and message (and outputs, if any). */
export class StepError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly outputs?: JsonValue,
  ) {
    super(message);
    this.name = "StepError";
  }
}

/** The journaled error of a step that threw while evaluating or running. */
export function stepErrorInfo(action: string, error: unknown, where = "inputs"): ErrorInfo {
  if (error instanceof StepError) return { code: error.code, message: error.message };
  if (error instanceof ExpressionError) {
    const at =
      error.line !== undefined && error.column !== undefined
        ? ` at line '${error.line}' and column '${error.column}'`
        : "";
    return {
      code: "InvalidTemplate",
      message: `Unable to process template language expressions in action '${action}' ${where}${at}: '${error.message}'.`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "InternalError", message: `The step '${action}' failed inside the engine: ${message}` };
}
