import { useCallback, useEffect, useId, useMemo, useState } from "react";
import type { JsonObject, JsonValue } from "../../shared/json";
import {
  type RunFlowFieldShape,
  type RunFlowProblem,
  type RunFlowValues,
  runFlowFieldProblem,
  runFlowInputs,
  runFlowProblems,
  runFlowProblemsSummary,
} from "./run-flow-form";

export interface RunFlowFormState {
  fields: readonly RunFlowFieldShape[];
  values: RunFlowValues;
  /** The problems of the last Continue, each cleared as soon as its field is put right. */
  problems: readonly RunFlowProblem[];
  /** The line at the form's end naming every field still to fill in or correct. */
  summary: string | undefined;
  /** The id of a field's box, for its label and for focus. */
  idOf: (key: string) => string;
  change: (key: string, value: JsonValue, unreadable?: boolean) => void;
  /** Checks the whole form: the flow's inputs, or undefined after marking every problem and focusing the first. */
  check: () => JsonObject | undefined;
}

/** A Run flow form's answers and problems, shared by the three places that show it. */
export function useRunFlowForm(fields: readonly RunFlowFieldShape[]): RunFlowFormState {
  const prefix = useId();
  const [values, setValues] = useState<RunFlowValues>({});
  const [problems, setProblems] = useState<readonly RunFlowProblem[]>([]);
  const [focusFirst, setFocusFirst] = useState(0);
  const idOf = useCallback((key: string) => `${prefix}-field-${key}`, [prefix]);

  // After the problems are drawn (aria-invalid, messages), so a screen reader reads them with the field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each Continue that found problems
  useEffect(() => {
    const first = problems[0];
    if (focusFirst && first) document.getElementById(idOf(first.key))?.focus();
  }, [focusFirst]);

  const change = useCallback(
    (key: string, value: JsonValue, unreadable = false) => {
      setValues((current) => ({ ...current, [key]: value }));
      // A field marked wrong is checked again as it changes: its message goes once it is right.
      setProblems((current) => {
        const index = current.findIndex((problem) => problem.key === key);
        const field = fields.find((f) => f.key === key);
        const marked = current[index];
        if (!marked || !field) return current;
        const kind = runFlowFieldProblem(field, value, unreadable);
        if (kind === marked.kind) return current;
        return kind
          ? current.map((problem, i) => (i === index ? { ...problem, kind } : problem))
          : current.filter((_, i) => i !== index);
      });
    },
    [fields],
  );

  const check = () => {
    // A box the browser cannot read (a date with only its month typed) has "" as its value.
    const unreadable = new Set(
      fields
        .filter((field) => {
          const box = document.getElementById(idOf(field.key));
          return box instanceof HTMLInputElement && box.validity.badInput;
        })
        .map((field) => field.key),
    );
    const found = runFlowProblems(fields, values, unreadable);
    setProblems(found);
    if (found.length > 0) {
      setFocusFirst((n) => n + 1);
      return undefined;
    }
    return runFlowInputs(fields, values);
  };

  const summary = useMemo(() => runFlowProblemsSummary(problems), [problems]);
  return { fields, values, problems, summary, idOf, change, check };
}
