// The condition builder's rows ⇄ WDL's condition object {"and":[{"equals":[a,b]}, {"not":{…}}]}.
import type { JsonObject, JsonValue } from "../../../shared/json";
import type { MessageKey } from "../../i18n";

/** Each operator's title is a message key: the editor shows it through t(). */
export const OPERATORS = [
  { id: "equals", fn: "equals", negate: false, title: "designer.condition.equals" },
  { id: "not-equals", fn: "equals", negate: true, title: "designer.condition.notEquals" },
  { id: "greater", fn: "greater", negate: false, title: "designer.condition.greater" },
  {
    id: "greaterOrEquals",
    fn: "greaterOrEquals",
    negate: false,
    title: "designer.condition.greaterOrEquals",
  },
  { id: "less", fn: "less", negate: false, title: "designer.condition.less" },
  { id: "lessOrEquals", fn: "lessOrEquals", negate: false, title: "designer.condition.lessOrEquals" },
  { id: "contains", fn: "contains", negate: false, title: "designer.condition.contains" },
  { id: "not-contains", fn: "contains", negate: true, title: "designer.condition.notContains" },
  { id: "startsWith", fn: "startsWith", negate: false, title: "designer.condition.startsWith" },
  { id: "not-startsWith", fn: "startsWith", negate: true, title: "designer.condition.notStartsWith" },
  { id: "endsWith", fn: "endsWith", negate: false, title: "designer.condition.endsWith" },
  { id: "not-endsWith", fn: "endsWith", negate: true, title: "designer.condition.notEndsWith" },
] as const satisfies readonly { id: string; fn: string; negate: boolean; title: MessageKey }[];

export type OperatorId = (typeof OPERATORS)[number]["id"];

export interface ConditionRow {
  left: JsonValue;
  operator: OperatorId;
  right: JsonValue;
}

export interface ConditionModel {
  join: "and" | "or";
  rows: ConditionRow[];
}

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function readRow(entry: JsonValue): ConditionRow | undefined {
  if (!isObject(entry)) return undefined;
  const keys = Object.keys(entry);
  if (keys.length !== 1) return undefined;
  const key = keys[0] ?? "";
  let negate = false;
  let inner: JsonObject = entry;
  if (key === "not") {
    const wrapped = entry.not;
    if (!isObject(wrapped) || Object.keys(wrapped).length !== 1) return undefined;
    negate = true;
    inner = wrapped;
  }
  const fn = Object.keys(inner)[0] ?? "";
  const args = inner[fn];
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const operator = OPERATORS.find((o) => o.fn === fn && o.negate === negate);
  if (!operator) return undefined;
  return { left: args[0] ?? "", operator: operator.id, right: args[1] ?? "" };
}

/** The rows of a builder condition, or undefined for a condition the builder cannot show. */
export function readCondition(value: JsonValue | undefined): ConditionModel | undefined {
  if (value === undefined || value === "")
    return { join: "and", rows: [{ left: "", operator: "equals", right: "" }] };
  if (!isObject(value)) return undefined;
  const join = Object.hasOwn(value, "and") ? "and" : Object.hasOwn(value, "or") ? "or" : undefined;
  if (!join || Object.keys(value).length !== 1) {
    const single = readRow(value);
    return single ? { join: "and", rows: [single] } : undefined;
  }
  const list = value[join];
  if (!Array.isArray(list)) return undefined;
  const rows = list.map(readRow);
  return rows.every((r): r is ConditionRow => r !== undefined) ? { join, rows } : undefined;
}

export function writeCondition(model: ConditionModel): JsonObject {
  return {
    [model.join]: model.rows.map((row) => {
      const operator = OPERATORS.find((o) => o.id === row.operator) ?? OPERATORS[0];
      const call: JsonObject = { [operator.fn]: [row.left, row.right] };
      return operator.negate ? { not: call } : call;
    }),
  };
}
