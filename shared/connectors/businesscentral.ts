// Dynamics 365 Business Central (shared_dynamicssmbsaas), the V3 operations. Every record operation
// names its environment, company, API category and table; the record fields come from tables.ts.
import { input, managedConnector, type OperationSpec, output } from "./define";
import { BC_TABLE_OPTIONS } from "./tables";
import type { InputDeclaration, OutputDeclaration } from "./types";

const environment = input(
  "bcenvironment",
  "Environment name",
  "string",
  "The Business Central environment.",
  {
    required: true,
    default: "PRODUCTION",
    allowCustom: true,
    enum: [{ value: "PRODUCTION", title: "PRODUCTION" }],
  },
);
const company = input("company", "Company name", "string", "The company the records belong to.", {
  required: true,
  sandboxChoices: { from: "bc-company" },
});
const apiCategory = input(
  "dataset",
  "API category",
  "string",
  "The API the table is published by; the standard Business Central API is v2.0.",
  {
    required: true,
    default: "v2.0",
    allowCustom: true,
    enum: [{ value: "v2.0", title: "Standard API v2.0" }],
  },
);
const table = input("table", "Table name", "string", "The table (API entity set) to work with.", {
  required: true,
  enum: BC_TABLE_OPTIONS,
  allowCustom: true,
});
const rowId = input("id", "Row id", "string", "The system id (GUID) of the record.", { required: true });
const item = input(
  "item",
  "Row",
  "object",
  "The field values of the record; the fields depend on the table.",
  {
    required: true,
    dynamicFields: "bc-record",
  },
);

const recordInputs = [environment, company, apiCategory, table];

const base = "/v3/bcenvironments/{bcenvironment}/companies/{company}";
const tablePath = `${base}/datasets/{dataset}/tables/{table}`;

const recordTrigger = (
  operationId: string,
  displayName: string,
  description: string,
  segment: string,
  withRecord = true,
): OperationSpec => ({
  operationId,
  kind: "trigger",
  wdlType: "OpenApiConnectionWebhook",
  flowKind: "automated",
  displayName,
  description,
  inputs: recordInputs,
  outputs: [output("body/id", "Row id", "string", "System id of the record.")],
  ...(withRecord ? { dynamicOutputs: "bc-record" as const } : {}),
  legacy: { method: "post", path: `${tablePath}/${segment}/$subscriptions` },
  keywords: ["record", "event", "erp"],
});

// Approval request payload, as Business Central's workflow webhook posts it.
const approvalOutputs: OutputDeclaration[] = [
  output("body/Row Id", "Row id", "string", "System id of the record sent for approval."),
  output(
    "body/Workflow Step Id",
    "Workflow step id",
    "string",
    "Identifies the approval request in Business Central.",
  ),
  output(
    "body/Requested By User Email",
    "Requested by user email",
    "email",
    "Who sent the record for approval.",
  ),
];

const ordinals = ["First", "Second", "Third", "Fourth"] as const;

/** Optional filters of an approval trigger: up to four "field is value" conditions. */
function conditionInputs(prefix: "" | "Header" | "Line", titlePrefix: string): InputDeclaration[] {
  return ordinals.flatMap((ordinal) => {
    const lower = ordinal.toLowerCase();
    const field = `subscription/${prefix}${ordinal}ConditionField`;
    return [
      input(
        field,
        `${titlePrefix}${lower} condition`,
        "string",
        "A field the record must match to start the flow.",
        {
          advanced: true,
        },
      ),
      input(
        `${field}Value`,
        `${titlePrefix}${lower} condition is`,
        "string",
        "The value that field must have.",
        {
          advanced: true,
        },
      ),
    ];
  });
}

const approvalTrigger = (
  operationId: string,
  displayName: string,
  what: string,
  segment: string,
  tables: readonly string[],
): OperationSpec => ({
  operationId,
  kind: "trigger",
  wdlType: "OpenApiConnectionWebhook",
  flowKind: "automated",
  displayName,
  description: `Starts when someone sends ${what} for approval in Business Central.`,
  inputs: [
    environment,
    company,
    // Documents filter on their header and on their lines; other records on themselves.
    ...(tables.length > 1
      ? [...conditionInputs("Header", "Header "), ...conditionInputs("Line", "Line ")]
      : conditionInputs("", "")),
  ],
  outputs: approvalOutputs,
  approvalTables: tables,
  legacy: { method: "post", path: `${base}/webhook/v1/${segment}` },
  keywords: ["approval", "request", "workflow"],
});

