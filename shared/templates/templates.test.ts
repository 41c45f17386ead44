import { describe, expect, it } from "vitest";
import type { DefinitionPayload } from "../api/flows";
import { checkFlow, type Finding } from "../checker";
import {
  bcTable,
  flowKindOf as catalogFlowKind,
  getAt,
  inputValue,
  operationOfAction,
  runFlowFields,
} from "../connectors";
import { allActions, flowKindOf, parseDefinition, readFlowValue, type WdlTrigger } from "../flow";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import {
  APPROVE_REQUEST_PROCEDURE,
  DOCUMENT_TYPES,
  findTemplate,
  REJECT_REQUEST_PROCEDURE,
  TEMPLATE_CATEGORIES,
  TEMPLATES,
  type Template,
  templateDefinition,
  templatesForPage,
  templatesIn,
} from "./index";

const describeFindings = (findings: readonly Finding[]): string =>
  findings
    .map((f) => `  ${f.severity} ${f.rule} at ${f.step ?? f.nodeId} ${f.field ?? ""}: ${f.message}`)
    .join("\n");

function onlyTrigger(template: Template): [string, WdlTrigger] {
  const entries = Object.entries(template.definition.triggers);
  expect(entries).toHaveLength(1);
  return entries[0] as [string, WdlTrigger];
}

/** Every step of the definition: the trigger and each action, nested ones included. */
function steps(template: Template): { name: string; object: JsonObject }[] {
  const [name, trigger] = onlyTrigger(template);
  return [
    { name, object: trigger as JsonObject },
    ...allActions(template.definition).map((a) => ({ name: a.name, object: a.action as JsonObject })),
  ];
}

function parameter(step: JsonObject, name: string): JsonValue | undefined {
  const operation = operationOfAction(step);
  const input = operation?.inputs.find((i) => i.name === name);
  return operation && input ? inputValue(step, operation, input) : undefined;
}

function stepsOf(template: Template, operationId: string): { name: string; object: JsonObject }[] {
  return steps(template).filter((s) => operationOfAction(s.object)?.operationId === operationId);
}

const APPROVAL_IDS = [
  "approve-sales-order",
  "approve-sales-quote",
  "approve-sales-invoice",
  "approve-sales-credit-memo",
  "approve-customer",
  "approve-purchase-order",
  "approve-purchase-invoice",
  "approve-purchase-credit-memo",
  "approve-item",
  "approve-vendor",
  "approve-general-journal-batch",
  "approve-general-journal-line",
];

/** The approval templates of Business Central's documents and records (they name their table). */
const bcApprovalTemplates = () => templatesIn("Approvals").filter((t) => t.table !== undefined);

