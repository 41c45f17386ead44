// Steps the catalog cannot place: an operation a declared connector does not have (an error: it
// would fail), a connector Flowsmith does not declare, or a kind of step it does not know (warnings:
// imported flows keep them, but the sandbox cannot run them).
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const unknownOperation: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    if (step.operation) continue;
    const ref = step.connectorRef;
    if (ref) {
      if (step.connector) {
        const operation = ref.operationId ? `“${ref.operationId}”` : "an operation";
        report({
          rule: "unknown-operation",
          step,
          detail: ref.operationId,
          message: `${stepLabel(step)} uses ${operation}, which the ${step.connector.displayName} connector does not have.`,
          fix: { label: `Replace it with an operation of ${step.connector.displayName}` },
        });
      } else {
        const connector = ref.connector ?? ref.apiId;
        const what =
          connector !== undefined
            ? `the connector “${connector}”, which Flowsmith does not know`
            : `the connection “${ref.connectionName ?? "?"}”, whose connector Flowsmith does not know`;
        report({
          rule: "unknown-connector",
          step,
          detail: connector ?? ref.connectionName,
          message: `${stepLabel(step)} uses ${what}: it cannot run in the sandbox.`,
        });
      }
      continue;
    }
    report({
      rule: "unknown-action-type",
      step,
      detail: step.type,
      message: `${stepLabel(step)} is a kind of ${step.kind === "trigger" ? "trigger" : "step"} Flowsmith cannot run (“${step.type}”).`,
    });
  }
};
