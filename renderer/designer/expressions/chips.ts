// The label a token chip shows: the output's title when the expression reads a known output,
// the variable's name for variables(…), else "fx" and the function name.
import { t } from "../../i18n";
import { normalize } from "./dynamic-content";

export type ContentLabels = ReadonlyMap<string, { title: string; source: string }>;

export interface ChipLabel {
  title: string;
  source: string;
  kind: "content" | "expression";
}

export function chipLabel(expression: string, labels: ContentLabels): ChipLabel {
  const known = labels.get(normalize(expression));
  if (known) return { ...known, kind: "content" };
  const variable = /^variables\('((?:[^']|'')*)'\)$/i.exec(expression.trim());
  if (variable?.[1] !== undefined)
    return {
      title: variable[1].replaceAll("''", "'"),
      source: t("designer.content.variables"),
      kind: "content",
    };
  const call = /^([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(expression.trim());
  const title = call?.[1]
    ? `${call[1]}(…)`
    : expression.length > 24
      ? `${expression.slice(0, 22)}…`
      : expression;
  return { title, source: "", kind: "expression" };
}
