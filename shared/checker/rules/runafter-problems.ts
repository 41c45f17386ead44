// Run after entries that give no edge: a step that does not exist (or was renamed), a step of
// another branch or scope, or the step itself. The graph lists them; this says them in words.
import { closestName } from "../../expr/suggest";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const runAfterProblems: Rule = (analysis, report) => {
  for (const problem of analysis.graph.problems) {
    const step = analysis.byName.get(problem.action.toLowerCase());
    if (!step) continue;
    const subject = stepLabel(step);
    const predecessor = stepLabel(problem.predecessor);
    const remove = {
      label: `Remove ${predecessor} from Run after`,
      edit: { kind: "remove-run-after" as const, action: step.name, predecessor: problem.predecessor },
    };
    const base = { step, field: "runAfter", detail: problem.predecessor };
    switch (problem.problem) {
      case "self":
        report({
          ...base,
          rule: "runafter-cycle",
          message: `${subject} runs after itself, so it never starts.`,
          fix: remove,
        });
        break;
      case "missing": {
        const suggestion = closestName(
          problem.predecessor,
          analysis.actions.map((a) => a.name),
        );
        report({
          ...base,
          rule: "runafter-missing",
          message: `${subject} runs after ${predecessor}, which does not exist.`,
          fix: suggestion
            ? {
                label: `Did you mean ${stepLabel(suggestion)}?`,
                edit: {
                  kind: "rename-run-after",
                  action: step.name,
                  from: problem.predecessor,
                  to: suggestion,
                },
              }
            : remove,
        });
        break;
      }
      case "notSibling": {
        const other = analysis.byName.get(problem.predecessor.toLowerCase());
        report({
          ...base,
          rule: "runafter-other-branch",
          ...(other ? { related: [other.nodeId] } : {}),
          message: `${subject} runs after ${predecessor}, which is in another branch or scope: a step can only run after steps beside it.`,
          fix: remove,
        });
        break;
      }
    }
  }
};
