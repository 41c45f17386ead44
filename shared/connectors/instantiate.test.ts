// New steps come out as Power Automate writes them and map back to their declaration.
import { describe, expect, it } from "vitest";
import { allOperations, findOperation } from "./catalog";
import { defaultActionName, inputsOf, inputValue, instantiate, newStep, withInputValue } from "./instantiate";
import { operationOfAction } from "./recognize";
import type { OperationDeclaration } from "./types";

function op(connectorId: string, operationId: string): OperationDeclaration {
  const found = findOperation(connectorId, operationId);
  if (!found) throw new Error(`missing ${connectorId}/${operationId}`);
  return found;
}

describe("instantiate", () => {
  it.each(allOperations().map((o) => [`${o.connectorId}/${o.operationId}`, o] as const))(
    "%s maps back to its declaration, with its defaults",
    (_, operation) => {
      const step = instantiate(operation);
      expect(operationOfAction(step)).toBe(operation);
      expect(JSON.parse(JSON.stringify(step))).toEqual(step);
      expect("runAfter" in step).toBe(operation.kind === "action");
      for (const input of operation.inputs) {
        if (input.default !== undefined)
          expect(inputValue(step, operation, input), input.name).toEqual(input.default);
      }
    },
  );

  it("writes connector calls with host, parameters and authentication", () => {
    expect(instantiate(op("shared_office365", "SendEmailV2"))).toEqual({
      type: "OpenApiConnection",
      inputs: {
        host: {
          apiId: "/providers/Microsoft.PowerApps/apis/shared_office365",
          connectionName: "shared_office365",
          operationId: "SendEmailV2",
        },
        parameters: { "emailMessage/Importance": "Normal" },
        authentication: "@parameters('$authentication')",
      },
      runAfter: {},
    });
    const approval = instantiate(op("shared_approvals", "StartAndWaitForAnApproval"));
    expect(approval.type).toBe("OpenApiConnectionWebhook");
    expect(approval.inputs).toMatchObject({
      parameters: {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/enableNotifications": true,
        "WebhookApprovalCreationInput/enableReassignment": true,
      },
    });
  });

  it("takes starting values, which win over defaults", () => {
    const step = instantiate(op("shared_approvals", "StartAndWaitForAnApproval"), {
      values: { approvalType: "CustomResponse", "WebhookApprovalCreationInput/title": "Invoice" },
    });
    expect(step.inputs).toMatchObject({
      parameters: { approvalType: "CustomResponse", "WebhookApprovalCreationInput/title": "Invoice" },
    });
  });

  it("writes built-ins in their usual shape", () => {
    expect(instantiate(op("builtin_control", "If"))).toEqual({
      type: "If",
      expression: { and: [{ equals: ["", ""] }] },
      actions: {},
      else: { actions: {} },
      runAfter: {},
    });
    expect(instantiate(op("builtin_control", "Switch"))).toEqual({
      type: "Switch",
      expression: "",
      cases: { Case: { case: "", actions: {} } },
      default: { actions: {} },
      runAfter: {},
    });
    expect(instantiate(op("builtin_control", "Delay"))).toEqual({
      type: "Wait",
      inputs: { interval: { count: 1, unit: "Minute" } },
      runAfter: {},
    });
    expect(instantiate(op("builtin_variables", "InitializeVariable"))).toEqual({
      type: "InitializeVariable",
      inputs: { variables: [{ name: "", type: "string" }] },
      runAfter: {},
    });
    expect(instantiate(op("builtin_schedule", "Recurrence"))).toEqual({
      type: "Recurrence",
      recurrence: { frequency: "Day", interval: 1 },
    });
    expect(instantiate(op("builtin_manual", "Button"))).toEqual({
      type: "Request",
      kind: "Button",
      inputs: { schema: { type: "object", properties: {}, required: [] } },
    });
  });

  it("writes Business Central's instant trigger in the hybrid Request form", () => {
    expect(instantiate(op("shared_dynamicssmbsaas", "ForASelectedRecordV3"))).toEqual({
      type: "Request",
      kind: "ApiConnection",
      inputs: {
        host: {
          connection: { name: "@parameters('$connections')['shared_dynamicssmbsaas']['connectionId']" },
        },
        operationId: "ForASelectedRecordV3",
        parameters: {},
        schema: { type: "object", properties: {}, required: [] },
      },
    });
  });

  it("gives mail triggers one run per email", () => {
    expect(instantiate(op("shared_office365", "OnNewEmailV3")).splitOn).toBe(
      "@triggerOutputs()?['body/value']",
    );
  });

  it("returns a new object every time", () => {
    const operation = op("builtin_control", "If");
    expect(instantiate(operation)).not.toBe(instantiate(operation));
    const first = instantiate(operation);
    (first.else as { actions: Record<string, unknown> }).actions.x = 1;
    expect(instantiate(operation).else).toEqual({ actions: {} });
  });
});

