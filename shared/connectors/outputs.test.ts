// Dynamic content: declared and input-dependent outputs, and the expressions that read them.
import { describe, expect, it } from "vitest";
import { findOperation } from "./catalog";
import { instantiate } from "./instantiate";
import { outputExpression, outputsOf } from "./outputs";
import { addRunFlowInput } from "./runflowform";
import type { OperationDeclaration, OutputDeclaration } from "./types";

function op(connectorId: string, operationId: string): OperationDeclaration {
  const found = findOperation(connectorId, operationId);
  if (!found) throw new Error(`missing ${connectorId}/${operationId}`);
  return found;
}

function out(outputs: readonly OutputDeclaration[], path: string): OutputDeclaration {
  const found = outputs.find((output) => output.path === path);
  if (!found) throw new Error(`no output ${path}`);
  return found;
}

describe("outputsOf", () => {
  it("offers the approval's outcome and each response's fields", () => {
    const outputs = outputsOf(op("shared_approvals", "StartAndWaitForAnApproval"));
    expect(out(outputs, "body/outcome").type).toBe("string");
    expect(out(outputs, "body/responses").type).toBe("array");
    expect(out(outputs, "body/responses/approverEmail").itemOf).toBe("body/responses");
    expect(out(outputs, "body/responses/comments").itemOf).toBe("body/responses");
    expect(out(outputs, "body/completionDate").type).toBe("date-time");
  });

  it("offers the fields of the table a Business Central step works on", () => {
    const get = op("shared_dynamicssmbsaas", "GetItemV3");
    expect(outputsOf(get, instantiate(get))).toEqual([]);
    const invoice = outputsOf(get, instantiate(get, { values: { table: "salesInvoices" } }));
    expect(out(invoice, "body/totalAmountIncludingTax").type).toBe("number");
    expect(out(invoice, "body/customerName").title).toBe("Customer name");

    const find = op("shared_dynamicssmbsaas", "GetItemsV3");
    const customers = outputsOf(find, instantiate(find, { values: { table: "customers" } }));
    expect(out(customers, "body/value").type).toBe("array");
    expect(out(customers, "body/value/balanceDue").itemOf).toBe("body/value");

    const getEmails = op("shared_office365", "GetEmailsV3");
    const emails = outputsOf(getEmails, instantiate(getEmails));
    expect(out(emails, "body/value").type).toBe("array");
    expect(out(emails, "body/value/subject")).toMatchObject({ title: "Subject", itemOf: "body/value" });

    const created = op("shared_dynamicssmbsaas", "CreateOnNewItemsSubscriptionV3");
    const vendors = outputsOf(created, instantiate(created, { values: { table: "vendors" } }));
    expect(vendors.filter((output) => output.path === "body/id")).toHaveLength(1);
    expect(out(vendors, "body/displayName").type).toBe("string");
  });

  it("offers the Run flow form's inputs", () => {
    const button = op("builtin_manual", "Button");
    const { schema } = addRunFlowInput(undefined, "email", { title: "Buyer" });
    const step = instantiate(button, { values: { "inputs/schema": schema } });
    expect(out(outputsOf(button, step), "body/email").title).toBe("Buyer");
    expect(out(outputsOf(button, step), "headers/x-ms-user-email").type).toBe("email");
  });

  it("offers what a Parse JSON schema describes", () => {
    const parse = op("builtin_dataoperations", "ParseJson");
    const step = instantiate(parse, {
      values: {
        "inputs/schema": {
          type: "object",
          properties: {
            total: { type: "number" },
            customer: { type: "object", properties: { name: { type: "string" } } },
            lines: { type: "array", items: { type: "object", properties: { qty: { type: "integer" } } } },
          },
        },
      },
    });
    const outputs = outputsOf(parse, step);
    expect(out(outputs, "body/total").type).toBe("number");
    expect(out(outputs, "body/customer/name").type).toBe("string");
    expect(out(outputs, "body/lines/qty")).toMatchObject({ type: "integer", itemOf: "body/lines" });
  });

  it("offers the inputs of an adaptive card that waits for a response", () => {
    const card = op("shared_teams", "PostCardAndWaitForResponse");
    const step = instantiate(card, {
      values: {
        "body/body/messageBody": JSON.stringify({
          type: "AdaptiveCard",
          body: [
            { type: "Input.Text", id: "reason" },
            { type: "Container", items: [{ type: "Input.ChoiceSet", id: "decision", choices: [] }] },
          ],
        }),
      },
    });
    const outputs = outputsOf(card, step);
    expect(outputs.map((output) => output.path)).toEqual(
      expect.arrayContaining(["body/data/reason", "body/data/decision"]),
    );
    expect(outputsOf(card, instantiate(card, { values: { "body/body/messageBody": "{not json" } }))).toEqual(
      outputsOf(card),
    );
  });
});

