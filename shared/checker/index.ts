// The flow checker: errors and warnings about a flow definition, each on the node (and field) it
// belongs to, in plain language, with a fix where one is clear. Live in the designer and the gate
// before publish. See README.md.
export { applyFix, canApplyFix, FixError } from "./apply-fix";
export { checkFlow } from "./check";
export { RULE_INFO, type RuleInfo } from "./rules/catalog";
export type {
  CheckOptions,
  CheckResult,
  ConnectorClass,
  ConnectorPolicy,
  Finding,
  Fix,
  FixEdit,
  RuleCode,
  Severity,
  StepPath,
} from "./types";
