// A Business Central step naming a table the sandbox company does not have (a custom API page,
// a typo): it may work against a real environment, but cannot be tested here.
import { BC_TABLES, bcTable, inputValue } from "../../connectors";
import { closestName } from "../../expr/suggest";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const unknownTable: Rule = (analysis, report) => {
  for (const step of analysis.steps) {
    const operation = step.operation;
    if (operation?.connectorId !== "shared_dynamicssmbsaas") continue;
    const input = operation.inputs.find((i) => i.name === "table");
    const value = input ? inputValue(step.object, operation, input) : undefined;
    if (!input || typeof value !== "string" || value.trim() === "" || value.includes("@")) continue;
    if (bcTable(value.trim())) continue;
    const suggestion = closestName(
      value.trim(),
      BC_TABLES.map((t) => t.name),
    );
    report({
      rule: "unknown-table",
      step,
      field: input.name,
      detail: value,
      message: `${stepLabel(step)} uses the table “${value}”, which the sandbox company does not have: it cannot be tested here.`,
      ...(suggestion
        ? {
            fix: {
              label: `Did you mean “${suggestion}”?`,
              edit: { kind: "set-value" as const, field: input.name, value: suggestion },
            },
          }
        : {}),
    });
  }
};
