// Built-in triggers: a schedule (Recurrence), a person pressing Run (Request, kind Button) and an
// HTTP call (Request, kind Http).
import { builtInConnector, input, output } from "./define";
import { WINDOWS_TIME_ZONES } from "./timezones";
import type { EnumOption } from "./types";

const hours: EnumOption[] = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  title: String(hour),
}));
const minutes: EnumOption[] = Array.from({ length: 60 }, (_, minute) => ({
  value: minute,
  title: String(minute),
}));
const weekDays: EnumOption[] = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
].map((day) => ({ value: day, title: day }));

export const schedule = builtInConnector({
  id: "builtin_schedule",
  displayName: "Schedule",
  description: "Run a flow on a schedule.",
  group: "Triggers",
  color: "#1f85ff",
  icon: "calendar-clock",
  operations: [
    {
      operationId: "Recurrence",
      kind: "trigger",
      wdlType: "Recurrence",
      flowKind: "scheduled",
      displayName: "Recurrence",
      description: "Starts the flow every N seconds, minutes, hours, days, weeks or months.",
      template: { type: "Recurrence", recurrence: { frequency: "Day", interval: 1 } },
      inputs: [
        input("recurrence/interval", "Interval", "integer", "How many units of the frequency between runs.", {
          required: true,
          default: 1,
          minimum: 1,
        }),
        input("recurrence/frequency", "Frequency", "string", "The unit of the interval.", {
          required: true,
          default: "Day",
          enum: ["Second", "Minute", "Hour", "Day", "Week", "Month"].map((unit) => ({
            value: unit,
            title: unit,
          })),
        }),
        input(
          "recurrence/timeZone",
          "Time zone",
          "string",
          "The time zone the start time and hours are in.",
          {
            advanced: true,
            enum: WINDOWS_TIME_ZONES,
          },
        ),
        input(
          "recurrence/startTime",
          "Start time",
          "date-time",
          "When the schedule begins, e.g. 2025-01-06T08:00:00Z.",
          {
            advanced: true,
          },
        ),
        input("recurrence/schedule/weekDays", "On these days", "array", "Days of the week to run on.", {
          advanced: true,
          items: "string",
          enum: weekDays,
          visibleWhen: { input: "recurrence/frequency", in: ["Week"] },
        }),
        input("recurrence/schedule/hours", "At these hours", "array", "Hours of the day to run at.", {
          advanced: true,
          items: "string",
          enum: hours,
          visibleWhen: { input: "recurrence/frequency", in: ["Day", "Week"] },
        }),
        input("recurrence/schedule/minutes", "At these minutes", "array", "Minutes of the hour to run at.", {
          advanced: true,
          items: "integer",
          enum: minutes,
          visibleWhen: { input: "recurrence/frequency", in: ["Day", "Week"] },
        }),
      ],
      keywords: ["schedule", "timer", "every", "daily", "weekly", "cron"],
    },
  ],
});

const emptyForm = { type: "object", properties: {}, required: [] };

export const manual = builtInConnector({
  id: "builtin_manual",
  displayName: "Manual trigger",
  description: "Run a flow when a person starts it.",
  group: "Triggers",
  color: "#1f85ff",
  icon: "hand",
  operations: [
    {
      operationId: "Button",
      kind: "trigger",
      wdlType: "Request",
      wdlKind: "Button",
      flowKind: "instant",
      displayName: "Manually trigger a flow",
      description: "Starts the flow when someone runs it, after filling in the Run flow form.",
      defaultName: "manual",
      template: { type: "Request", kind: "Button", inputs: { schema: emptyForm } },
      inputs: [
        input("inputs/schema", "Run flow form", "object", "The inputs people fill in before the flow runs.", {
          required: true,
          default: emptyForm,
          format: "run-flow-form",
        }),
      ],
      outputs: [
        output("headers/x-ms-user-email", "User email", "email", "Who ran the flow."),
        output("headers/x-ms-user-name", "User name", "string", "Who ran the flow."),
        output("headers/x-ms-user-timestamp", "Timestamp", "date-time", "When the flow was run."),
      ],
      dynamicOutputs: "run-flow-form",
      keywords: ["button", "instant", "run", "manual", "form"],
    },
  ],
});

export const request = builtInConnector({
  id: "builtin_request",
  displayName: "Request",
  description: "Run a flow when an HTTP request arrives.",
  group: "Triggers",
  color: "#009da5",
  icon: "webhook",
  operations: [
    {
      operationId: "Request",
      kind: "trigger",
      wdlType: "Request",
      wdlKind: "Http",
      flowKind: "instant",
      displayName: "When an HTTP request is received",
      description:
        "Starts the flow when its URL is called; the request body can be described by a JSON schema.",
      defaultName: "manual",
      template: { type: "Request", kind: "Http", inputs: { schema: {} } },
      inputs: [
        input("inputs/schema", "Request Body JSON Schema", "object", "The shape of the body callers send.", {
          default: {},
          format: "json-schema",
        }),
        input("inputs/method", "Method", "string", "Accept only this HTTP method.", {
          advanced: true,
          enum: ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => ({ value: method, title: method })),
        }),
      ],
      outputs: [
        output("body", "Body", "any", "The request body."),
        output("headers", "Headers", "object", "The request headers."),
      ],
      dynamicOutputs: "json-schema",
      keywords: ["http", "webhook", "api", "url"],
    },
  ],
});
