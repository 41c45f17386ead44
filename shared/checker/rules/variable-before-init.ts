// A variable is read or changed only after the Initialize variable that declares it has run: that
// step must be sure to run before (the same rule as for step outputs), and a trigger comes before
// every variable.
import type { Analysis, Step } from "../analysis";
import { fieldAt } from "../fields";
import type { Report } from "../report";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

const CHANGES: Readonly<Record<string, string | undefined>> = {
  SetVariable: undefined,
  IncrementVariable: "integer",
  DecrementVariable: "integer",
  AppendToStringVariable: "string",
  AppendToArrayVariable: "array",
};

export const variableBeforeInit: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    const seen = new Set<string>();
    const use = (name: string, field: string, path?: readonly (string | number)[]) => {
      const key = `${field}\u0000${name.toLowerCase()}`;
      if (name.trim() === "" || seen.has(key)) return;
      seen.add(key);
      checkUse(analysis, step, name, { field, ...(path ? { path } : {}) }, report);
    };
    if (step.type in CHANGES) {
      const inputs = step.object.inputs;
      const name = inputs && typeof inputs === "object" && !Array.isArray(inputs) ? inputs.name : undefined;
      if (typeof name === "string" && !name.startsWith("@")) use(name, "inputs/name");
    }
    for (const expression of step.expressions) {
      if (expression.analysis.references.variables.length === 0) continue;
      const { field } = fieldAt(step, expression.path);
      for (const name of expression.analysis.references.variables) use(name, field, expression.path);
    }
  }
};

function checkUse(
  analysis: Analysis,
  step: Step,
  name: string,
  where: { field: string; path?: readonly (string | number)[] },
  report: Report,
): void {
  const declarations = analysis.variables.get(name.toLowerCase()) ?? [];
  const base = { rule: "variable-before-init" as const, step, ...where, detail: name };
  if (step.kind === "trigger") {
    report({
      ...base,
      message: `The trigger uses the variable “${name}”, but variables are initialized only after the trigger fires.`,
    });
    return;
  }
  if (declarations.some((d) => d.step !== step && analysis.precedence.sureBefore(step.index, d.step.index)))
    return;
  const declaration = declarations[0];
  if (!declaration) {
    const type = CHANGES[step.type];
    report({
      ...base,
      message: `${stepLabel(step)} uses the variable “${name}”, which is never initialized.`,
      fix: {
        label: "Initialize the variable before this step",
        edit: {
          kind: "initialize-variable",
          variable: name,
          before: topLevelOf(analysis, step).name,
          ...(type ? { type } : {}),
        },
      },
    });
    return;
  }
  report({
    ...base,
    related: [declaration.step.nodeId],
    message:
      declaration.step === step
        ? `${stepLabel(step)} uses the variable “${name}” in its own first value, before it exists.`
        : `${stepLabel(step)} uses the variable “${name}” before it is initialized: ${stepLabel(declaration.step)} has not run yet at this point.`,
    fix: { label: "Initialize the variable before this step" },
  });
}

/** The top-level step a step sits in (itself at the top level): where a new Initialize variable goes before. */
function topLevelOf(analysis: Analysis, step: Step): Step {
  const first = step.chain[0];
  return first === undefined ? step : ((analysis.actions[first] as Step | undefined) ?? step);
}
