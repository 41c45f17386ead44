// Insert a new step at an insertion point.
import type { WdlAction, WdlDefinition } from "../types";
import { insertFragment } from "./fragment";
import type { InsertionPoint } from "./insertion-points";
import { requireNewName } from "./tree";

export type InsertActionArgs = {
  at: InsertionPoint;
  /** A free name; uniqueActionName(definition, "Compose") gives one. */
  name: string;
  /** Its runAfter is replaced by the insertion point's. */
  action: WdlAction;
};

export function insertAction(definition: WdlDefinition, args: InsertActionArgs): WdlDefinition {
  requireNewName(definition, args.name);
  const { runAfter: _ignored, ...rest } = args.action;
  return insertFragment(definition, args.at, { [args.name]: rest as WdlAction }, { type: args.action.type });
}
