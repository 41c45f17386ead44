// Built-in data operations: compose a value, parse JSON, reshape, filter and join lists, and turn
// a list into a CSV or HTML table.
import { builtInConnector, input, type OperationSpec, output } from "./define";

const from = input("inputs/from", "From", "array", "The list to work on.", {
  required: true,
  format: "expression",
});

const table = (format: "HTML" | "CSV"): OperationSpec => ({
  operationId: format === "HTML" ? "TableHtml" : "TableCsv",
  kind: "action",
  wdlType: "Table",
  displayName: `Create ${format} table`,
  description:
    format === "HTML"
      ? "Turns a list of objects into an HTML table, for an email or a message."
      : "Turns a list of objects into CSV text.",
  match: { path: "inputs/format", equals: format },
  template: { type: "Table", inputs: { from: "", format } },
  inputs: [
    from,
    input(
      "inputs/columns",
      "Columns",
      "array",
      "Custom columns; without them every property becomes a column.",
      {
        advanced: true,
        fields: [
          input("header", "Header", "string", "The column's heading.", { required: true }),
          input("value", "Value", "any", "What the column shows for each item.", { required: true }),
        ],
      },
    ),
  ],
  outputs: [output("body", "Output", "string", `The ${format} table.`)],
  keywords: ["table", format.toLowerCase(), "report"],
});

export const dataOperations = builtInConnector({
  id: "builtin_dataoperations",
  displayName: "Data operations",
  description: "Compose, parse, reshape and filter data.",
  group: "Data operations",
  color: "#8c6cff",
  icon: "braces",
  operations: [
    {
      operationId: "Compose",
      kind: "action",
      wdlType: "Compose",
      displayName: "Compose",
      description: "Builds a value, from text, numbers, objects and dynamic content, for later steps.",
      template: { type: "Compose", inputs: "" },
      inputs: [input("inputs", "Inputs", "any", "The value to build.", { required: true })],
      outputs: [output("", "Outputs", "any", "The value built.")],
      keywords: ["value", "expression", "calculate"],
    },
    {
      operationId: "ParseJson",
      kind: "action",
      wdlType: "ParseJson",
      displayName: "Parse JSON",
      description: "Reads JSON content with a schema, so its properties become dynamic content.",
      template: { type: "ParseJson", inputs: { content: "", schema: {} } },
      inputs: [
        input("inputs/content", "Content", "any", "The JSON to read.", { required: true }),
        input("inputs/schema", "Schema", "object", "The JSON schema of the content.", {
          required: true,
          default: {},
          format: "json-schema",
        }),
      ],
      outputs: [output("body", "Body", "any", "The parsed content.")],
      dynamicOutputs: "json-schema",
      keywords: ["json", "schema", "parse"],
    },
    {
      operationId: "Select",
      kind: "action",
      wdlType: "Select",
      displayName: "Select",
      description: "Makes a new list with one entry per item, shaped the way you map it.",
      template: { type: "Select", inputs: { from: "", select: {} } },
      inputs: [
        from,
        input("inputs/select", "Map", "any", "Key/value pairs of each new entry, or one value.", {
          required: true,
          default: {},
          format: "select-map",
        }),
      ],
      outputs: [output("body", "Output", "array", "The new list.")],
      keywords: ["map", "transform", "reshape"],
    },
    {
      operationId: "Query",
      kind: "action",
      wdlType: "Query",
      displayName: "Filter array",
      description: "Keeps the items of a list that meet a condition.",
      template: { type: "Query", inputs: { from: "", where: "@equals('', '')" } },
      inputs: [
        from,
        input("inputs/where", "Condition", "string", "Items for which this is true are kept.", {
          required: true,
          default: "@equals('', '')",
          format: "expression",
        }),
      ],
      outputs: [output("body", "Body", "array", "The items kept.")],
      keywords: ["filter", "where", "query"],
    },
    {
      operationId: "Join",
      kind: "action",
      wdlType: "Join",
      displayName: "Join",
      description: "Joins the items of a list into one text, with a separator between them.",
      template: { type: "Join", inputs: { from: "", joinWith: "," } },
      inputs: [
        from,
        input("inputs/joinWith", "Join with", "string", "The separator.", { required: true, default: "," }),
      ],
      outputs: [output("body", "Output", "string", "The joined text.")],
      keywords: ["concatenate", "text", "separator"],
    },
    table("HTML"),
    table("CSV"),
  ],
});
