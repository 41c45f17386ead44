// The connector sandbox: the demo company's world, every catalog operation against it, and the
// API the sandbox UI and the tests use. See README.md.

export { APPROVAL_TYPES, completion } from "./approval-rules";
export { completedBody, requestBody } from "./approvals";
export { actionsOf } from "./bc-actions";
export type { FindOptions } from "./business-central";
export { badParameter, SandboxError } from "./errors";
export {
  type ApprovalTriggerBody,
  SandboxEmitter,
  type SandboxEvent,
  type SandboxEventListener,
  type SandboxEventMap,
  type SandboxEventType,
} from "./events";
export { EXTERNAL_MAILBOX } from "./mail";
export { matchesFilter, ODataError, parseFilter } from "./odata-filter";
export { type LostWait, Sandbox, type SandboxOptions, type TableSummary } from "./sandbox";
export { DEFAULT_SEED, generateDemoCompany } from "./seed";
export { DRIVE } from "./seed/collaboration";
export { CONNECTION_USER, FLOW_SENDER } from "./seed/people";
export { COMPANY_DOMAIN, COMPANY_NAME } from "./seed/words";
export { APPROVAL_TRIGGERS, SANDBOX_TABLES, type SandboxTable, sandboxTable } from "./tables";
export type * from "./types";
