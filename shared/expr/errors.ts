// Errors raised while scanning, parsing, checking or evaluating an expression.
// Every error carries the 0-based offset in the full text it was read from, so the
// designer can underline the culprit; `line` and `column` (1-based) are filled in when
// the text is known.

export type ExpressionErrorCode =
  | "syntax" // the text is not a well-formed expression
  | "unknown-function" // no function of that name
  | "arity" // wrong number of arguments
  | "type" // an argument or a dereferenced value has the wrong type
  | "runtime" // a documented runtime failure: division by zero, out of range, invalid format…
  | "reference" // an action, variable, parameter or loop that does not exist or has not run
  | "not-available" // the context cannot provide this (e.g. listCallbackUrl in the sandbox)
  | "not-supported" // a function of the reference that Flowsmith does not implement
  | "limit"; // a depth or size limit was exceeded

export class ExpressionError extends Error {
  readonly code: ExpressionErrorCode;
  /** 0-based offset into the full text; -1 while not yet known (set by the evaluator). */
  position: number;
  /** Number of characters the error covers, when known. */
  length: number | undefined;
  line: number | undefined;
  column: number | undefined;

  constructor(code: ExpressionErrorCode, message: string, position = -1, length?: number) {
    super(message);
    this.name = "ExpressionError";
    this.code = code;
    this.position = position;
    this.length = length;
    this.line = undefined;
    this.column = undefined;
  }

  /** Fills in position (if unknown), and line/column from the full text. Returns this. */
  locate(text: string | undefined, position?: number, length?: number): this {
    if (this.position < 0 && position !== undefined) {
      this.position = position;
      this.length = length;
    }
    if (text !== undefined && this.position >= 0) {
      const { line, column } = lineColumn(text, this.position);
      this.line = line;
      this.column = column;
    }
    return this;
  }

  toJSON(): { code: ExpressionErrorCode; message: string; position: number; length?: number } {
    const out: { code: ExpressionErrorCode; message: string; position: number; length?: number } = {
      code: this.code,
      message: this.message,
      position: this.position,
    };
    if (this.length !== undefined) out.length = this.length;
    return out;
  }
}

/** 1-based line and column of a 0-based offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function syntaxError(message: string, position: number, length = 1): ExpressionError {
  return new ExpressionError("syntax", `${message} at ${position}`, position, length);
}
