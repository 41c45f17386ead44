// "New flow from template": every template, and the lookups the designer's picker uses. Each
// template is a complete, checker-clean flow built from the connector catalog (see build.ts) with
// the demo company's values (see demo.ts).
import { APPROVAL_TEMPLATES } from "./approvals";
import { BLOCK_VENDOR_PAYMENTS_TEMPLATE } from "./block-vendor-payments";
import { EMAILED_INVOICES_TEMPLATE } from "./emailed-invoices";
import { LARGE_SALES_INVOICE_TEMPLATE } from "./large-sales-invoice";
import { OVERDUE_CUSTOMERS_TEMPLATE } from "./overdue-customers";
import type { Template, TemplateCategory, TemplateDefinition } from "./types";

export {
  APPROVE_REQUEST_PROCEDURE,
  DOCUMENT_TYPE_FIELD,
  DOCUMENT_TYPES,
  REJECT_REQUEST_PROCEDURE,
} from "./approvals";
export { VENDORS_PAGE_PARAMETER } from "./block-vendor-payments";
export {
  DEMO_COMPANY,
  DEMO_ENVIRONMENT,
  DEMO_GROUPS,
  DEMO_PEOPLE,
  DEMO_SALES_CHANNEL,
  DEMO_TIME_ZONE,
} from "./demo";
export { LARGE_INVOICE_AMOUNT } from "./large-sales-invoice";
export { OVERDUE_FILTER } from "./overdue-customers";
export { TEMPLATE_CATEGORIES, type Template, type TemplateCategory, type TemplateDefinition } from "./types";

/** Every template, approvals first, in the order the picker lists them. */
export const TEMPLATES: readonly Template[] = [
  ...APPROVAL_TEMPLATES,
  EMAILED_INVOICES_TEMPLATE,
  LARGE_SALES_INVOICE_TEMPLATE,
  OVERDUE_CUSTOMERS_TEMPLATE,
  BLOCK_VENDOR_PAYMENTS_TEMPLATE,
];

const byId = new Map(TEMPLATES.map((template) => [template.id, template]));

export function findTemplate(id: string): Template | undefined {
  return byId.get(id);
}

/** The templates of one category, in list order. */
export function templatesIn(category: TemplateCategory): Template[] {
  return TEMPLATES.filter((template) => template.category === category);
}

/** The instant templates offered on a Business Central page ("vendors"). */
export function templatesForPage(page: string): Template[] {
  const wanted = page.toLowerCase();
  return TEMPLATES.filter((template) => template.page?.toLowerCase() === wanted);
}

/** A fresh, editable copy of a template's definition (the stored one is frozen). */
export function templateDefinition(template: Template): TemplateDefinition {
  return JSON.parse(JSON.stringify(template.definition)) as TemplateDefinition;
}
