// The flow document: WDL types and schemas, reading and writing flow files, the graph view, edits.
// Every edit is a pure function (definition, args) => definition that never modifies its input and
// throws EditError when it cannot be done. See README.md.

export * from "./action-types";
export * from "./branches";
export * from "./connector-ref";
export * from "./diff";
export * from "./document";
export * from "./durations";
export { copyActions, pasteActions, pasteNames } from "./edits/copy-paste";
export { deleteAction, deleteActions } from "./edits/delete";
export { EditError, type EditErrorCode } from "./edits/errors";
export { type InsertActionArgs, insertAction } from "./edits/insert";
export {
  canDrop,
  type DropCheck,
  type DropSubject,
  edgeInsertionPoint,
  type InsertionPoint,
  insertionPointFromId,
  insertionPointId,
  insertionPoints,
  type ListedInsertionPoint,
  MAX_ACTION_NESTING_DEPTH,
} from "./edits/insertion-points";
export { moveAction, moveActions, nudgeAction, nudgePoint } from "./edits/move";
export { addParallelAction } from "./edits/parallel";
export { renameAction } from "./edits/rename";
export { addSwitchCase, MAX_SWITCH_CASES, removeSwitchCase, setSwitchCaseValue } from "./edits/switch-cases";
export { replaceTrigger, type TriggerSettings, updateTrigger, updateTriggerSettings } from "./edits/trigger";
export {
  type ActionSettings,
  setActionInputs,
  setRunAfter,
  updateAction,
  updateActionSettings,
} from "./edits/update";
export { wrapInScope } from "./edits/wrap";
export * from "./flow-kind";
export * from "./graph";
export * from "./json-path";
export * from "./names";
export * from "./new-document";
export * from "./node-ids";
export { readFlowFile, readFlowValue } from "./read";
export * from "./schema";
export { NOT_SECURED, type SecuredData, securedData } from "./secure-data";
export * from "./static-results";
export * from "./status";
export * from "./timeouts";
export * from "./trigger-concurrency";
export * from "./types";
export * from "./validate";
export * from "./walk";
export * from "./write";
