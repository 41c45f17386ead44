// Every rule code with its usual severity and what it is about: for a settings page, a legend in
// the checker panel, and the publish gate's documentation.
import type { RuleCode, Severity } from "../types";

export interface RuleInfo {
  severity: Severity;
  title: string;
}

export const RULE_INFO: Readonly<Record<RuleCode, RuleInfo>> = {
  "trigger-missing": { severity: "error", title: "The flow has no trigger" },
  "no-actions": { severity: "warning", title: "The flow has no step after its trigger" },
  "duplicate-name": { severity: "error", title: "Two steps have the same name" },
  "required-input": { severity: "error", title: "A required field is empty" },
  "unknown-operation": { severity: "error", title: "The connector has no such operation" },
  "unknown-connector": { severity: "warning", title: "A connector Flowsmith does not know" },
  "unknown-action-type": { severity: "warning", title: "A kind of step Flowsmith does not know" },
  "expression-syntax": { severity: "error", title: "An expression has an error" },
  "expression-unsupported": {
    severity: "warning",
    title: "An expression uses a function Flowsmith cannot run",
  },
  "unknown-action-reference": { severity: "error", title: "A reference to a step that does not exist" },
  "reference-not-before": { severity: "error", title: "A reference to a step that may not have run" },
  "item-outside-loop": { severity: "error", title: "A loop's current item used outside the loop" },
  "unknown-parameter": { severity: "warning", title: "A reference to a parameter the flow does not have" },
  "runafter-cycle": { severity: "error", title: "Steps wait for each other" },
  "runafter-missing": { severity: "error", title: "Run after names a step that does not exist" },
  "runafter-other-branch": { severity: "error", title: "Run after names a step of another branch" },
  "runafter-status": { severity: "error", title: "Run after names an unknown status" },
  unreachable: { severity: "warning", title: "A step that can never run" },
  "variable-before-init": { severity: "error", title: "A variable used before it is initialized" },
  "variable-init-in-loop": { severity: "error", title: "A variable initialized inside a scope" },
  "variable-duplicate": { severity: "error", title: "A variable initialized twice" },
  "type-mismatch": { severity: "error", title: "A value of the wrong type" },
  "invalid-choice": { severity: "error", title: "A value that is not one of the choices" },
  "out-of-range": { severity: "error", title: "A number out of range" },
  "limit-actions": { severity: "error", title: "More than 500 steps" },
  "limit-depth": { severity: "error", title: "Steps nested more than 8 deep" },
  "limit-switch-cases": { severity: "error", title: "A Switch with more than 25 cases" },
  "limit-variables": { severity: "error", title: "More than 250 variables" },
  "limit-name-length": { severity: "error", title: "A name longer than 80 characters" },
  "limit-expression-length": { severity: "error", title: "An expression longer than 8,192 characters" },
  "switch-duplicate-case": { severity: "error", title: "Two Switch cases with the same value" },
  "approval-outcome-unused": { severity: "warning", title: "An approval whose outcome nobody looks at" },
  "trigger-kind-mismatch": { severity: "warning", title: "A trigger of another kind of flow" },
  "trigger-no-table": { severity: "error", title: "A Business Central trigger without a table" },
  "trigger-split-on-off": { severity: "warning", title: "A batch trigger without Split on" },
  "unknown-table": { severity: "warning", title: "A Business Central table the sandbox does not have" },
  "recurrence-too-frequent": { severity: "error", title: "A schedule more often than once a minute" },
  "timeout-invalid": { severity: "error", title: "A timeout that is not a duration" },
  "timeout-no-effect": { severity: "warning", title: "A timeout on a step that never times out" },
  "static-result": { severity: "warning", title: "A step that returns its static result instead of running" },
  "policy-blocked-connector": { severity: "error", title: "A connector blocked by the administrator" },
  "policy-mixed-data-groups": { severity: "error", title: "Business and non-business connectors mixed" },
};
