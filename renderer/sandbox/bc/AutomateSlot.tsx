import type { JsonObject } from "../../../shared/json";
import type { TableInfo } from "./bc-model";

export interface AutomateContext {
  table: TableInfo;
  /** The record of a card page, or the rows selected on a list page. */
  records: readonly JsonObject[];
  page: "list" | "card";
}

/**
 * Where the Automate menu of Business Central's list, card and document pages goes (the publish
 * issue: instant flows for this page, Create a flow, Manage flows). Every page header already
 * renders it after its own actions, with the table and the selected records; until then it
 * shows nothing.
 */
export function AutomateSlot(_context: AutomateContext) {
  return null;
}