describe("the template list", () => {
  it("has unique, stable slug ids that findTemplate finds", () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const template of TEMPLATES) {
      expect(template.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findTemplate(template.id)).toBe(template);
    }
    expect(findTemplate("no-such-template")).toBeUndefined();
  });

  it("has the twelve Business Central approval templates and the four others", () => {
    expect(bcApprovalTemplates().map((t) => t.id)).toEqual(APPROVAL_IDS);
    expect(templatesIn("Approvals").map((t) => t.id)).toEqual([...APPROVAL_IDS, "approve-emailed-invoices"]);
    expect(findTemplate("approve-emailed-invoices")?.kind).toBe("automated");
    expect(findTemplate("notify-large-sales-invoice")?.kind).toBe("automated");
    expect(findTemplate("weekly-overdue-customers")?.kind).toBe("scheduled");
    expect(findTemplate("block-vendor-payments")?.kind).toBe("instant");
    expect(TEMPLATES).toHaveLength(16);
  });

  it("gives every template a title, one sentence of description and a known category", () => {
    for (const template of TEMPLATES) {
      expect(template.title.trim()).not.toBe("");
      expect(template.description).toMatch(/^[A-Z].*\.$/);
      expect(template.description.split(/\.\s/)).toHaveLength(1);
      expect(TEMPLATE_CATEGORIES).toContain(template.category);
    }
    expect(new Set(TEMPLATES.map((t) => t.title)).size).toBe(TEMPLATES.length);
  });

  it("offers instant templates on their page only", () => {
    expect(templatesForPage("vendors").map((t) => t.id)).toEqual(["block-vendor-payments"]);
    expect(templatesForPage("Vendors")).toHaveLength(1);
    expect(templatesForPage("customers")).toEqual([]);
    for (const template of TEMPLATES) expect(template.page !== undefined).toBe(template.kind === "instant");
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  it("reads as a flow file and parses as a definition", () => {
    const read = readFlowValue(template.definition);
    expect(read.ok, read.ok ? "" : JSON.stringify(read.error)).toBe(true);
    if (read.ok) expect(read.document.envelope.kind).toBe("definition");
    const parsed = parseDefinition(template.definition);
    expect(parsed.ok, parsed.ok ? "" : JSON.stringify(parsed.issues)).toBe(true);
    expect(template.definition.$schema).toContain("workflowdefinition.json");
    expect(template.definition.contentVersion).toBe("1.0.0.0");
    expect(Object.keys(template.definition.parameters ?? {}).sort()).toEqual([
      "$authentication",
      "$connections",
    ]);
  });

  it("passes the checker with no errors and no warnings", () => {
    const result = checkFlow(template.definition, { kind: template.kind });
    expect(result.findings, `findings of ${template.id}:\n${describeFindings(result.findings)}`).toEqual([]);
  });

  it("has a trigger of its kind", () => {
    const [, trigger] = onlyTrigger(template);
    expect(catalogFlowKind(trigger)).toBe(template.kind);
    expect(
      flowKindOf(template.definition, { isInstantTrigger: () => catalogFlowKind(trigger) === "instant" }),
    ).toBe(template.kind);
  });

  it("uses only steps the catalog recognises", () => {
    for (const step of steps(template)) {
      expect(operationOfAction(step.object), `${template.id}: ${step.name}`).toBeDefined();
    }
  });

  it("fills Business Central's environment and company with the demo company's", () => {
    for (const step of steps(template)) {
      if (operationOfAction(step.object)?.connectorId !== "shared_dynamicssmbsaas") continue;
      expect(parameter(step.object, "bcenvironment"), step.name).toBe("PRODUCTION");
      expect(parameter(step.object, "company"), step.name).toBe("CRONUS Demo Ltd.");
    }
  });

  it("is frozen, and templateDefinition gives an equal copy that can be edited", () => {
    expect(Object.isFrozen(template.definition)).toBe(true);
    expect(Object.isFrozen(template.definition.actions)).toBe(true);
    const copy = templateDefinition(template);
    expect(copy).toEqual(template.definition);
    copy.actions = {};
    expect(Object.keys(template.definition.actions).length).toBeGreaterThan(0);
    const payload: DefinitionPayload = copy;
    expect(payload.triggers).toBe(copy.triggers);
  });
});