describe("outputExpression", () => {
  const approval = op("shared_approvals", "StartAndWaitForAnApproval");
  const outputs = outputsOf(approval);
  const step = { name: "Start_and_wait_for_an_approval", operation: approval, isTrigger: false };

  it("reads connector outputs through alias paths", () => {
    expect(outputExpression(step, out(outputs, "body/outcome"))).toBe(
      "outputs('Start_and_wait_for_an_approval')?['body/outcome']",
    );
  });

  it("reads an array item's field through items() inside a loop", () => {
    expect(outputExpression(step, out(outputs, "body/responses/approverEmail"), "Apply_to_each")).toBe(
      "items('Apply_to_each')?['approverEmail']",
    );
    expect(
      outputExpression(step, out(outputs, "body/responses/responder/displayName"), "Apply_to_each"),
    ).toBe("items('Apply_to_each')?['responder/displayName']");
  });

  it("reads trigger outputs", () => {
    const trigger = op("shared_dynamicssmbsaas", "CreatePurchaseDocumentApprovalWebHookV3");
    expect(
      outputExpression(
        { name: "When_a_purchase_document_approval_is_requested", operation: trigger, isTrigger: true },
        out(outputsOf(trigger), "body/Row Id"),
      ),
    ).toBe("triggerOutputs()?['body/Row Id']");
    const button = op("builtin_manual", "Button");
    const manual = { name: "manual", operation: button, isTrigger: true };
    expect(
      outputExpression(manual, { path: "body/text", title: "Input", type: "string", description: "" }),
    ).toBe("triggerBody()?['text']");
    expect(outputExpression(manual, out(outputsOf(button), "headers/x-ms-user-email"))).toBe(
      "triggerOutputs()?['headers']?['x-ms-user-email']",
    );
  });

  it("reads built-in outputs the way Power Automate writes them", () => {
    const compose = op("builtin_dataoperations", "Compose");
    expect(
      outputExpression(
        { name: "Compose", operation: compose, isTrigger: false },
        out(outputsOf(compose), ""),
      ),
    ).toBe("outputs('Compose')");
    const parse = op("builtin_dataoperations", "ParseJson");
    const parseStep = { name: "Parse_JSON", operation: parse, isTrigger: false };
    expect(
      outputExpression(parseStep, { path: "body/customer/name", title: "", type: "string", description: "" }),
    ).toBe("body('Parse_JSON')?['customer']?['name']");
    expect(
      outputExpression(
        parseStep,
        { path: "body/lines/qty", title: "", type: "integer", description: "", itemOf: "body/lines" },
        "Apply_to_each",
      ),
    ).toBe("items('Apply_to_each')?['qty']");
  });

  it("doubles single quotes in names", () => {
    const compose = op("builtin_dataoperations", "Compose");
    expect(
      outputExpression(
        { name: "Compose_'total'", operation: compose, isTrigger: false },
        out(outputsOf(compose), ""),
      ),
    ).toBe("outputs('Compose_''total''')");
  });
});
