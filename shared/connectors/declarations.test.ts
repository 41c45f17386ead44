// Every declaration is well formed: unique identities, names, valid inputs and outputs.
import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json";
import { allOperations, CONNECTORS, connectorOf } from "./catalog";
import type { InputDeclaration, OperationDeclaration, ValueType } from "./types";
import { PALETTE_ORDER } from "./types";

const CONNECTOR_TYPES = ["OpenApiConnection", "OpenApiConnectionWebhook", "OpenApiConnectionNotification"];

function fitsType(value: JsonValue, type: ValueType): boolean {
  switch (type) {
    case "string":
    case "email":
    case "html":
    case "date":
    case "date-time":
      return typeof value === "string";
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "any":
      return true;
  }
}

function checkInputs(op: OperationDeclaration, inputs: readonly InputDeclaration[], where: string): void {
  const names = inputs.map((input) => input.name);
  expect(new Set(names).size, `${where}: duplicate input names`).toBe(names.length);
  for (const input of inputs) {
    const label = `${where} ${input.name}`;
    expect(input.name, label).not.toBe("");
    expect(input.title.trim(), label).not.toBe("");
    expect(input.help.trim(), label).not.toBe("");
    expect(typeof input.required, label).toBe("boolean");
    expect(typeof input.advanced, label).toBe("boolean");
    const allowed = input.enum?.map((option) => option.value);
    if (allowed) {
      expect(allowed.length, label).toBeGreaterThan(0);
      expect(new Set(allowed).size, `${label}: duplicate enum values`).toBe(allowed.length);
      for (const option of input.enum ?? []) expect(option.title, label).not.toBe("");
    }
    if (input.default !== undefined) {
      expect(fitsType(input.default, input.type), `${label}: default does not fit ${input.type}`).toBe(true);
      if (allowed && !input.allowCustom) {
        const values = Array.isArray(input.default) ? input.default : [input.default];
        for (const value of values) expect(allowed, `${label}: default outside its enum`).toContain(value);
      }
    }
    if (input.items) expect(input.type, label).toBe("array");
    if (input.fields) {
      expect(["array", "object"], label).toContain(input.type);
      checkInputs(op, input.fields, label);
    }
    if (input.minimum !== undefined && input.maximum !== undefined) {
      expect(input.minimum, label).toBeLessThanOrEqual(input.maximum);
    }
    if (input.visibleWhen) {
      const controller = op.inputs.find((candidate) => candidate.name === input.visibleWhen?.input);
      expect(controller, `${label}: visibleWhen names an unknown input`).toBeDefined();
      const values = "in" in input.visibleWhen ? input.visibleWhen.in : input.visibleWhen.notIn;
      const controllerValues = controller?.enum?.map((option) => option.value);
      if (controllerValues) for (const value of values) expect(controllerValues, label).toContain(value);
    }
    if (input.at === "action") expect(op.inputLocation, label).toBe("parameters");
  }
}

