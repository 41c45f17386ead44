// Edits refuse what cannot be done with an EditError: a code for code, a message for people.

export type EditErrorCode =
  /** A named step, trigger, branch or case does not exist. */
  | "notFound"
  /** The step is not of the kind the edit needs (a Switch for cases, a scope for branches…). */
  | "wrongType"
  | "invalidName"
  | "nameTaken"
  /** Moving a scope into itself or one of its branches. */
  | "intoItself"
  /** Moving a step to where it already is. */
  | "samePlace"
  /** Initialize variable inside a scope, or a scope nested too deep. */
  | "notAllowedHere"
  | "invalidRunAfter"
  | "notConsecutive"
  | "invalidArgument";

export class EditError extends Error {
  override readonly name = "EditError";
  constructor(
    readonly code: EditErrorCode,
    message: string,
  ) {
    super(message);
  }
}
