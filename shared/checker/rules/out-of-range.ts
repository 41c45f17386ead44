// A number typed into an input outside the range it accepts (a loop's count, a parallelism degree).
import { inputValues } from "../input-values";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const outOfRange: Rule = (analysis, report) => {
  for (const { step, input, value, path } of inputValues(analysis)) {
    if (input.minimum === undefined && input.maximum === undefined) continue;
    const n =
      typeof value === "number"
        ? value
        : typeof value === "string" && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(value)
          ? Number(value)
          : undefined;
    if (n === undefined) continue;
    const bound =
      input.minimum !== undefined && n < input.minimum
        ? { text: `at least ${input.minimum}`, value: input.minimum }
        : input.maximum !== undefined && n > input.maximum
          ? { text: `at most ${input.maximum}`, value: input.maximum }
          : undefined;
    if (!bound) continue;
    report({
      rule: "out-of-range",
      step,
      field: input.name,
      ...(path ? { path } : {}),
      message: `${input.title} of ${stepLabel(step)} must be ${bound.text}; it is ${n}.`,
      fix: {
        label: `Set it to ${bound.value}`,
        edit: { kind: "set-value", field: input.name, value: bound.value },
      },
    });
  }
};