describe.each(bcApprovalTemplates().map((t) => [t.id, t] as const))(
  "approval template %s",
  (_id, template) => {
    const [triggerName, trigger] = onlyTrigger(template);
    const triggerOperation = operationOfAction(trigger);

    it("starts on the approval trigger of its record's table", () => {
      expect(template.table).toBeDefined();
      expect(triggerOperation?.approvalTables).toContain(template.table);
      expect(triggerName).toBe(triggerOperation?.displayName.replace(/ /g, "_"));
      expect(template.title).toMatch(/^Request approval for Business Central /);
    });

    it("narrows a document trigger to its document type", () => {
      const table = template.table ?? "";
      const documentType = DOCUMENT_TYPES[table];
      const field = parameter(trigger as JsonObject, "subscription/HeaderFirstConditionField");
      const value = parameter(trigger as JsonObject, "subscription/HeaderFirstConditionFieldValue");
      if ((triggerOperation?.approvalTables?.length ?? 0) > 1) {
        expect(documentType).toBeDefined();
        expect(field).toBe("Document Type");
        expect(value).toBe(documentType);
      } else {
        expect(field).toBeUndefined();
        expect(value).toBeUndefined();
      }
    });

    it("gets the record of that table by the trigger's Row Id", () => {
      const [get] = stepsOf(template, "GetItemV3");
      expect(get).toBeDefined();
      if (!get) return;
      expect(parameter(get.object, "table")).toBe(template.table);
      expect(parameter(get.object, "id")).toBe("@triggerOutputs()?['body/Row Id']");
      expect(bcTable(template.table ?? "")).toBeDefined();
    });

    it("asks for Approve/Reject – First to respond, with the record's number in the title", () => {
      const [approval] = stepsOf(template, "StartAndWaitForAnApproval");
      expect(approval).toBeDefined();
      if (!approval) return;
      const table = bcTable(template.table ?? "");
      expect(parameter(approval.object, "approvalType")).toBe("Basic");
      expect(parameter(approval.object, "WebhookApprovalCreationInput/title")).toContain(
        `?['body/${table?.numberField}']`,
      );
      expect(parameter(approval.object, "WebhookApprovalCreationInput/assignedTo")).toMatch(
        /^[a-z.]+@cronus-demo\.example$/,
      );
      expect(parameter(approval.object, "WebhookApprovalCreationInput/requestor")).toBe(
        "@triggerOutputs()?['body/Requested By User Email']",
      );
    });

    it("approves on Approve and rejects and emails the requester otherwise", () => {
      const condition = template.definition.actions.Condition as JsonObject | undefined;
      expect(condition?.type).toBe("If");
      expect(getAt(condition, "expression/and/0/equals")).toEqual([
        "@outputs('Start_and_wait_for_an_approval')?['body/outcome']",
        "Approve",
      ]);
      const yes = getAt(condition, "actions");
      const no = getAt(condition, "else/actions");
      expect(isJsonObject(yes) && Object.keys(yes)).toEqual(["Approve_the_request"]);
      expect(isJsonObject(no) && Object.keys(no)).toEqual(["Reject_the_request", "Email_the_requester"]);
      const procedures = stepsOf(template, "ExecuteProcedureV3").map((s) => [
        s.name,
        parameter(s.object, "procedure"),
        parameter(s.object, "parameters/id"),
      ]);
      const stepId = "@triggerOutputs()?['body/Workflow Step Id']";
      expect(procedures).toEqual([
        ["Approve_the_request", APPROVE_REQUEST_PROCEDURE, stepId],
        ["Reject_the_request", REJECT_REQUEST_PROCEDURE, stepId],
      ]);
      const [email] = stepsOf(template, "SendEmailV2");
      expect(email && parameter(email.object, "emailMessage/To")).toBe(
        "@triggerOutputs()?['body/Requested By User Email']",
      );
      expect(email && parameter(email.object, "emailMessage/Body")).toContain("?['comments']");
    });
  },
);

describe("Notify a channel when a large sales invoice is posted", () => {
  const template = findTemplate("notify-large-sales-invoice") as Template;
  const [, trigger] = onlyTrigger(template);

  it("fires on modified sales invoices that are posted and over 10,000", () => {
    expect(operationOfAction(trigger)?.operationId).toBe("CreateOnUpdatedItemsSubscriptionV3");
    expect(parameter(trigger as JsonObject, "table")).toBe("salesInvoices");
    expect(getAt(trigger as JsonObject, "conditions")).toEqual([
      { expression: "@equals(triggerOutputs()?['body/posted'], true)" },
      { expression: "@greater(triggerOutputs()?['body/totalAmountIncludingTax'], 10000)" },
    ]);
  });

  it("posts in the Sales team's Big deals channel", () => {
    const [post] = stepsOf(template, "PostMessageToConversation");
    expect(post && parameter(post.object, "location")).toBe("Channel");
    expect(post && parameter(post.object, "body/recipient/groupId")).toBe("Sales");
    expect(post && parameter(post.object, "body/recipient/channelId")).toBe("Big deals");
    expect(post && parameter(post.object, "body/messageBody")).toContain(
      "@{triggerOutputs()?['body/number']}",
    );
  });
});