describe("connector declarations", () => {
  it("have unique ids, their API id, a palette group, a colour and an icon", () => {
    const ids = CONNECTORS.map((connector) => connector.id.toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    for (const connector of CONNECTORS) {
      expect(PALETTE_ORDER).toContain(connector.group);
      expect(connector.color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(connector.icon).toMatch(/^[a-z0-9-]+$/);
      expect(connector.displayName.trim()).not.toBe("");
      expect(connector.operations.length).toBeGreaterThan(0);
      if (connector.builtIn) {
        expect(connector.apiId).toBe("");
        expect(connector.id).toMatch(/^builtin_/);
      } else {
        expect(connector.id).toMatch(/^shared_/);
        expect(connector.apiId).toBe(`/providers/Microsoft.PowerApps/apis/${connector.id}`);
      }
    }
  });

  it("are listed in palette order", () => {
    const groups = CONNECTORS.map((connector) => PALETTE_ORDER.indexOf(connector.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
  });
});

describe("operation declarations", () => {
  const operations = allOperations();

  it("have a unique identity within the catalog", () => {
    const keys = operations.map((op) => `${op.connectorId.toLowerCase()}/${op.operationId.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(operations.map((op) => [`${op.connectorId}/${op.operationId}`, op] as const))(
    "%s is well formed",
    (_, op) => {
      const connector = connectorOf(op);
      expect(connector.operations).toContain(op);
      expect(op.operationId).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(op.displayName.trim()).not.toBe("");
      expect(op.description.trim()).not.toBe("");
      if (op.kind === "trigger") expect(op.flowKind).toBeDefined();
      else expect(op.flowKind).toBeUndefined();
      if (connector.builtIn) {
        expect(CONNECTOR_TYPES).not.toContain(op.wdlType);
        expect(op.inputLocation).toBe("action");
        expect(op.template?.type).toBe(op.wdlType);
      } else {
        expect(op.inputLocation).toBe("parameters");
        if (op.wdlType === "Request") expect(op.wdlKind).toBe("ApiConnection");
        else expect(CONNECTOR_TYPES).toContain(op.wdlType);
      }
      if (op.waitsForPerson) expect(op.wdlType).toBe("OpenApiConnectionWebhook");
      checkInputs(op, op.inputs, `${op.connectorId}/${op.operationId}`);

      const paths = op.outputs.map((output) => output.path);
      expect(new Set(paths).size).toBe(paths.length);
      for (const output of op.outputs) {
        expect(output.title.trim()).not.toBe("");
        expect(output.description.trim()).not.toBe("");
        if (output.itemOf !== undefined) {
          expect(output.path.startsWith(`${output.itemOf}/`)).toBe(true);
          expect(op.outputs.find((candidate) => candidate.path === output.itemOf)?.type).toBe("array");
        }
      }
    },
  );

  it("include at least the operations Flowsmith promises", () => {
    const has = (connectorId: string, operationId: string) =>
      operations.some((op) => op.connectorId === connectorId && op.operationId === operationId);
    const bc = [
      "CreateOnNewItemsSubscriptionV3",
      "CreateOnUpdatedItemsSubscriptionV3",
      "CreateOnDeletedItemsSubscriptionV3",
      "CreateOnChangedItemsSubscriptionV3",
      "CreateCustomerApprovalWebHookV3",
      "CreateVendorApprovalWebHookV3",
      "CreateItemApprovalWebHookV3",
      "CreateGeneralJournalBatchApprovalWebHookV3",
      "CreateGeneralJournalLineApprovalWebHookV3",
      "CreatePurchaseDocumentApprovalWebHookV3",
      "CreateSalesDocumentApprovalWebHookV3",
      "ForASelectedRecordV3",
      "GetItemV3",
      "GetItemsV3",
      "GetFirstItemV3",
      "PostItemV3",
      "PatchItemV3",
      "DeleteItemV3",
      "ExecuteProcedureV3",
    ];
    for (const id of bc) expect(has("shared_dynamicssmbsaas", id), id).toBe(true);
    for (const id of ["StartAndWaitForAnApproval", "CreateAnApproval", "WaitForAnApproval"]) {
      expect(has("shared_approvals", id), id).toBe(true);
    }
    expect(has("shared_office365", "SendEmailV2")).toBe(true);
    for (const id of ["PostMessageToConversation", "PostCardToConversation", "PostCardAndWaitForResponse"]) {
      expect(has("shared_teams", id), id).toBe(true);
    }
    expect(has("shared_excelonlinebusiness", "AddRowV2")).toBe(true);
    expect(has("shared_flowpush", "SendNotification")).toBe(true);
    const builtIns = operations.filter((op) => connectorOf(op).builtIn).map((op) => op.displayName);
    for (const name of [
      "Recurrence",
      "Manually trigger a flow",
      "Condition",
      "Switch",
      "Apply to each",
      "Do until",
      "Scope",
      "Terminate",
      "Delay",
      "Delay until",
      "Compose",
      "Parse JSON",
      "Select",
      "Filter array",
      "Join",
      "Create HTML table",
      "Initialize variable",
      "Set variable",
      "Increment variable",
      "Decrement variable",
      "Append to string variable",
      "Append to array variable",
    ]) {
      expect(builtIns, name).toContain(name);
    }
  });

  it("mark the steps that wait for a person", () => {
    const waiting = operations.filter((op) => op.waitsForPerson).map((op) => op.operationId);
    expect(waiting.sort()).toEqual([
      "PostCardAndWaitForResponse",
      "StartAndWaitForAnApproval",
      "WaitForAnApproval",
    ]);
  });

  it("offer the four approval types with custom responses only for custom types", () => {
    const op = operations.find((candidate) => candidate.operationId === "StartAndWaitForAnApproval");
    const type = op?.inputs.find((input) => input.name === "approvalType");
    expect(type?.enum?.map((option) => option.value)).toEqual([
      "Basic",
      "BasicAwaitAll",
      "CustomResponse",
      "CustomResponseAwaitAll",
    ]);
    const options = op?.inputs.find((input) => input.name === "WebhookApprovalCreationInput/responseOptions");
    expect(options?.visibleWhen).toEqual({
      input: "approvalType",
      in: ["CustomResponse", "CustomResponseAwaitAll"],
    });
  });
});