export const businessCentral = managedConnector({
  id: "shared_dynamicssmbsaas",
  displayName: "Dynamics 365 Business Central",
  description: "Read and change Business Central records, and react to record changes and approval requests.",
  group: "Business Central",
  color: "#0b7c7a",
  icon: "building-2",
  operations: [
    recordTrigger(
      "CreateOnNewItemsSubscriptionV3",
      "When a record is created (V3)",
      "Starts when a record is created in the chosen table.",
      "onnewitems",
    ),
    recordTrigger(
      "CreateOnUpdatedItemsSubscriptionV3",
      "When a record is modified (V3)",
      "Starts when a record of the chosen table is changed.",
      "onupdateditems",
    ),
    recordTrigger(
      "CreateOnDeletedItemsSubscriptionV3",
      "When a record is deleted (V3)",
      "Starts when a record is deleted from the chosen table; only its id is known then.",
      "ondeleteditems",
      false,
    ),
    recordTrigger(
      "CreateOnChangedItemsSubscriptionV3",
      "When a record is changed (V3)",
      "Starts when a record of the chosen table is created, modified or deleted.",
      "onchangeditems",
    ),
    approvalTrigger(
      "CreateCustomerApprovalWebHookV3",
      "When a customer approval is requested",
      "a customer",
      "customerapproval",
      ["customers"],
    ),
    approvalTrigger(
      "CreateVendorApprovalWebHookV3",
      "When a vendor approval is requested",
      "a vendor",
      "vendorapproval",
      ["vendors"],
    ),
    approvalTrigger(
      "CreateItemApprovalWebHookV3",
      "When an item approval is requested",
      "an item",
      "itemapproval",
      ["items"],
    ),
    approvalTrigger(
      "CreateGeneralJournalBatchApprovalWebHookV3",
      "When a general journal batch approval is requested",
      "a general journal batch",
      "generaljournalbatchapproval",
      ["journals"],
    ),
    approvalTrigger(
      "CreateGeneralJournalLineApprovalWebHookV3",
      "When a general journal line approval is requested",
      "a general journal line",
      "generaljournallineapproval",
      ["journalLines"],
    ),
    approvalTrigger(
      "CreatePurchaseDocumentApprovalWebHookV3",
      "When a purchase document approval is requested",
      "a purchase quote, order, invoice or credit memo",
      "purchasedocumentapproval",
      ["purchaseOrders", "purchaseInvoices", "purchaseCreditMemos"],
    ),
    approvalTrigger(
      "CreateSalesDocumentApprovalWebHookV3",
      "When a sales document approval is requested",
      "a sales quote, order, invoice or credit memo",
      "salesdocumentapproval",
      ["salesQuotes", "salesOrders", "salesInvoices", "salesCreditMemos"],
    ),
    {
      // An instant flow started from the Automate menu of a Business Central page.
      operationId: "ForASelectedRecordV3",
      kind: "trigger",
      wdlType: "Request",
      wdlKind: "ApiConnection",
      flowKind: "instant",
      displayName: "For a selected record (V3)",
      description:
        "Lets people run the flow from the Automate menu of Business Central pages, on the record they have selected.",
      defaultName: "manual",
      inputs: [
        input(
          "bcenvironment",
          "Environment name",
          "string",
          "Leave empty to offer the flow in every environment.",
          {
            allowCustom: true,
            enum: [{ value: "PRODUCTION", title: "PRODUCTION" }],
          },
        ),
        input("company", "Company name", "string", "Leave empty to offer the flow in every company.", {
          sandboxChoices: { from: "bc-company" },
        }),
        input(
          "page",
          "Page or table",
          "string",
          "Where the flow appears, e.g. page21 for the Customer Card or table18 for every page on customers; several separated by commas.",
        ),
        input("inputs/schema", "Run flow form", "object", "The inputs people fill in before the flow runs.", {
          at: "action",
          format: "run-flow-form",
          required: true,
          default: { type: "object", properties: {}, required: [] },
        }),
      ],
      outputs: [
        output("body/EnvironmentName", "Environment name", "string", "Environment the flow was run in."),
        output("body/CompanyId", "Company id", "string", "Company the selected record belongs to."),
        output("body/TableId", "Table id", "integer", "Table of the selected record."),
        output("body/PageId", "Page id", "integer", "Page the flow was run from."),
        output("body/SystemId", "System id", "string", "System id of the selected record."),
        output(
          "body/WebClientUrl",
          "Web client URL",
          "string",
          "Link that opens the record in Business Central.",
        ),
        output("headers/x-ms-user-email", "User email", "email", "Who ran the flow."),
        output("headers/x-ms-user-name", "User name", "string", "Who ran the flow."),
      ],
      dynamicOutputs: "run-flow-form",
      keywords: ["automate", "button", "manual", "instant"],
    },
    {
      operationId: "GetItemV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Get record (V3)",
      description: "Reads one record by its row id.",
      inputs: [...recordInputs, rowId],
      dynamicOutputs: "bc-record",
      legacy: { method: "get", path: `${tablePath}/items/{id}` },
      keywords: ["read", "record"],
    },
    {
      operationId: "GetItemsV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Find records (V3)",
      description: "Lists the records of a table that match a filter.",
      inputs: [
        ...recordInputs,
        input(
          "$filter",
          "Filter query",
          "string",
          "An OData filter, e.g. balanceDue gt 1000 and blocked eq ' '.",
          {
            format: "odata-filter",
          },
        ),
        input("$orderby", "Order by", "string", "Fields to sort by, e.g. number desc.", {
          format: "odata-orderby",
        }),
        input("$top", "Top count", "integer", "Return at most this many records.", { minimum: 1 }),
        input("$skip", "Skip count", "integer", "Skip this many records first.", {
          minimum: 0,
          advanced: true,
        }),
      ],
      outputs: [output("body/value", "Records", "array", "The records found.")],
      dynamicOutputs: "bc-records",
      legacy: { method: "get", path: `${tablePath}/items` },
      keywords: ["list", "query", "search", "filter", "records"],
    },
    {
      operationId: "GetFirstItemV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Find one record (V3)",
      description: "Returns the first record that meets all the conditions.",
      inputs: [
        ...recordInputs,
        input("body/Filter", "Filter", "array", "Conditions the record must meet, all of them.", {
          fields: [
            input("FilterField", "On this field", "string", "The field to compare.", { required: true }),
            input("FilterOperator", "Operator", "string", "How to compare.", {
              required: true,
              default: "equals",
              enum: [
                { value: "equals", title: "equals" },
                { value: "not equals", title: "not equals" },
                { value: "contains", title: "contains" },
                { value: "less than", title: "less than" },
                { value: "greater than", title: "greater than" },
                { value: "less than or equals", title: "less than or equals" },
                { value: "greater than or equals", title: "greater than or equals" },
              ],
            }),
            input("FilterValue", "Value", "string", "The value to compare with.", { required: true }),
          ],
        }),
        input(
          "body/OrderField",
          "Order results by",
          "string",
          "The field that decides which record is first.",
          {
            advanced: true,
          },
        ),
        input("body/Order", "Type of order", "string", "Sort direction.", {
          advanced: true,
          enum: [
            { value: "ascending", title: "Ascending" },
            { value: "descending", title: "Descending" },
          ],
        }),
        input(
          "body/NoThrowError",
          "Continue with empty result when no record was found",
          "boolean",
          "Without it, the step fails when nothing matches.",
          { advanced: true },
        ),
      ],
      dynamicOutputs: "bc-record",
      legacy: { method: "post", path: `${tablePath}/items/first` },
      keywords: ["find", "lookup", "search"],
    },
    {
      operationId: "PostItemV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Create record (V3)",
      description: "Creates a record in a table.",
      inputs: [...recordInputs, item],
      dynamicOutputs: "bc-record",
      legacy: { method: "post", path: `${tablePath}/items` },
      keywords: ["add", "insert", "new"],
    },
    {
      operationId: "PatchItemV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Update record (V3)",
      description: "Changes fields of an existing record; fields left empty keep their value.",
      inputs: [...recordInputs, rowId, { ...item, required: false }],
      dynamicOutputs: "bc-record",
      legacy: { method: "patch", path: `${tablePath}/items/{id}` },
      keywords: ["change", "modify", "edit", "status"],
    },
    {
      operationId: "DeleteItemV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Delete record (V3)",
      description: "Deletes a record.",
      inputs: [...recordInputs, rowId],
      legacy: { method: "delete", path: `${tablePath}/items/{id}` },
      keywords: ["remove"],
    },
    {
      operationId: "ExecuteProcedureV3",
      kind: "action",
      wdlType: "OpenApiConnection",
      displayName: "Run action (V3)",
      description: "Runs a bound action of a record, such as posting or releasing a document.",
      inputs: [
        environment,
        company,
        apiCategory,
        input(
          "procedure",
          "Action name",
          "string",
          "The table and its bound action, e.g. salesInvoices/Microsoft.NAV.post.",
          { required: true },
        ),
        input("parameters/id", "Row id", "string", "The system id of the record to run the action on.", {
          required: true,
        }),
      ],
      outputs: [output("body", "Result", "any", "What the action returned, if anything.")],
      legacy: { method: "post", path: `${base}/datasets/{dataset}/procedures/{procedure}` },
      keywords: ["post", "release", "procedure", "execute"],
    },
  ],
});