describe("Weekly overdue-customers mail", () => {
  const template = findTemplate("weekly-overdue-customers") as Template;
  const [name, trigger] = onlyTrigger(template);

  it("runs every Monday at 08:00 in a time zone", () => {
    expect(name).toBe("Recurrence");
    expect(getAt(trigger as JsonObject, "recurrence")).toEqual({
      frequency: "Week",
      interval: 1,
      timeZone: "Eastern Standard Time",
      schedule: { weekDays: ["Monday"], hours: ["8"], minutes: [0] },
    });
  });

  it("finds customers with a balance due, tabulates them and mails the credit controller", () => {
    const types = allActions(template.definition).map((a) => [a.name, a.action.type]);
    expect(types).toEqual([
      ["Find_overdue_customers", "OpenApiConnection"],
      ["Select_the_columns", "Select"],
      ["Create_HTML_table", "Table"],
      ["Send_an_email_(V2)", "OpenApiConnection"],
    ]);
    const [find] = stepsOf(template, "GetItemsV3");
    expect(find && parameter(find.object, "table")).toBe("customers");
    expect(find && parameter(find.object, "$filter")).toBe("balanceDue gt 0");
    const [table] = stepsOf(template, "TableHtml");
    expect(table && getAt(table.object, "inputs")).toEqual({
      from: "@body('Select_the_columns')",
      format: "HTML",
    });
    const [mail] = stepsOf(template, "SendEmailV2");
    expect(mail && parameter(mail.object, "emailMessage/To")).toBe("chloe.dubois@cronus-demo.example");
    expect(mail && parameter(mail.object, "emailMessage/Body")).toContain("@{body('Create_HTML_table')}");
  });
});

describe("Block vendor payments", () => {
  const template = findTemplate("block-vendor-payments") as Template;
  const [name, trigger] = onlyTrigger(template);

  it("is started from the Vendors page with a Run flow form", () => {
    expect(name).toBe("manual");
    expect(operationOfAction(trigger)?.operationId).toBe("ForASelectedRecordV3");
    expect(parameter(trigger as JsonObject, "page")).toBe("table23");
    const fields = runFlowFields(getAt(trigger as JsonObject, "inputs/schema"));
    expect(fields.map((f) => [f.key, f.kind, f.title, f.required])).toEqual([
      ["text", "text", "Reason", true],
      ["boolean", "boolean", "Notify buyers", false],
    ]);
  });

  it("blocks payments with a value the vendors table accepts", () => {
    const [update] = stepsOf(template, "PatchItemV3");
    expect(update && parameter(update.object, "table")).toBe("vendors");
    expect(update && parameter(update.object, "id")).toBe("@triggerBody()?['SystemId']");
    const parameters = update && getAt(update.object, "inputs/parameters");
    expect(isJsonObject(parameters) && parameters["item/blocked"]).toBe("Payment");
    const blocked = bcTable("vendors")?.fields.find((f) => f.name === "blocked");
    expect(blocked?.enum).toContain("Payment");
  });

  it("mails the vendor's contact, then the buyers when asked to", () => {
    const [get] = stepsOf(template, "GetItemV3");
    expect(get && parameter(get.object, "table")).toBe("vendors");
    const [vendorMail, buyersMail] = stepsOf(template, "SendEmailV2");
    expect(vendorMail && parameter(vendorMail.object, "emailMessage/To")).toBe(
      "@outputs('Get_vendor')?['body/email']",
    );
    expect(vendorMail && parameter(vendorMail.object, "emailMessage/Body")).toContain(
      "@{triggerBody()?['text']}",
    );
    expect(buyersMail && parameter(buyersMail.object, "emailMessage/To")).toBe("buyers@cronus-demo.example");
    const condition = template.definition.actions.If_buyers_are_to_be_notified as JsonObject | undefined;
    expect(getAt(condition, "expression")).toEqual({
      and: [{ equals: ["@triggerBody()?['boolean']", true] }],
    });
    expect(Object.keys((getAt(condition, "actions") as JsonObject | undefined) ?? {})).toEqual([
      "Email_the_buyers",
    ]);
  });
});
