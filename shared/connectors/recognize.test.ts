// operationOfAction recognises real exported flows: every connector call in the corpus that goes to
// a connector the catalog declares, and every built-in.
import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../fixtures/corpus";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { findOperation } from "./catalog";
import { connectorOfAction, operationOfAction } from "./recognize";

const CONNECTOR_CALL = /^(Open)?ApiConnection(Webhook|Notification)?$/i;

/** Every trigger and action object of a definition, nested ones included. */
function steps(value: JsonValue, found: { name: string; step: JsonObject }[] = []) {
  if (Array.isArray(value)) {
    for (const item of value) steps(item, found);
  } else if (isJsonObject(value)) {
    for (const key of ["triggers", "actions"]) {
      const group = value[key];
      if (isJsonObject(group)) {
        for (const [name, step] of Object.entries(group)) if (isJsonObject(step)) found.push({ name, step });
      }
    }
    for (const child of Object.values(value)) steps(child, found);
  }
  return found;
}

const powerAutomate = corpusFiles().filter((file) => file.name.startsWith("powerautomate"));

describe("operationOfAction on the Power Automate corpus", () => {
  it("finds the corpus", () => {
    expect(powerAutomate.length).toBeGreaterThan(5);
  });

  it.each(powerAutomate.map((file) => [file.name, file] as const))("recognises %s", (_, file) => {
    const definitionSteps = steps(JSON.parse(file.text) as JsonValue);
    for (const { name, step } of definitionSteps) {
      const type = typeof step.type === "string" ? step.type : "";
      const connectorCall = CONNECTOR_CALL.test(type) || type === "Request";
      const connector = connectorCall ? connectorOfAction(step) : undefined;
      if (connector) {
        expect(operationOfAction(step), `${file.name}: ${name}`).toBeDefined();
        expect(operationOfAction(step)?.connectorId).toBe(connector.id);
      }
    }
  });

  it("recognises the connector calls the corpus makes to declared connectors", () => {
    const seen = new Set<string>();
    for (const file of powerAutomate) {
      for (const { step } of steps(JSON.parse(file.text) as JsonValue)) {
        const op = operationOfAction(step);
        if (op && !op.connectorId.startsWith("builtin_")) seen.add(`${op.connectorId}/${op.operationId}`);
      }
    }
    expect([...seen].sort()).toEqual([
      "shared_approvals/StartAndWaitForAnApproval",
      "shared_flowpush/SendEmailNotification",
      "shared_office365/DeleteEmail_V2",
      "shared_office365/OnFlaggedEmailV3",
      "shared_office365/SendEmailV2",
      "shared_teams/PostCardToConversation",
    ]);
  });

  it("recognises every built-in of the corpus the catalog declares", () => {
    const declared = new Set([
      "if",
      "switch",
      "foreach",
      "until",
      "scope",
      "terminate",
      "wait",
      "compose",
      "parsejson",
      "select",
      "query",
      "join",
      "table",
      "initializevariable",
      "setvariable",
      "incrementvariable",
      "decrementvariable",
      "appendtostringvariable",
      "appendtoarrayvariable",
      "recurrence",
      "response",
    ]);
    for (const file of corpusFiles()) {
      for (const { name, step } of steps(JSON.parse(file.text) as JsonValue)) {
        const type = typeof step.type === "string" ? step.type.toLowerCase() : "";
        if (declared.has(type)) expect(operationOfAction(step), `${file.name}: ${name}`).toBeDefined();
      }
    }
  });
});

