// A Business Central record trigger ("When a record is created…") starts the flow for records of
// one table: without a table, nothing would ever start it.
import { inputValue } from "../../connectors";
import { isMissing } from "../input-state";
import { stepLabel } from "../wording";
import type { Rule } from "./rule";

export const triggerNoTable: Rule = (analysis, report) => {
  for (const trigger of analysis.triggers) {
    const operation = trigger.operation;
    if (!operation || !trigger.connector) continue;
    const table = operation.inputs.find((input) => input.name === "table");
    if (!table || !isMissing(inputValue(trigger.object, operation, table))) continue;
    report({
      rule: "trigger-no-table",
      step: trigger,
      field: table.name,
      message: `${stepLabel(trigger)} needs a table: choose the records whose changes start the flow.`,
    });
  }
};
