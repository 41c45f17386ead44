// Built-in control actions: branches, loops, scopes, waits, ending a run, answering an HTTP caller.
// Their nested steps (actions, else, cases, default) are structure the canvas edits, not inputs.
import { builtInConnector, input } from "./define";

const units = ["Second", "Minute", "Hour", "Day", "Week", "Month"].map((unit) => ({
  value: unit,
  title: unit,
}));

export const control = builtInConnector({
  id: "builtin_control",
  displayName: "Control",
  description: "Branch, loop, group steps, wait, and end the run.",
  group: "Control",
  color: "#484f58",
  icon: "git-branch",
  operations: [
    {
      operationId: "If",
      kind: "action",
      wdlType: "If",
      displayName: "Condition",
      description: "Runs the steps under Yes when the condition holds, otherwise those under No.",
      template: {
        type: "If",
        expression: { and: [{ equals: ["", ""] }] },
        actions: {},
        else: { actions: {} },
      },
      inputs: [
        input("expression", "Condition", "object", "Rows comparing values, combined with And or Or.", {
          required: true,
          default: { and: [{ equals: ["", ""] }] },
          format: "condition",
        }),
      ],
      keywords: ["if", "branch", "yes", "no", "else"],
    },
    {
      operationId: "Switch",
      kind: "action",
      wdlType: "Switch",
      displayName: "Switch",
      description: "Runs the case whose value equals the value switched on, or the default case.",
      template: {
        type: "Switch",
        expression: "",
        cases: { Case: { case: "", actions: {} } },
        default: { actions: {} },
      },
      inputs: [
        input("expression", "On", "any", "The value that picks the case.", {
          required: true,
          default: "",
          format: "expression",
        }),
      ],
      keywords: ["case", "branch", "choose"],
    },
    {
      operationId: "Foreach",
      kind: "action",
      wdlType: "Foreach",
      displayName: "Apply to each",
      description: "Runs the steps inside once for each item of a list.",
      template: { type: "Foreach", foreach: "", actions: {} },
      inputs: [
        input("foreach", "Select an output from previous steps", "array", "The list to go through.", {
          required: true,
          format: "expression",
        }),
        input(
          "runtimeConfiguration/concurrency/repetitions",
          "Degree of parallelism",
          "integer",
          "How many items run at the same time; items run one after another when left empty.",
          { advanced: true, minimum: 1, maximum: 50 },
        ),
      ],
      keywords: ["loop", "for each", "iterate", "each"],
    },
    {
      operationId: "Until",
      kind: "action",
      wdlType: "Until",
      displayName: "Do until",
      description: "Repeats the steps inside until the condition holds, or a limit is reached.",
      template: {
        type: "Until",
        expression: "@equals('', '')",
        limit: { count: 60, timeout: "PT1H" },
        actions: {},
      },
      inputs: [
        input("expression", "Loop until", "string", "The loop stops once this is true.", {
          required: true,
          default: "@equals('', '')",
          format: "expression",
        }),
        input("limit/count", "Count", "integer", "The loop stops after this many iterations.", {
          default: 60,
          minimum: 1,
          maximum: 5000,
        }),
        input("limit/timeout", "Timeout", "string", "The loop stops after this long (ISO 8601, e.g. PT1H).", {
          default: "PT1H",
          format: "duration",
        }),
      ],
      keywords: ["loop", "repeat", "while"],
    },
    {
      operationId: "Scope",
      kind: "action",
      wdlType: "Scope",
      displayName: "Scope",
      description: "Groups steps, so that later steps can run after the whole group succeeded or failed.",
      template: { type: "Scope", actions: {} },
      keywords: ["group", "try", "catch", "finally"],
    },
    {
      operationId: "Terminate",
      kind: "action",
      wdlType: "Terminate",
      displayName: "Terminate",
      description: "Ends the run at once with the status chosen.",
      template: { type: "Terminate", inputs: { runStatus: "Succeeded" } },
      inputs: [
        input("inputs/runStatus", "Status", "string", "How the run ends.", {
          required: true,
          default: "Succeeded",
          enum: ["Failed", "Cancelled", "Succeeded"].map((status) => ({ value: status, title: status })),
        }),
        input("inputs/runError/code", "Code", "string", "An error code for the failure.", {
          visibleWhen: { input: "inputs/runStatus", in: ["Failed"] },
        }),
        input("inputs/runError/message", "Message", "string", "What went wrong, for whoever reads the run.", {
          visibleWhen: { input: "inputs/runStatus", in: ["Failed"] },
        }),
      ],
      keywords: ["stop", "end", "exit", "fail"],
    },
    {
      operationId: "Delay",
      kind: "action",
      wdlType: "Wait",
      displayName: "Delay",
      description: "Waits for an amount of time before the next step.",
      match: { path: "inputs/interval" },
      template: { type: "Wait", inputs: { interval: { count: 1, unit: "Minute" } } },
      inputs: [
        input("inputs/interval/count", "Count", "integer", "How many units to wait.", {
          required: true,
          default: 1,
          minimum: 0,
        }),
        input("inputs/interval/unit", "Unit", "string", "The unit of the count.", {
          required: true,
          default: "Minute",
          enum: units,
        }),
      ],
      keywords: ["wait", "pause", "sleep"],
    },
    {
      operationId: "DelayUntil",
      kind: "action",
      wdlType: "Wait",
      displayName: "Delay until",
      description: "Waits until a point in time before the next step.",
      match: { path: "inputs/until" },
      template: { type: "Wait", inputs: { until: { timestamp: "" } } },
      inputs: [
        input(
          "inputs/until/timestamp",
          "Timestamp",
          "date-time",
          "When to continue, e.g. 2025-01-31T17:00:00Z.",
          {
            required: true,
          },
        ),
      ],
      keywords: ["wait", "pause", "until", "date"],
    },
    {
      operationId: "Response",
      kind: "action",
      wdlType: "Response",
      wdlKind: "Http",
      displayName: "Response",
      description: "Answers the HTTP request that started the flow.",
      template: { type: "Response", kind: "Http", inputs: { statusCode: 200 } },
      inputs: [
        input("inputs/statusCode", "Status code", "integer", "The HTTP status of the answer.", {
          required: true,
          default: 200,
          minimum: 100,
          maximum: 599,
        }),
        input("inputs/headers", "Headers", "object", "HTTP headers of the answer.", { advanced: true }),
        input("inputs/body", "Body", "any", "The content of the answer."),
        input("inputs/schema", "Response Body JSON Schema", "object", "The shape of the body.", {
          advanced: true,
          format: "json-schema",
        }),
      ],
      keywords: ["http", "reply", "answer", "return"],
    },
  ],
});
