// Every rule, in the order they run. Order matters only for findings of one step with the same
// severity: structure first, then inputs, expressions and references, then the flow's limits.
import { actionReferences } from "./action-references";
import { approvalOutcomeUnused } from "./approval-outcome-unused";
import { duplicateName } from "./duplicate-name";
import { expressionSyntax } from "./expression-syntax";
import { invalidChoice } from "./invalid-choice";
import { limitActions } from "./limit-actions";
import { limitDepth } from "./limit-depth";
import { limitExpressionLength } from "./limit-expression-length";
import { limitNameLength } from "./limit-name-length";
import { limitSwitchCases } from "./limit-switch-cases";
import { limitVariables } from "./limit-variables";
import { loopReferences } from "./loop-references";
import { noActions } from "./no-actions";
import { outOfRange } from "./out-of-range";
import { policyBlockedConnector } from "./policy-blocked-connector";
import { policyMixedDataGroups } from "./policy-mixed-data-groups";
import { recurrenceTooFrequent } from "./recurrence-too-frequent";
import { requiredInput } from "./required-input";
import type { Rule } from "./rule";
import { runAfterCycle } from "./runafter-cycle";
import { runAfterProblems } from "./runafter-problems";
import { runAfterStatus } from "./runafter-status";
import { staticResult } from "./static-result";
import { switchDuplicateCase } from "./switch-duplicate-case";
import { timeoutSetting } from "./timeout-setting";
import { triggerKindMismatch } from "./trigger-kind-mismatch";
import { triggerMissing } from "./trigger-missing";
import { triggerNoTable } from "./trigger-no-table";
import { triggerSplitOn } from "./trigger-split-on";
import { typeMismatch } from "./type-mismatch";
import { unknownOperation } from "./unknown-operation";
import { unknownParameter } from "./unknown-parameter";
import { unknownTable } from "./unknown-table";
import { unreachable } from "./unreachable";
import { variableBeforeInit } from "./variable-before-init";
import { variableDuplicate } from "./variable-duplicate";
import { variableInitInLoop } from "./variable-init-in-loop";
import { variableTypes } from "./variable-types";

export const RULES: readonly Rule[] = [
  triggerMissing,
  noActions,
  duplicateName,
  policyBlockedConnector,
  policyMixedDataGroups,
  unknownOperation,
  runAfterProblems,
  runAfterStatus,
  runAfterCycle,
  unreachable,
  triggerKindMismatch,
  triggerNoTable,
  triggerSplitOn,
  recurrenceTooFrequent,
  timeoutSetting,
  staticResult,
  requiredInput,
  typeMismatch,
  invalidChoice,
  outOfRange,
  unknownTable,
  expressionSyntax,
  limitExpressionLength,
  actionReferences,
  loopReferences,
  unknownParameter,
  variableInitInLoop,
  variableDuplicate,
  variableBeforeInit,
  variableTypes,
  switchDuplicateCase,
  approvalOutcomeUnused,
  limitActions,
  limitDepth,
  limitSwitchCases,
  limitVariables,
  limitNameLength,
];
