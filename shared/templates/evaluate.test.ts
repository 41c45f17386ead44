// Every expression of every template evaluates with shared/expr against outputs shaped like the
// sandbox's (records with every catalog field, a completed approval, a Run flow form), and gives
// what a person would read.
import { describe, expect, it } from "vitest";
import { BC_TABLES, getAt } from "../connectors";
import { type EvaluationContext, evaluateCondition, evaluateValue } from "../expr";
import { allActions } from "../flow";
import type { JsonObject, JsonValue } from "../json";
import { findTemplate, TEMPLATES, type Template } from "./index";

/** One record holding every field of every table, each with a value of its type. */
function sampleRecord(): JsonObject {
  const record: JsonObject = {};
  for (const table of BC_TABLES) {
    for (const field of table.fields) {
      switch (field.type) {
        case "number":
          record[field.name] = 12345.5;
          break;
        case "integer":
          record[field.name] = 10000;
          break;
        case "boolean":
          record[field.name] = false;
          break;
        case "date":
          record[field.name] = "2026-01-05";
          break;
        case "date-time":
          record[field.name] = "2026-01-05T09:30:00Z";
          break;
        case "email":
          record[field.name] = "contact@alder-interiors.example";
          break;
        default:
          record[field.name] = `<${field.name}>`;
      }
    }
  }
  return { ...record, posted: true, currencyCode: "EUR" };
}

const RECORD = sampleRecord();

const TRIGGER_BODY: JsonObject = {
  ...RECORD,
  "Row Id": "row-guid",
  "Workflow Step Id": "request-guid",
  "Requested By User Email": "marcus.bell@cronus-demo.example",
  SystemId: "vendor-guid",
  WebClientUrl: "https://businesscentral.example/vendor",
  text: "Bank details under review",
  boolean: true,
};

function context(): EvaluationContext {
  return {
    trigger: () => ({
      outputs: {
        headers: { "x-ms-user-name": "Marcus Bell", "x-ms-user-email": "marcus.bell@cronus-demo.example" },
        body: TRIGGER_BODY,
      },
    }),
    actionResult: (name): JsonObject => {
      if (name === "Select_the_columns") return { outputs: { body: [{ "No.": "C10000" }] } };
      if (name === "Create_HTML_table")
        return { outputs: { body: "<table><tr><td>C10000</td></tr></table>" } };
      const body: JsonObject = {
        ...RECORD,
        value: [RECORD, RECORD],
        outcome: "Reject",
        responses: [{ approverName: "Alicia Thornton", comments: "Price too high" }],
      };
      return { outputs: { statusCode: 200, body } };
    },
    item: () => RECORD,
    parameters: (name) => (name === "$authentication" || name === "$connections" ? {} : undefined),
    now: () => Date.parse("2026-01-05T13:00:00Z"),
  };
}

/** The inputs of every action of the template, evaluated. */
function evaluatedInputs(template: Template): Map<string, JsonValue> {
  const ctx = context();
  const results = new Map<string, JsonValue>();
  for (const { name, action } of allActions(template.definition)) {
    const object = action as JsonObject;
    if (object.inputs !== undefined) results.set(name, evaluateValue(object.inputs, ctx));
    if (object.type === "If")
      results.set(`${name}#condition`, evaluateCondition(object.expression ?? true, ctx));
  }
  return results;
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  it("evaluates every expression of its steps and trigger conditions", () => {
    const values = evaluatedInputs(template);
    for (const value of values.values()) expect(JSON.stringify(value)).not.toContain("@{");
    const [trigger] = Object.values(template.definition.triggers);
    const conditions = getAt(trigger as JsonObject, "conditions");
    if (Array.isArray(conditions)) {
      for (const condition of conditions) {
        expect(evaluateCondition(getAt(condition, "expression") ?? true, context())).toBe(true);
      }
    }
  });
});

