// The Business Central tables (API v2.0 entity sets) the sandbox company has, with the fields each
// record exposes. The designer offers them as dynamic content and as "item/<field>" inputs; the
// sandbox seeds records with exactly these fields.
import type { EnumOption, ValueType } from "./types";

export interface BcField {
  /** API field name, as in the record JSON and in "$filter" ("displayName"). */
  name: string;
  title: string;
  type: ValueType;
  /** Set by Business Central itself (keys, totals, timestamps): never written by Create/Update record. */
  readOnly?: boolean;
  /** The values Business Central accepts for an option field. */
  enum?: readonly string[];
}

export interface BcTable {
  /** Entity set name, the value of the "table" parameter ("salesInvoices"). */
  name: string;
  title: string;
  /** Field holding the record's number, shown to people ("number"). */
  numberField: string;
  fields: readonly BcField[];
}

const f = (name: string, title: string, type: ValueType, extra: Partial<BcField> = {}): BcField => ({
  name,
  title,
  type,
  ...extra,
});

const ro = { readOnly: true } as const;

const key = [f("id", "Id (system id)", "string", ro), f("number", "No.", "string")];
const modified = f("lastModifiedDateTime", "Last modified", "date-time", ro);

const address = (prefix: string, titlePrefix: string): BcField[] => [
  f(`${prefix}AddressLine1`, `${titlePrefix} address`, "string"),
  f(`${prefix}AddressLine2`, `${titlePrefix} address 2`, "string"),
  f(`${prefix}City`, `${titlePrefix} city`, "string"),
  f(`${prefix}State`, `${titlePrefix} state`, "string"),
  f(`${prefix}Country`, `${titlePrefix} country/region code`, "string"),
  f(`${prefix}PostCode`, `${titlePrefix} post code`, "string"),
];

const contactAddress = [
  f("addressLine1", "Address", "string"),
  f("addressLine2", "Address 2", "string"),
  f("city", "City", "string"),
  f("state", "State", "string"),
  f("country", "Country/region code", "string"),
  f("postalCode", "Post code", "string"),
  f("phoneNumber", "Phone no.", "string"),
  f("email", "Email", "email"),
];

const totals = [
  f("pricesIncludeTax", "Prices include tax", "boolean"),
  f("discountAmount", "Invoice discount amount", "number"),
  f("totalAmountExcludingTax", "Total amount excl. tax", "number", ro),
  f("totalTaxAmount", "Total tax amount", "number", ro),
  f("totalAmountIncludingTax", "Total amount incl. tax", "number", ro),
];

// Status of unposted sales and purchase documents, as the approval workflow moves it.
const documentStatus = ["Open", "Pending Approval", "Released", "Pending Prepayment"] as const;

const salesParty = [
  f("customerId", "Customer id", "string"),
  f("customerNumber", "Customer no.", "string"),
  f("customerName", "Customer name", "string"),
  f("billToName", "Bill-to name", "string"),
  f("billToCustomerNumber", "Bill-to customer no.", "string"),
  f("shipToName", "Ship-to name", "string"),
  ...address("sellTo", "Sell-to"),
  f("currencyCode", "Currency code", "string"),
  f("salesperson", "Salesperson code", "string"),
  f("email", "Email", "email"),
];

const purchaseParty = [
  f("vendorId", "Vendor id", "string"),
  f("vendorNumber", "Vendor no.", "string"),
  f("vendorName", "Vendor name", "string"),
  f("payToName", "Pay-to name", "string"),
  f("payToVendorNumber", "Pay-to vendor no.", "string"),
  f("shipToName", "Ship-to name", "string"),
  ...address("buyFrom", "Buy-from"),
  f("currencyCode", "Currency code", "string"),
  f("purchaser", "Purchaser code", "string"),
];

