// An approval that waits for people (Start and wait / Wait for an approval) but whose answer no
// step reads: the flow goes on the same way whether it is approved or rejected, which is almost
// never what the author meant. Reading the whole outputs or body, the outcome, or the responses
// (each approver's answer) counts as looking.
import { outputExpression } from "../../connectors";
import type { Step } from "../analysis";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const WAITING_APPROVALS = new Set(["startandwaitforanapproval", "waitforanapproval"]);

export const approvalOutcomeUnused: Rule = (analysis, report) => {
  const approvals = analysis.actions.filter(
    (step) =>
      step.operation?.connectorId === "shared_approvals" &&
      WAITING_APPROVALS.has(step.operation.operationId.toLowerCase()),
  );
  if (approvals.length === 0) return;
  const looked = new Set<string>();
  for (const step of analysis.steps) {
    for (const expression of step.expressions) {
      const { references } = expression.analysis;
      if (references.dynamic) for (const a of approvals) looked.add(a.name.toLowerCase());
      for (const field of references.actionFields) {
        if (field.action === undefined || !looksAtOutcome(field.path)) continue;
        if (step.name.toLowerCase() !== field.action.toLowerCase()) looked.add(field.action.toLowerCase());
      }
    }
  }
  for (const approval of approvals) {
    if (looked.has(approval.name.toLowerCase())) continue;
    report({
      rule: "approval-outcome-unused",
      step: approval,
      message: `No step looks at the outcome of ${stepLabel(approval)}: the flow goes on the same way whether it is approved or rejected.`,
      fix: {
        label: "Add a Condition on the outcome after this step",
        edit: {
          kind: "add-outcome-condition",
          after: approval.name,
          expression: `@${outcomeExpression(approval)}`,
        },
      },
    });
  }
};

function looksAtOutcome(path: string): boolean {
  const p = path.toLowerCase();
  return p === "" || p === "body" || p.startsWith("body/outcome") || p.startsWith("body/responses");
}

function outcomeExpression(step: Step): string {
  const operation = step.operation;
  const output = operation?.outputs.find((o) => o.path === "body/outcome");
  return operation && output
    ? outputExpression({ name: step.name, operation, isTrigger: false }, output)
    : `outputs('${step.name.replaceAll("'", "''")}')?['body/outcome']`;
}