describe("what people read", () => {
  it("an approval's title, details and rejection email", () => {
    const values = evaluatedInputs(findTemplate("approve-purchase-invoice") as Template);
    const approval = values.get("Start_and_wait_for_an_approval");
    const parameters = getAt(approval, "parameters") as JsonObject;
    expect(parameters["WebhookApprovalCreationInput/title"]).toBe(
      "Purchase invoice <number> - <vendorName> (12,345.50)",
    );
    expect(parameters["WebhookApprovalCreationInput/details"]).toContain("- Amount incl. tax: 12,345.50 EUR");
    expect(parameters["WebhookApprovalCreationInput/details"]).toMatch(
      /^marcus\.bell@cronus-demo\.example asks you to approve purchase invoice \*\*<number>\*\*\./,
    );
    expect(values.get("Condition#condition")).toBe(false);
    const email = getAt(values.get("Email_the_requester"), "parameters") as JsonObject;
    expect(email["emailMessage/To"]).toBe("marcus.bell@cronus-demo.example");
    expect(email["emailMessage/Subject"]).toBe("Purchase invoice <number> was not approved");
    expect(email["emailMessage/Body"]).toContain("was rejected by Alicia Thornton.");
    expect(email["emailMessage/Body"]).toContain("Comments: Price too high");
    const reject = getAt(values.get("Reject_the_request"), "parameters") as JsonObject;
    expect(reject["parameters/id"]).toBe("request-guid");
  });

  it("the large sales invoice message, and no run for a small or unposted invoice", () => {
    const template = findTemplate("notify-large-sales-invoice") as Template;
    const post = getAt(
      evaluatedInputs(template).get("Post_message_in_a_chat_or_channel"),
      "parameters",
    ) as JsonObject;
    expect(post["body/messageBody"]).toContain("was posted: <strong>12,345.50 EUR</strong>");
    const [trigger] = Object.values(template.definition.triggers);
    const conditions = (getAt(trigger as JsonObject, "conditions") as JsonValue[]).map((c) =>
      getAt(c, "expression"),
    );
    const holds = (body: JsonObject) =>
      conditions.every((c) => evaluateCondition(c ?? true, { trigger: () => ({ outputs: { body } }) }));
    expect(holds({ posted: true, totalAmountIncludingTax: 10000.01 })).toBe(true);
    expect(holds({ posted: true, totalAmountIncludingTax: 10000 })).toBe(false);
    expect(holds({ posted: false, totalAmountIncludingTax: 50000 })).toBe(false);
  });

  it("the overdue customers' table columns and the mail's subject", () => {
    const values = evaluatedInputs(findTemplate("weekly-overdue-customers") as Template);
    const select = values.get("Select_the_columns") as JsonObject;
    expect(getAt(select, "select/Balance due")).toBe("12,345.50");
    expect(getAt(select, "select/Customer")).toBe("<displayName>");
    const mail = getAt(values.get("Send_an_email_(V2)"), "parameters") as JsonObject;
    expect(mail["emailMessage/Subject"]).toBe("Overdue customers - January 5, 2026");
    expect(mail["emailMessage/Body"]).toContain(
      "Customers with a balance past due this week: 2, largest first.",
    );
    expect(mail["emailMessage/Body"]).toContain("<table>");
  });

  it("the vendor's and the buyers' emails", () => {
    const values = evaluatedInputs(findTemplate("block-vendor-payments") as Template);
    const update = getAt(values.get("Block_payments"), "parameters") as JsonObject;
    expect(update.id).toBe("vendor-guid");
    expect(update["item/blocked"]).toBe("Payment");
    const vendor = getAt(values.get("Email_the_vendor"), "parameters") as JsonObject;
    expect(vendor["emailMessage/To"]).toBe("contact@alder-interiors.example");
    expect(vendor["emailMessage/Body"]).toContain("Reason: Bank details under review");
    expect(values.get("If_buyers_are_to_be_notified#condition")).toBe(true);
    const buyers = getAt(values.get("Email_the_buyers"), "parameters") as JsonObject;
    expect(buyers["emailMessage/Body"]).toContain("Marcus Bell blocked payments to vendor");
  });
});
