// Collecting findings: rules describe what is wrong; ids, severity defaults and the order of the
// list are decided here, once.
import type { Analysis, Step } from "./analysis";
import { RULE_INFO } from "./rules/catalog";
import type { CheckResult, Finding, Fix, RuleCode, Severity, StepPath } from "./types";

export interface Draft {
  rule: RuleCode;
  /** The step it is about; none for a finding about the whole flow. */
  step?: Step;
  /** Overrides the rule's usual severity. */
  severity?: Severity;
  field?: string;
  path?: StepPath;
  position?: number;
  length?: number;
  message: string;
  fix?: Fix;
  related?: string[];
  /** Tells apart findings of one rule on one field (the variable, the step referred to…); part of the id. */
  detail?: string;
}

export type Report = (draft: Draft) => void;

export function collector(analysis: Analysis): { report: Report; result: () => CheckResult } {
  const drafts: { finding: Finding; order: number; seq: number }[] = [];
  const report: Report = (draft) => {
    const { step } = draft;
    const nodeId = step?.nodeId ?? analysis.flowNodeId;
    const finding: Finding = {
      id: [draft.rule, nodeId, draft.field, draft.detail]
        .filter((p) => p !== undefined && p !== "")
        .join(":"),
      severity: draft.severity ?? RULE_INFO[draft.rule].severity,
      rule: draft.rule,
      nodeId,
      message: draft.message,
    };
    if (step) finding.step = step.name;
    else finding.flow = true;
    if (draft.field !== undefined) finding.field = draft.field;
    if (draft.path !== undefined) finding.path = draft.path;
    if (draft.position !== undefined) finding.position = draft.position;
    if (draft.length !== undefined) finding.length = draft.length;
    if (draft.fix !== undefined) finding.fix = draft.fix;
    if (draft.related !== undefined && draft.related.length > 0) finding.related = draft.related;
    drafts.push({ finding, order: step ? step.order : -1, seq: drafts.length });
  };
  const result = (): CheckResult => {
    drafts.sort(
      (a, b) => rank(a.finding.severity) - rank(b.finding.severity) || a.order - b.order || a.seq - b.seq,
    );
    // Ids must be unique for list keys; a repeat (two identical problems in one field) gets "#2".
    const seen = new Map<string, number>();
    const findings = drafts.map(({ finding }) => {
      const count = (seen.get(finding.id) ?? 0) + 1;
      seen.set(finding.id, count);
      return count === 1 ? finding : { ...finding, id: `${finding.id}#${count}` };
    });
    const errorCount = findings.filter((f) => f.severity === "error").length;
    return { findings, errorCount, warningCount: findings.length - errorCount };
  };
  return { report, result };
}

function rank(severity: Severity): number {
  return severity === "error" ? 0 : 1;
}
