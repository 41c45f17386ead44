// The connector catalog: declarations of every trigger and action, and the lookups the designer,
// the checker, the engine and the sandbox share.
export {
  allOperations,
  CONNECTORS,
  connectorOf,
  findConnector,
  findOperation,
  type PaletteEntry,
  type PaletteGroupEntry,
  type PaletteOptions,
  paletteGroups,
  paletteOperations,
} from "./catalog";
export {
  defaultActionName,
  type InstantiateOptions,
  inputsOf,
  inputValue,
  instantiate,
  newStep,
  withInputValue,
} from "./instantiate";
export { outputExpression, outputsOf, type StepReference } from "./outputs";
export { getAt, setAt } from "./paths";
export { connectorOfAction, flowKindOf, operationOfAction } from "./recognize";
export {
  addRunFlowInput,
  type NewRunFlowInput,
  nextRunFlowKey,
  RUN_FLOW_INPUT_KINDS,
  type RunFlowField,
  type RunFlowInputKind,
  type RunFlowInputKindDeclaration,
  runFlowFields,
  runFlowInputKind,
  runFlowInputKindOf,
  runFlowOutputs,
} from "./runflowform";
export {
  isSandboxMailTrigger,
  performableInSandbox,
  SANDBOX_MAIL_TRIGGERS,
  type SandboxMailEvent,
  sandboxMailEvent,
} from "./sandbox-starts";
export { normalizeForSearch, type SearchHit, searchOperations } from "./search";
export { BC_TABLE_OPTIONS, BC_TABLES, type BcField, type BcTable, bcTable } from "./tables";
export { WINDOWS_TIME_ZONES } from "./timezones";
export * from "./types";