export const BC_TABLES: readonly BcTable[] = [
  {
    name: "customers",
    title: "Customers",
    numberField: "number",
    fields: [
      ...key,
      f("displayName", "Name", "string"),
      f("type", "Contact type", "string", { enum: ["Company", "Person"] }),
      ...contactAddress,
      f("website", "Home page", "string"),
      f("salespersonCode", "Salesperson code", "string"),
      f("creditLimit", "Credit limit (LCY)", "number"),
      f("balanceDue", "Balance due (LCY)", "number", ro),
      f("taxLiable", "Tax liable", "boolean"),
      f("taxRegistrationNumber", "Tax registration no.", "string"),
      f("currencyCode", "Currency code", "string"),
      f("paymentTermsCode", "Payment terms code", "string"),
      f("blocked", "Blocked", "string", { enum: [" ", "Ship", "Invoice", "All"] }),
      modified,
    ],
  },
  {
    name: "vendors",
    title: "Vendors",
    numberField: "number",
    fields: [
      ...key,
      f("displayName", "Name", "string"),
      ...contactAddress,
      f("website", "Home page", "string"),
      f("taxRegistrationNumber", "Tax registration no.", "string"),
      f("currencyCode", "Currency code", "string"),
      f("paymentTermsCode", "Payment terms code", "string"),
      f("paymentMethodCode", "Payment method code", "string"),
      f("taxLiable", "Tax liable", "boolean"),
      f("purchaserCode", "Purchaser code", "string"),
      f("blocked", "Blocked", "string", { enum: [" ", "Payment", "All"] }),
      f("balance", "Balance (LCY)", "number", ro),
      modified,
    ],
  },
  {
    name: "items",
    title: "Items",
    numberField: "number",
    fields: [
      ...key,
      f("displayName", "Description", "string"),
      f("displayName2", "Description 2", "string"),
      f("type", "Type", "string", { enum: ["Inventory", "Service", "Non-Inventory"] }),
      f("itemCategoryCode", "Item category code", "string"),
      f("blocked", "Blocked", "boolean"),
      f("gtin", "GTIN", "string"),
      f("inventory", "Inventory", "number", ro),
      f("unitPrice", "Unit price", "number"),
      f("priceIncludesTax", "Price includes tax", "boolean"),
      f("unitCost", "Unit cost", "number"),
      f("taxGroupCode", "Tax group code", "string"),
      f("baseUnitOfMeasureCode", "Base unit of measure", "string"),
      f("generalProductPostingGroupCode", "Gen. prod. posting group", "string"),
      f("inventoryPostingGroupCode", "Inventory posting group", "string"),
      modified,
    ],
  },
  {
    name: "employees",
    title: "Employees",
    numberField: "number",
    fields: [
      ...key,
      f("displayName", "Full name", "string", ro),
      f("givenName", "First name", "string"),
      f("middleName", "Middle name", "string"),
      f("surname", "Last name", "string"),
      f("jobTitle", "Job title", "string"),
      f("addressLine1", "Address", "string"),
      f("city", "City", "string"),
      f("country", "Country/region code", "string"),
      f("postalCode", "Post code", "string"),
      f("phoneNumber", "Phone no.", "string"),
      f("mobilePhone", "Mobile phone no.", "string"),
      f("email", "Company email", "email"),
      f("personalEmail", "Private email", "email"),
      f("employmentDate", "Employment date", "date"),
      f("terminationDate", "Termination date", "date"),
      f("status", "Status", "string", { enum: ["Active", "Inactive", "Terminated"] }),
      f("birthDate", "Birth date", "date"),
      modified,
    ],
  },
  {
    name: "salesQuotes",
    title: "Sales quotes",
    numberField: "number",
    fields: [
      ...key,
      f("externalDocumentNumber", "External document no.", "string"),
      f("documentDate", "Document date", "date"),
      f("postingDate", "Posting date", "date"),
      f("dueDate", "Due date", "date"),
      f("validUntilDate", "Quote valid until", "date"),
      ...salesParty,
      ...totals,
      f("status", "Status", "string", { enum: documentStatus }),
      modified,
    ],
  },
  {
    name: "salesOrders",
    title: "Sales orders",
    numberField: "number",
    fields: [
      ...key,
      f("externalDocumentNumber", "External document no.", "string"),
      f("orderDate", "Order date", "date"),
      f("postingDate", "Posting date", "date"),
      f("requestedDeliveryDate", "Requested delivery date", "date"),
      ...salesParty,
      ...totals,
      f("fullyShipped", "Completely shipped", "boolean", ro),
      f("status", "Status", "string", { enum: documentStatus }),
      modified,
    ],
  },
  {
    name: "salesInvoices",
    title: "Sales invoices",
    numberField: "number",
    fields: [
      ...key,
      f("externalDocumentNumber", "External document no.", "string"),
      f("invoiceDate", "Document date", "date"),
      f("postingDate", "Posting date", "date"),
      f("dueDate", "Due date", "date"),
      f("customerPurchaseOrderReference", "Customer PO reference", "string"),
      ...salesParty,
      f("orderNumber", "Order no.", "string"),
      ...totals,
      f("status", "Status", "string", { enum: [...documentStatus, "Paid", "Canceled"] }),
      modified,
    ],
  },
  {
    name: "salesCreditMemos",
    title: "Sales credit memos",
    numberField: "number",
    fields: [
      ...key,
      f("externalDocumentNumber", "External document no.", "string"),
      f("creditMemoDate", "Document date", "date"),
      f("postingDate", "Posting date", "date"),
      f("dueDate", "Due date", "date"),
      ...salesParty,
      f("invoiceNumber", "Applies-to invoice no.", "string"),
      ...totals,
      f("status", "Status", "string", { enum: documentStatus }),
      modified,
    ],
  },
  {
    name: "purchaseOrders",
    title: "Purchase orders",
    numberField: "number",
    fields: [
      ...key,
      f("orderDate", "Order date", "date"),
      f("postingDate", "Posting date", "date"),
      f("requestedReceiptDate", "Requested receipt date", "date"),
      ...purchaseParty,
      ...totals,
      f("fullyReceived", "Completely received", "boolean", ro),
      f("status", "Status", "string", { enum: documentStatus }),
      modified,
    ],
  },
  {
    name: "purchaseInvoices",
    title: "Purchase invoices",
    numberField: "number",
    fields: [
      ...key,
      f("vendorInvoiceNumber", "Vendor invoice no.", "string"),
      f("invoiceDate", "Document date", "date"),
      f("postingDate", "Posting date", "date"),
      f("dueDate", "Due date", "date"),
      ...purchaseParty,
      f("orderNumber", "Order no.", "string"),
      ...totals,
      f("status", "Status", "string", { enum: [...documentStatus, "Paid", "Canceled"] }),
      modified,
    ],
  },
  {
    name: "purchaseCreditMemos",
    title: "Purchase credit memos",
    numberField: "number",
    fields: [
      ...key,
      f("vendorCreditMemoNumber", "Vendor credit memo no.", "string"),
      f("creditMemoDate", "Document date", "date"),
      f("postingDate", "Posting date", "date"),
      f("dueDate", "Due date", "date"),
      ...purchaseParty,
      f("invoiceNumber", "Applies-to invoice no.", "string"),
      ...totals,
      f("status", "Status", "string", { enum: documentStatus }),
      modified,
    ],
  },
  {
    name: "journals",
    title: "General journal batches",
    numberField: "code",
    fields: [
      f("id", "Id (system id)", "string", ro),
      f("code", "Name", "string"),
      f("displayName", "Description", "string"),
      f("templateDisplayName", "Journal template", "string"),
      f("balancingAccountNumber", "Balancing account no.", "string"),
      f("status", "Approval status", "string", { enum: ["Open", "Pending Approval", "Approved"] }),
      modified,
    ],
  },
  {
    name: "journalLines",
    title: "General journal lines",
    numberField: "documentNumber",
    fields: [
      f("id", "Id (system id)", "string", ro),
      f("journalId", "Journal batch id", "string"),
      f("journalDisplayName", "Journal batch name", "string"),
      f("lineNumber", "Line no.", "integer"),
      f("accountType", "Account type", "string", {
        enum: ["G/L Account", "Customer", "Vendor", "Bank Account", "Fixed Asset", "Employee"],
      }),
      f("accountNumber", "Account no.", "string"),
      f("postingDate", "Posting date", "date"),
      f("documentNumber", "Document no.", "string"),
      f("externalDocumentNumber", "External document no.", "string"),
      f("amount", "Amount", "number"),
      f("description", "Description", "string"),
      f("comment", "Comment", "string"),
      f("balancingAccountType", "Bal. account type", "string", {
        enum: ["G/L Account", "Customer", "Vendor", "Bank Account", "Fixed Asset", "Employee"],
      }),
      f("balancingAccountNumber", "Bal. account no.", "string"),
      f("status", "Approval status", "string", { enum: ["Open", "Pending Approval", "Approved"] }),
      modified,
    ],
  },
];

/** The table of an entity set name, case-insensitively; undefined for tables the sandbox lacks. */
export function bcTable(name: string): BcTable | undefined {
  const wanted = name.toLowerCase();
  return BC_TABLES.find((table) => table.name.toLowerCase() === wanted);
}

/** The "Table name" dropdown of the Business Central operations. */
export const BC_TABLE_OPTIONS: readonly EnumOption[] = BC_TABLES.map((table) => ({
  value: table.name,
  title: table.title,
}));
