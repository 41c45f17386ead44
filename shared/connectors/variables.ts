// Built-in variables: declare one at the top level of the flow, then set, count or append to it.
import { builtInConnector, input, type OperationSpec } from "./define";

const name = (path: string) =>
  input(path, "Name", "string", "The variable, by the name it was initialized with.", {
    required: true,
    format: "variable-name",
  });

type VariableChange =
  | "SetVariable"
  | "IncrementVariable"
  | "DecrementVariable"
  | "AppendToStringVariable"
  | "AppendToArrayVariable";

const change = (
  operationId: VariableChange,
  displayName: string,
  description: string,
  valueTitle: string,
  numeric: boolean,
): OperationSpec => ({
  operationId,
  kind: "action",
  wdlType: operationId,
  displayName,
  description,
  template: { type: operationId, inputs: { name: "", value: numeric ? 1 : "" } },
  inputs: [
    name("inputs/name"),
    input("inputs/value", valueTitle, numeric ? "number" : "any", "The value to use.", {
      required: !numeric,
      ...(numeric ? { default: 1 } : {}),
    }),
  ],
  keywords: ["variable"],
});

export const variables = builtInConnector({
  id: "builtin_variables",
  displayName: "Variables",
  description: "Keep values that change while the flow runs.",
  group: "Variables",
  color: "#770bd6",
  icon: "variable",
  operations: [
    {
      operationId: "InitializeVariable",
      kind: "action",
      wdlType: "InitializeVariable",
      displayName: "Initialize variable",
      description: "Declares a variable with its type and first value.",
      template: { type: "InitializeVariable", inputs: { variables: [{ name: "", type: "string" }] } },
      inputs: [
        name("inputs/variables/0/name"),
        input("inputs/variables/0/type", "Type", "string", "What the variable holds.", {
          required: true,
          default: "string",
          enum: [
            { value: "boolean", title: "Boolean" },
            { value: "integer", title: "Integer" },
            { value: "float", title: "Float" },
            { value: "string", title: "String" },
            { value: "object", title: "Object" },
            { value: "array", title: "Array" },
          ],
        }),
        input("inputs/variables/0/value", "Value", "any", "The first value."),
      ],
      keywords: ["variable", "declare", "create"],
    },
    change("SetVariable", "Set variable", "Gives a variable a new value.", "Value", false),
    change("IncrementVariable", "Increment variable", "Adds a number to a number variable.", "Value", true),
    change(
      "DecrementVariable",
      "Decrement variable",
      "Subtracts a number from a number variable.",
      "Value",
      true,
    ),
    change(
      "AppendToStringVariable",
      "Append to string variable",
      "Adds text at the end of a string variable.",
      "Value",
      false,
    ),
    change(
      "AppendToArrayVariable",
      "Append to array variable",
      "Adds an item at the end of an array variable.",
      "Value",
      false,
    ),
  ],
});