describe("operationOfAction", () => {
  it("tells Delay from Delay until, and CSV from HTML tables", () => {
    expect(
      operationOfAction({ type: "Wait", inputs: { interval: { count: 10, unit: "Second" } } })?.displayName,
    ).toBe("Delay");
    expect(
      operationOfAction({ type: "Wait", inputs: { until: { timestamp: "2025-01-01T00:00:00Z" } } })
        ?.displayName,
    ).toBe("Delay until");
    expect(operationOfAction({ type: "Table", inputs: { from: "@x", format: "csv" } })?.displayName).toBe(
      "Create CSV table",
    );
    expect(operationOfAction({ type: "Table", inputs: { from: "@x", format: "HTML" } })?.displayName).toBe(
      "Create HTML table",
    );
  });

  it("reads types and kinds in any letter case", () => {
    expect(operationOfAction({ type: "compose", inputs: 1 })?.operationId).toBe("Compose");
    expect(
      operationOfAction({ type: "Response", kind: "http", inputs: { statusCode: 200 } })?.operationId,
    ).toBe("Response");
    expect(operationOfAction({ type: "request", kind: "button", inputs: {} })?.operationId).toBe("Button");
    expect(operationOfAction({ type: "Request", kind: "Http", inputs: {} })?.operationId).toBe("Request");
  });

  it("recognises connector calls by connection name when the apiId is missing", () => {
    const step = {
      type: "OpenApiConnection",
      inputs: { host: { connection: "shared_excelonlinebusiness", operationId: "AddRowV2" }, parameters: {} },
    };
    expect(operationOfAction(step)).toBe(findOperation("shared_excelonlinebusiness", "AddRowV2"));
  });

  it("recognises legacy ApiConnection calls by their route", () => {
    const legacy = {
      type: "ApiConnection",
      inputs: {
        host: {
          connection: { name: "@parameters('$connections')['shared_dynamicssmbsaas_1']['connectionId']" },
        },
        method: "patch",
        path: "/v3/bcenvironments/@{encodeURIComponent(encodeURIComponent('PRODUCTION'))}/companies/@{encodeURIComponent('a/b')}/datasets/v2.0/tables/salesInvoices/items/@{encodeURIComponent(triggerBody()?['id'])}",
        body: { status: "Released" },
      },
    };
    expect(operationOfAction(legacy)).toBe(findOperation("shared_dynamicssmbsaas", "PatchItemV3"));
    expect(operationOfAction({ ...legacy, inputs: { ...legacy.inputs, method: "get" } })).toBe(
      findOperation("shared_dynamicssmbsaas", "GetItemV3"),
    );
    const first = {
      ...legacy,
      inputs: {
        ...legacy.inputs,
        method: "post",
        path: "/v3/bcenvironments/P/companies/C/datasets/v2.0/tables/items/items/first",
      },
    };
    expect(operationOfAction(first)).toBe(findOperation("shared_dynamicssmbsaas", "GetFirstItemV3"));
  });

  it("recognises Business Central's instant trigger", () => {
    const trigger = {
      type: "Request",
      kind: "ApiConnection",
      inputs: {
        schema: { type: "object", properties: {} },
        host: {
          connection: { name: "@parameters('$connections')['shared_dynamicssmbsaas']['connectionId']" },
        },
        operationId: "ForASelectedRecordV3",
        parameters: { page: "page21" },
      },
    };
    expect(operationOfAction(trigger)?.displayName).toBe("For a selected record (V3)");
  });

  it("returns undefined for what the catalog lacks", () => {
    expect(
      operationOfAction({ type: "Http", inputs: { method: "GET", uri: "https://example.com" } }),
    ).toBeUndefined();
    expect(
      operationOfAction({
        type: "OpenApiConnection",
        inputs: {
          host: {
            apiId: "/providers/Microsoft.PowerApps/apis/shared_sharepointonline",
            operationId: "GetItems",
          },
        },
      }),
    ).toBeUndefined();
    expect(
      operationOfAction({
        type: "OpenApiConnection",
        inputs: {
          host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_office365", operationId: "Nope" },
        },
      }),
    ).toBeUndefined();
    expect(operationOfAction({ type: "Request", kind: "PowerAppV2", inputs: {} })).toBeUndefined();
    expect(
      operationOfAction({ type: "Request", kind: "ApiConnection", inputs: { operationId: "X" } }),
    ).toBeUndefined();
    expect(operationOfAction("Compose")).toBeUndefined();
    expect(operationOfAction({})).toBeUndefined();
  });
});
