// The twelve "Request approval for Business Central …" templates, one shape for all, like Power
// Automate's own: the Business Central approval trigger → Get record of the record sent for
// approval → Start and wait for an approval (Approve/Reject – First to respond) → Condition on the
// outcome → Yes: approve the Business Central request; No: reject it and email the requester the
// approver's comments.
//
// Approving and rejecting: Run action (V3) on the request itself, whose id is the trigger's
// "Workflow Step Id": procedure "workflowApprovalRequests/Microsoft.NAV.approve" or
// "…/Microsoft.NAV.reject", parameter id = Workflow Step Id. Business Central then releases (or
// reopens) the document, approves a journal, as its workflow webhook does.
//
// Documents: the sales and purchase triggers report every kind of document; each template narrows
// its trigger to one with the header condition "Document Type" is Quote/Order/Invoice/Credit Memo
// (Business Central's Sales/Purchase Document Type), so that a sales order flow never sees an invoice.
import type { JsonValue } from "../json";
import {
  action,
  branches,
  call,
  definition,
  type Expression,
  expr,
  literal,
  member,
  operation,
  ref,
  type Step,
  text,
  trigger,
} from "./build";
import { DEMO_COMPANY, DEMO_ENVIRONMENT, DEMO_PEOPLE } from "./demo";
import type { Template } from "./types";

const BC = "shared_dynamicssmbsaas";

/** Procedures of Run action (V3) that answer a Business Central approval request by its Workflow Step Id. */
export const APPROVE_REQUEST_PROCEDURE = "workflowApprovalRequests/Microsoft.NAV.approve";
export const REJECT_REQUEST_PROCEDURE = "workflowApprovalRequests/Microsoft.NAV.reject";

/** The header condition that narrows a sales or purchase document approval trigger to one table. */
export const DOCUMENT_TYPE_FIELD = "Document Type";
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  salesQuotes: "Quote",
  salesOrders: "Order",
  salesInvoices: "Invoice",
  salesCreditMemos: "Credit Memo",
  purchaseOrders: "Order",
  purchaseInvoices: "Invoice",
  purchaseCreditMemos: "Credit Memo",
};

type Format = "text" | "amount";

interface Row {
  label: string;
  field: string;
  format?: Format;
  /** A field shown right after the value: the currency code of an amount (blank for local currency). */
  suffixField?: string;
}

interface ApprovalSpec {
  id: string;
  /** "sales order": how the record is called in sentences. */
  noun: string;
  table: string;
  triggerOperationId: string;
  approver: string;
  /** Name of the Get record step. */
  getName: string;
  /** The record's number, shown first in the title. */
  numberField: string;
  /** Who or what the record is about, in the title ("for Alder Interiors"). */
  partyField?: string;
  /** The amount shown in the title. */
  amountField?: string;
  /** Lines of the approval's details, after the first. */
  rows: readonly Row[];
}

const sales = (extra: readonly Row[]): Row[] => [
  { label: "Customer", field: "customerName" },
  { label: "Customer no.", field: "customerNumber" },
  {
    label: "Amount excl. tax",
    field: "totalAmountExcludingTax",
    format: "amount",
    suffixField: "currencyCode",
  },
  {
    label: "Amount incl. tax",
    field: "totalAmountIncludingTax",
    format: "amount",
    suffixField: "currencyCode",
  },
  ...extra,
  { label: "Salesperson", field: "salesperson" },
];

const purchase = (extra: readonly Row[]): Row[] => [
  { label: "Vendor", field: "vendorName" },
  { label: "Vendor no.", field: "vendorNumber" },
  {
    label: "Amount excl. tax",
    field: "totalAmountExcludingTax",
    format: "amount",
    suffixField: "currencyCode",
  },
  {
    label: "Amount incl. tax",
    field: "totalAmountIncludingTax",
    format: "amount",
    suffixField: "currencyCode",
  },
  ...extra,
  { label: "Purchaser", field: "purchaser" },
];