describe("defaultActionName", () => {
  it("turns spaces into underscores and keeps parentheses", () => {
    expect(defaultActionName(op("shared_office365", "SendEmailV2"))).toBe("Send_an_email_(V2)");
    expect(defaultActionName(op("shared_approvals", "StartAndWaitForAnApproval"))).toBe(
      "Start_and_wait_for_an_approval",
    );
    expect(defaultActionName(op("builtin_control", "Foreach"))).toBe("Apply_to_each");
    expect(defaultActionName(op("builtin_dataoperations", "ParseJson"))).toBe("Parse_JSON");
  });

  it("names manual triggers 'manual'", () => {
    expect(defaultActionName(op("builtin_manual", "Button"))).toBe("manual");
    expect(defaultActionName(op("shared_dynamicssmbsaas", "ForASelectedRecordV3"))).toBe("manual");
  });

  it("adds _2, _3 when the name is taken, ignoring case", () => {
    const terminate = op("builtin_control", "Terminate");
    expect(defaultActionName(terminate, ["terminate"])).toBe("Terminate_2");
    expect(defaultActionName(terminate, ["Terminate", "Terminate_2"])).toBe("Terminate_3");
  });

  it("comes with the step in newStep", () => {
    const step = newStep(op("builtin_dataoperations", "Compose"), ["Compose"]);
    expect(step).toEqual({ name: "Compose_2", definition: { type: "Compose", inputs: "", runAfter: {} } });
  });
});

describe("inputValue and withInputValue", () => {
  const email = op("shared_office365", "SendEmailV2");
  const to = email.inputs.find((input) => input.name === "emailMessage/To");

  it("read and write slash-named parameters as keys", () => {
    if (!to) throw new Error("no To input");
    const step = withInputValue(instantiate(email), email, to, "a@contoso.com");
    expect(step.inputs).toMatchObject({ parameters: { "emailMessage/To": "a@contoso.com" } });
    expect(inputValue(step, email, to)).toBe("a@contoso.com");
    const cleared = withInputValue(step, email, to, undefined);
    expect(inputValue(cleared, email, to)).toBeUndefined();
    expect(inputValue(step, email, to)).toBe("a@contoso.com");
  });

  it("read parameters an export wrote nested", () => {
    const add = op("shared_excelonlinebusiness", "AddRowV2");
    const item = add.inputs.find((input) => input.name === "item");
    if (!item) throw new Error("no item input");
    const step = withInputValue(instantiate(add), add, item, { Amount: 5 });
    expect(inputValue(step, add, { ...item, name: "item/Amount" })).toBe(5);
  });

  it("read and write built-in inputs by path", () => {
    const delay = op("builtin_control", "Delay");
    const unit = delay.inputs.find((input) => input.name === "inputs/interval/unit");
    if (!unit) throw new Error("no unit input");
    const step = withInputValue(instantiate(delay), delay, unit, "Hour");
    expect(step.inputs).toEqual({ interval: { count: 1, unit: "Hour" } });
  });
});

describe("inputsOf", () => {
  it("expands a record into the table's writable fields", () => {
    const update = op("shared_dynamicssmbsaas", "PatchItemV3");
    const step = instantiate(update, { values: { table: "purchaseInvoices" } });
    const names = inputsOf(update, step).map((input) => input.name);
    expect(names).toContain("item/status");
    expect(names).toContain("item/vendorNumber");
    expect(names).not.toContain("item/id");
    expect(names).not.toContain("item");
    const status = inputsOf(update, step).find((input) => input.name === "item/status");
    expect(status?.enum?.map((option) => option.value)).toContain("Released");
  });

  it("keeps the record object while the table is unknown", () => {
    const create = op("shared_dynamicssmbsaas", "PostItemV3");
    expect(inputsOf(create, instantiate(create)).map((input) => input.name)).toContain("item");
    expect(inputsOf(create).map((input) => input.name)).toContain("item");
  });
});
