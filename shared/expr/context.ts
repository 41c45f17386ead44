// What an expression can see of the world. The engine, the designer preview and tests
// each supply their own; every member is optional, and a function whose source is
// missing fails with a 'not-available' error instead of guessing.
import type { JsonObject, JsonValue } from "../json";

export interface EvaluationContext {
  /** The trigger's run record: { name, inputs, outputs: { headers, body }, startTime, status, … }. */
  trigger?(): JsonObject | undefined;
  /**
   * The run record of an action, by the name written in the expression (underscores for
   * spaces, as Power Automate writes references): { name, inputs, outputs, status, code,
   * startTime, endTime, error, … }. Undefined when no such action has run.
   */
  actionResult?(name: string): JsonObject | undefined;
  /** The current action's record, for action() (webhook unsubscribe, Until conditions). */
  currentAction?(): JsonObject | undefined;
  /** A variable's current value; undefined when not initialized. */
  variable?(name: string): JsonValue | undefined;
  /** The current item of the innermost repeating action, for item(). */
  item?(): JsonValue | undefined;
  /** The current item of the named Foreach loop; undefined when not inside it. */
  items?(loopName: string): JsonValue | undefined;
  /** The 0-based index of the current iteration of the named Until (or Foreach) loop. */
  iterationIndexes?(loopName: string): number | undefined;
  /** The run records of the first-level actions of a scope, Foreach or Until. */
  result?(scopeName: string): JsonValue[] | undefined;
  /** A workflow parameter's value; undefined when not defined. */
  parameters?(name: string): JsonValue | undefined;
  /** { id, name, type, location, run: { id, name, type }, tags: { flowDisplayName, environmentName } }. */
  workflow?(): JsonObject | undefined;
  /** The callback URL of the current webhook trigger or action, when there is one. */
  listCallbackUrl?(): string | undefined;
  /** The clock: a Date or epoch milliseconds. Defaults to the system clock. */
  now?(): Date | number;
  /** A random number in [0, 1), for rand() and guid(). Defaults to Math.random. */
  random?(): number;
}
