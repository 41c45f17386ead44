// References to other steps (outputs(), body(), actions(), result()…): the step must exist, and
// be sure to have run whenever this one runs. Not the case: itself, a scope still running around
// it, a later step, a parallel branch, the other branch of a Condition (errors); inside a branch
// or a loop that ran before (warnings: the branch may not have been taken; outside a loop the
// outputs are the list of every repetition's).
import { closestName } from "../../expr/suggest";
import type { Analysis, Step } from "../analysis";
import { fieldAt } from "../fields";
import { placementOf } from "../placement";
import type { Draft, Report } from "../report";
import { listText, stepLabel } from "../wording";
import type { Rule } from "./rule";

export const actionReferences: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    const seen = new Set<string>();
    for (const expression of step.expressions) {
      const { references } = expression.analysis;
      if (references.actions.length === 0 && references.scopes.length === 0) continue;
      const { field } = fieldAt(step, expression.path);
      const check = (name: string, what: string) => {
        const key = `${field}\u0000${name.toLowerCase()}`;
        if (seen.has(key)) return;
        seen.add(key);
        checkReference(analysis, step, name, what, { field, path: expression.path }, report);
      };
      for (const name of references.actions) check(name, "the outputs of");
      for (const name of references.scopes) check(name, "the results of");
    }
  }
};

function checkReference(
  analysis: Analysis,
  from: Step,
  name: string,
  what: string,
  where: Pick<Draft, "field" | "path">,
  report: Report,
): void {
  const to = analysis.byName.get(name.toLowerCase());
  const subject = stepLabel(from);
  if (!to) {
    const trigger = analysis.triggers.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (trigger) {
      report({
        rule: "unknown-action-reference",
        step: from,
        ...where,
        detail: name,
        related: [trigger.nodeId],
        message: `${subject} uses ${what} ${stepLabel(name)}, which is the trigger: its outputs are read with triggerOutputs() or triggerBody().`,
      });
      return;
    }
    const suggestion = closestName(
      name,
      analysis.actions.map((a) => a.name),
    );
    report({
      rule: "unknown-action-reference",
      step: from,
      ...where,
      detail: name,
      message: `${subject} uses ${what} ${stepLabel(name)}, which does not exist.`,
      ...(suggestion
        ? {
            fix: {
              label: `Did you mean ${stepLabel(suggestion)}?`,
              edit: { kind: "rename-reference", from: name, to: suggestion },
            },
          }
        : {}),
    });
    return;
  }
  const placement = placementOf(analysis, from, to);
  const target = stepLabel(to);
  const base = {
    rule: "reference-not-before" as const,
    step: from,
    ...where,
    detail: to.name,
    related: [to.nodeId],
  };
  switch (placement.kind) {
    case "before":
      return;
    case "trigger":
      report({
        ...base,
        message: `The trigger uses ${what} ${target}, but no step has run when the trigger fires.`,
      });
      return;
    case "self":
      report({ ...base, message: `${subject} uses its own outputs, which do not exist while it runs.` });
      return;
    case "enclosing":
      report({
        ...base,
        message: `${subject} uses ${what} ${target}, which has not finished while ${subject} runs inside it.`,
      });
      return;
    case "inside":
      report({
        ...base,
        message: `${subject} uses ${what} ${target}, which has not run yet at this point: it runs inside ${subject}.`,
      });
      return;
    case "later":
      report({
        ...base,
        message: `${subject} uses ${what} ${target}, which has not run yet at this point.`,
        fix: { label: `Move ${subject} after ${target}` },
      });
      return;
    case "parallel":
      report({
        ...base,
        message: `${subject} uses ${what} ${target}, which runs in a parallel branch and may not have finished at this point.`,
        fix: { label: `Make ${subject} run after ${target}` },
      });
      return;
    case "other-branch":
      report({
        ...base,
        message: `${subject} uses ${what} ${target}, which is in another branch of ${stepLabel(placement.scope)}: only one of the two runs.`,
      });
      return;
    case "conditional":
      report({
        ...base,
        severity: "warning",
        message: `${subject} uses ${what} ${target}, which may not have run: it is in the ${placement.branch} branch of ${stepLabel(placement.scope)}.`,
        fix: { label: "Give a fallback with coalesce(), or move the step into that branch" },
      });
      return;
    case "loop": {
      const [loop] = placement.loops;
      if (placement.loops.length > 1 || !loop) {
        report({
          ...base,
          message: `${subject} uses ${what} ${target}, which is inside nested loops (${listText(placement.loops.map(stepLabel))}): it can only be used inside them.`,
        });
        return;
      }
      report({
        ...base,
        severity: "warning",
        message: `${subject} uses ${what} ${target}, which is inside the loop ${stepLabel(loop)}: from outside, that is the list of every repetition's outputs.`,
        fix: { label: "Use it inside the loop, or collect the values in an array variable" },
      });
      return;
    }
  }
}
