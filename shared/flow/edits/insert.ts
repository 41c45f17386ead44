// Insert a new step at an insertion point.
import { actionNameProblem } from "../names";
import type { WdlAction, WdlDefinition } from "../types";
import { EditError } from "./errors";
import { insertFragment } from "./fragment";
import type { InsertionPoint } from "./insertion-points";

export type InsertActionArgs = {
  at: InsertionPoint;
  /** A free name; uniqueActionName(definition, "Compose") gives one. */
  name: string;
  /** Its runAfter is replaced by the insertion point's. */
  action: WdlAction;
};

export function insertAction(definition: WdlDefinition, args: InsertActionArgs): WdlDefinition {
  const problem = actionNameProblem(definition, args.name);
  if (problem) throw new EditError(problem.startsWith("Another") ? "nameTaken" : "invalidName", problem);
  const { runAfter: _ignored, ...rest } = args.action;
  return insertFragment(definition, args.at, { [args.name]: rest as WdlAction }, { type: args.action.type });
}