const SALES_TRIGGER = "CreateSalesDocumentApprovalWebHookV3";
const PURCHASE_TRIGGER = "CreatePurchaseDocumentApprovalWebHookV3";

const salesDocument = (id: string, noun: string, table: string, getName: string, extra: readonly Row[]) =>
  ({
    id,
    noun,
    table,
    triggerOperationId: SALES_TRIGGER,
    approver: DEMO_PEOPLE.salesDirector,
    getName,
    numberField: "number",
    partyField: "customerName",
    amountField: "totalAmountIncludingTax",
    rows: sales(extra),
  }) satisfies ApprovalSpec;

const purchaseDocument = (id: string, noun: string, table: string, getName: string, extra: readonly Row[]) =>
  ({
    id,
    noun,
    table,
    triggerOperationId: PURCHASE_TRIGGER,
    approver: DEMO_PEOPLE.purchasingManager,
    getName,
    numberField: "number",
    partyField: "vendorName",
    amountField: "totalAmountIncludingTax",
    rows: purchase(extra),
  }) satisfies ApprovalSpec;

const SPECS: readonly ApprovalSpec[] = [
  salesDocument("approve-sales-order", "sales order", "salesOrders", "Get_sales_order", [
    { label: "Order date", field: "orderDate" },
    { label: "Requested delivery date", field: "requestedDeliveryDate" },
    { label: "External document no.", field: "externalDocumentNumber" },
  ]),
  salesDocument("approve-sales-quote", "sales quote", "salesQuotes", "Get_sales_quote", [
    { label: "Document date", field: "documentDate" },
    { label: "Valid until", field: "validUntilDate" },
  ]),
  salesDocument("approve-sales-invoice", "sales invoice", "salesInvoices", "Get_sales_invoice", [
    { label: "Document date", field: "invoiceDate" },
    { label: "Due date", field: "dueDate" },
    { label: "Customer PO reference", field: "customerPurchaseOrderReference" },
  ]),
  salesDocument(
    "approve-sales-credit-memo",
    "sales credit memo",
    "salesCreditMemos",
    "Get_sales_credit_memo",
    [
      { label: "Document date", field: "creditMemoDate" },
      { label: "Applies to invoice", field: "invoiceNumber" },
    ],
  ),
  {
    id: "approve-customer",
    noun: "customer",
    table: "customers",
    triggerOperationId: "CreateCustomerApprovalWebHookV3",
    approver: DEMO_PEOPLE.financeManager,
    getName: "Get_customer",
    numberField: "number",
    partyField: "displayName",
    rows: [
      { label: "Name", field: "displayName" },
      { label: "Credit limit", field: "creditLimit", format: "amount" },
      { label: "Balance due", field: "balanceDue", format: "amount" },
      { label: "Payment terms", field: "paymentTermsCode" },
      { label: "Salesperson", field: "salespersonCode" },
      { label: "Email", field: "email" },
    ],
  },
  purchaseDocument("approve-purchase-order", "purchase order", "purchaseOrders", "Get_purchase_order", [
    { label: "Order date", field: "orderDate" },
    { label: "Requested receipt date", field: "requestedReceiptDate" },
  ]),
  purchaseDocument(
    "approve-purchase-invoice",
    "purchase invoice",
    "purchaseInvoices",
    "Get_purchase_invoice",
    [
      { label: "Vendor invoice no.", field: "vendorInvoiceNumber" },
      { label: "Document date", field: "invoiceDate" },
      { label: "Due date", field: "dueDate" },
    ],
  ),
  purchaseDocument(
    "approve-purchase-credit-memo",
    "purchase credit memo",
    "purchaseCreditMemos",
    "Get_purchase_credit_memo",
    [
      { label: "Vendor credit memo no.", field: "vendorCreditMemoNumber" },
      { label: "Document date", field: "creditMemoDate" },
      { label: "Applies to invoice", field: "invoiceNumber" },
    ],
  ),
  {
    id: "approve-item",
    noun: "item",
    table: "items",
    triggerOperationId: "CreateItemApprovalWebHookV3",
    approver: DEMO_PEOPLE.warehouseManager,
    getName: "Get_item",
    numberField: "number",
    partyField: "displayName",
    rows: [
      { label: "Description", field: "displayName" },
      { label: "Type", field: "type" },
      { label: "Item category", field: "itemCategoryCode" },
      { label: "Unit price", field: "unitPrice", format: "amount" },
      { label: "Unit cost", field: "unitCost", format: "amount" },
      { label: "Base unit of measure", field: "baseUnitOfMeasureCode" },
    ],
  },
  {
    id: "approve-vendor",
    noun: "vendor",
    table: "vendors",
    triggerOperationId: "CreateVendorApprovalWebHookV3",
    approver: DEMO_PEOPLE.purchasingManager,
    getName: "Get_vendor",
    numberField: "number",
    partyField: "displayName",
    rows: [
      { label: "Name", field: "displayName" },
      { label: "Payment terms", field: "paymentTermsCode" },
      { label: "Payment method", field: "paymentMethodCode" },
      { label: "Tax registration no.", field: "taxRegistrationNumber" },
      { label: "Purchaser", field: "purchaserCode" },
      { label: "Email", field: "email" },
    ],
  },
  {
    id: "approve-general-journal-batch",
    noun: "general journal batch",
    table: "journals",
    triggerOperationId: "CreateGeneralJournalBatchApprovalWebHookV3",
    approver: DEMO_PEOPLE.financeManager,
    getName: "Get_general_journal_batch",
    numberField: "code",
    partyField: "displayName",
    rows: [
      { label: "Description", field: "displayName" },
      { label: "Journal template", field: "templateDisplayName" },
      { label: "Balancing account no.", field: "balancingAccountNumber" },
    ],
  },
  {
    id: "approve-general-journal-line",
    noun: "general journal line",
    table: "journalLines",
    triggerOperationId: "CreateGeneralJournalLineApprovalWebHookV3",
    approver: DEMO_PEOPLE.financeManager,
    getName: "Get_general_journal_line",
    numberField: "documentNumber",
    partyField: "description",
    amountField: "amount",
    rows: [
      { label: "Journal batch", field: "journalDisplayName" },
      { label: "Posting date", field: "postingDate" },
      { label: "Account", field: "accountType" },
      { label: "Account no.", field: "accountNumber" },
      { label: "Description", field: "description" },
      { label: "Amount", field: "amount", format: "amount" },
      { label: "Bal. account no.", field: "balancingAccountNumber" },
    ],
  },
];

