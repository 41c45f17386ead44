// The run engine: WDL semantics, a durable journal in SQLite, waits that survive restarts.
export type {
  ConnectorCall,
  ConnectorOutcome,
  ConnectorRuntime,
  FinalOutcome,
  SignalSink,
} from "./connector-runtime";
export { Engine, type EngineOptions, type RecoveryReport } from "./engine";
export { EngineError, type EngineErrorCode } from "./errors";
export type { CommitPolicy } from "./journal";
export { DEFAULT_LIMITS, type EngineLimits } from "./limits";
export { buildListQuery, decodeCursor, encodeCursor } from "./queries";
export type { FinalStatus, RunStatus, StepStatus } from "./status";
export {
  evaluateTriggerConditions,
  type FiringResult,
  firingOutputs,
  type SplitResult,
  splitTriggerOutputs,
  type TriggerConditionResult,
  triggerNameOf,
} from "./trigger-conditions";
export type * from "./types";
