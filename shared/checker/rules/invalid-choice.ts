// An input with a fixed list of choices holding something else (as typed, not through an
// expression, which is judged when it runs). Letter case and number-as-text do not matter.
import type { EnumOption } from "../../connectors";
import { closestName } from "../../expr/suggest";
import type { JsonValue } from "../../json";
import { inputValues } from "../input-values";
import type { Fix } from "../types";
import { listText, stepLabel } from "../wording";
import type { Rule } from "./rule";

export const invalidChoice: Rule = (analysis, report) => {
  for (const { step, input, value, path } of inputValues(analysis)) {
    const choices = input.enum;
    if (!choices || choices.length === 0 || input.allowCustom) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (!isLiteral(item) || choices.some((choice) => same(choice.value, item))) return;
      const shown = String(item);
      report({
        rule: "invalid-choice",
        step,
        field: input.name,
        ...(path ? { path: Array.isArray(value) ? [...path, i] : path } : {}),
        detail: shown,
        message: `${stepLabel(step)} has “${shown}” for ${input.title}, which is not one of its choices (${choicesText(choices)}).`,
        ...suggestion(choices, shown, input.name, Array.isArray(value)),
      });
    });
  }
};

function isLiteral(value: JsonValue): boolean {
  if (typeof value === "string")
    return value.trim() !== "" && !value.startsWith("@") && !value.includes("@{");
  return typeof value === "number" || typeof value === "boolean";
}

function same(choice: JsonValue, value: JsonValue): boolean {
  return String(choice).toLowerCase() === String(value).trim().toLowerCase();
}

function choicesText(choices: readonly EnumOption[]): string {
  const titles = choices.map((c) => c.title);
  return titles.length > 6 ? `${titles.slice(0, 5).join(", ")}, …` : listText(titles);
}

function suggestion(
  choices: readonly EnumOption[],
  shown: string,
  field: string,
  inList: boolean,
): { fix?: Fix } {
  const byText = new Map(choices.map((c) => [String(c.value), c]));
  const closest = closestName(shown, byText.keys());
  const choice = closest === undefined ? undefined : byText.get(closest);
  if (!choice) return {};
  const label = `Did you mean “${choice.title}”?`;
  return inList
    ? { fix: { label } }
    : { fix: { label, edit: { kind: "set-value", field, value: choice.value } } };
}