const capitalized = (noun: string): string => noun.charAt(0).toUpperCase() + noun.slice(1);

const triggerName = (displayName: string): string => displayName.replace(/\s+/g, "_");

function shown(get: Step, row: Row): Expression {
  const field = ref(get, `body/${row.field}`);
  return row.format === "amount" ? call("formatNumber", field, literal("N2")) : field;
}

function approvalTemplate(spec: ApprovalSpec): Template {
  const bc = (operationId: string) => operation(BC, operationId);
  const where = { bcenvironment: DEMO_ENVIRONMENT, company: DEMO_COMPANY };

  const triggerOperation = bc(spec.triggerOperationId);
  if (!triggerOperation.approvalTables?.includes(spec.table)) {
    throw new Error(`templates: ${triggerOperation.displayName} does not report ${spec.table}`);
  }
  const documentType = DOCUMENT_TYPES[spec.table];
  const conditions: Record<string, JsonValue> =
    documentType === undefined
      ? {}
      : {
          "subscription/HeaderFirstConditionField": DOCUMENT_TYPE_FIELD,
          "subscription/HeaderFirstConditionFieldValue": documentType,
        };
  const start = trigger(triggerName(triggerOperation.displayName), triggerOperation, {
    values: { ...where, ...conditions },
  });

  const get = action(spec.getName, bc("GetItemV3"), {
    values: { ...where, table: spec.table, id: expr(ref(start, "body/Row Id")) },
  });

  const number = ref(get, `body/${spec.numberField}`);
  const noun = capitalized(spec.noun);
  const party = spec.partyField ? ref(get, `body/${spec.partyField}`) : undefined;
  let title = `${noun} ${text`${number}`}`;
  if (party) title += text` - ${party}`;
  if (spec.amountField)
    title += text` (${shown(get, { label: "", field: spec.amountField, format: "amount" })})`;
  const requester = ref(start, "body/Requested By User Email");
  const details = [
    `${text`${requester}`} asks you to approve ${spec.noun} **${text`${number}`}**.`,
    "",
    ...spec.rows.map(
      (row) =>
        `- ${row.label}: ${text`${shown(get, row)}`}${row.suffixField ? text` ${ref(get, `body/${row.suffixField}`)}` : ""}`,
    ),
  ].join("\n");

  const approval = action(
    "Start_and_wait_for_an_approval",
    operation("shared_approvals", "StartAndWaitForAnApproval"),
    {
      values: {
        approvalType: "Basic",
        "WebhookApprovalCreationInput/title": title,
        "WebhookApprovalCreationInput/assignedTo": spec.approver,
        "WebhookApprovalCreationInput/details": details,
        "WebhookApprovalCreationInput/requestor": expr(requester),
      },
      after: [get],
    },
  );

  const workflowStepId = expr(ref(start, "body/Workflow Step Id"));
  const answer = (name: string, procedure: string, after: readonly Step[]) =>
    action(name, bc("ExecuteProcedureV3"), {
      values: { ...where, procedure, "parameters/id": workflowStepId },
      after,
    });
  const approve = answer("Approve_the_request", APPROVE_REQUEST_PROCEDURE, []);
  const reject = answer("Reject_the_request", REJECT_REQUEST_PROCEDURE, []);

  // First to respond: one response, whose approver and comments the requester is told.
  const firstResponse = call("first", ref(approval, "body/responses"));
  const email = action("Email_the_requester", operation("shared_office365", "SendEmailV2"), {
    values: {
      "emailMessage/To": expr(requester),
      "emailMessage/Subject": `${noun} ${text`${number}`} was not approved`,
      "emailMessage/Body": [
        `<p>Your approval request for ${spec.noun} ${text`<strong>${number}</strong> was rejected by ${member(firstResponse, "approverName")}.</p>`}`,
        text`<p>Comments: ${member(firstResponse, "comments")}</p>`,
        "<p>Change it as asked, then send it for approval again.</p>",
      ].join("\n"),
    },
    after: [reject],
  });

  const condition = action("Condition", operation("builtin_control", "If"), {
    values: { expression: { and: [{ equals: [expr(ref(approval, "body/outcome")), "Approve"] }] } },
    after: [approval],
    extra: branches([approve], [reject, email]),
  });

  return {
    id: spec.id,
    title: `Request approval for Business Central ${spec.noun}`,
    description: `When someone sends ${/^[aeiou]/i.test(spec.noun) ? "an" : "a"} ${spec.noun} for approval in Business Central, ask ${approverName(spec.approver)} to approve it, then approve or reject the request in Business Central and tell the requester why it was rejected.`,
    kind: "automated",
    category: "Approvals",
    table: spec.table,
    definition: definition(start, get, approval, condition),
  };
}

const APPROVER_ROLES: Readonly<Record<string, string>> = {
  [DEMO_PEOPLE.salesDirector]: "the sales director",
  [DEMO_PEOPLE.purchasingManager]: "the purchasing manager",
  [DEMO_PEOPLE.financeManager]: "the finance manager",
  [DEMO_PEOPLE.warehouseManager]: "the warehouse manager",
};

function approverName(email: string): string {
  return APPROVER_ROLES[email] ?? email;
}

export const APPROVAL_TEMPLATES: readonly Template[] = SPECS.map(approvalTemplate);
