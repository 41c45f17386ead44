// The checker's vocabulary: findings, their rule codes and suggested fixes, the options of a check
// and the administrator's connector policy.
import type { FlowKind } from "../connectors";
import type { JsonValue } from "../json";

export type Severity = "error" | "warning";

/** Stable codes: the designer, the publish gate and tests key on them. See rules/catalog.ts. */
export type RuleCode =
  | "trigger-missing"
  | "no-actions"
  | "duplicate-name"
  | "required-input"
  | "unknown-operation"
  | "unknown-connector"
  | "unknown-action-type"
  | "expression-syntax"
  | "expression-unsupported"
  | "unknown-action-reference"
  | "reference-not-before"
  | "item-outside-loop"
  | "unknown-parameter"
  | "runafter-cycle"
  | "runafter-missing"
  | "runafter-other-branch"
  | "runafter-status"
  | "unreachable"
  | "variable-before-init"
  | "variable-init-in-loop"
  | "variable-duplicate"
  | "type-mismatch"
  | "invalid-choice"
  | "out-of-range"
  | "limit-actions"
  | "limit-depth"
  | "limit-switch-cases"
  | "limit-variables"
  | "limit-name-length"
  | "limit-expression-length"
  | "switch-duplicate-case"
  | "approval-outcome-unused"
  | "trigger-kind-mismatch"
  | "trigger-no-table"
  | "trigger-split-on-off"
  | "unknown-table"
  | "recurrence-too-frequent"
  | "timeout-invalid"
  | "timeout-no-effect"
  | "static-result"
  | "policy-blocked-connector"
  | "policy-mixed-data-groups";

/** A JSON path inside a step (trigger or action object): ["inputs", "parameters", "emailMessage/To"]. */
export type StepPath = readonly (string | number)[];

/** What applying a fix would do, for a designer that offers a one-click fix. `label` says it in words. */
export type FixEdit =
  /** Replace [start, end) of the string at `path` (a misspelt function name). */
  | { kind: "replace-text"; path: StepPath; start: number; end: number; text: string }
  /** Set the input `field` of the finding's step to `value`. */
  | { kind: "set-value"; field: string; value: JsonValue }
  | { kind: "remove-run-after"; action: string; predecessor: string }
  | { kind: "rename-run-after"; action: string; from: string; to: string }
  /** Replace a reference to a step that does not exist by the one probably meant. */
  | { kind: "rename-reference"; from: string; to: string }
  | { kind: "move-to-top-level"; action: string }
  /** Add an Initialize variable step at the top level, before `before` runs. */
  | { kind: "initialize-variable"; variable: string; before: string; type?: string }
  /** Add a Condition on the approval's outcome right after it. */
  | { kind: "add-outcome-condition"; after: string; expression: string }
  /** Remove the step's timeout (limit.timeout), which has no effect on it. */
  | { kind: "remove-timeout"; action: string }
  /** Turn the step's static result off (kept, for the next test). */
  | { kind: "static-result-off"; action: string }
  /** Give the trigger this splitOn again (one run per item of its batch). */
  | { kind: "set-split-on"; splitOn: string };

export interface Fix {
  /** A short sentence for a button or a hint: "Initialize the variable before this step". */
  label: string;
  edit?: FixEdit;
}

export interface Finding {
  /** Stable across runs while the flow does not change there: rule, node, field and what is wrong. */
  id: string;
  severity: Severity;
  rule: RuleCode;
  /**
   * The graph node (shared/flow) the finding belongs to: an action's name, a trigger's
   * "#trigger/<name>". Findings about the whole flow (`flow: true`) carry the trigger's id, or
   * "#root" when the flow has no trigger.
   */
  nodeId: string;
  /** The action or trigger name, as written in the definition. */
  step?: string;
  /** True for findings about the whole flow rather than one step. */
  flow?: true;
  /**
   * The input to focus: the catalog input's name as the properties form knows it ("emailMessage/To",
   * "inputs/variables/0/name", "expression", "recurrence/interval"), or, for a value the catalog
   * does not declare, a slash path into the step ("inputs/body/x"). "runAfter" for run-after settings.
   */
  field?: string;
  /** The exact JSON path of the value inside the step, for expression findings. */
  path?: StepPath;
  /** 0-based offset of the problem in the string at `path` (expression errors), and its length. */
  position?: number;
  length?: number;
  /** Plain language, for a business user. */
  message: string;
  fix?: Fix;
  /** Other nodes involved: the step referred to, the other members of a cycle, the steps of each connector group. */
  related?: string[];
}

export interface CheckResult {
  /** Errors first, then warnings; each group in document order (trigger first, then the steps). */
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

/**
 * An administrator's data policy. Connectors are keyed by id ("shared_office365"; an apiId or the
 * id without "shared_" is accepted too). Connectors the map does not list fall in `default`, which
 * is "non-business" when absent, as in Power Platform's data policies. Built-ins are never classified.
 */
export type ConnectorClass = "business" | "non-business" | "blocked";

export interface ConnectorPolicy {
  connectors: Readonly<Record<string, ConnectorClass>>;
  default?: ConnectorClass;
}

export interface CheckOptions {
  /** The flow's kind as the designer stores it; otherwise told by the trigger. */
  kind?: FlowKind;
  policy?: ConnectorPolicy;
}
