// What "New flow from template" offers: a complete, checker-clean flow definition with the words a
// business user picks it by.
import type { FlowKind } from "../connectors";
import type { WdlActions, WdlDefinition, WdlTriggers } from "../flow";

export type TemplateCategory = "Approvals" | "Notifications" | "Scheduled" | "Instant";

/** The categories in the order the template picker shows them. */
export const TEMPLATE_CATEGORIES: readonly TemplateCategory[] = [
  "Approvals",
  "Notifications",
  "Scheduled",
  "Instant",
];

/** A full WDL definition ($schema, contentVersion, parameters, one trigger, actions). */
export type TemplateDefinition = WdlDefinition & { triggers: WdlTriggers; actions: WdlActions };

export interface Template {
  /** Stable slug: kept when titles change, used in links and tests. */
  id: string;
  title: string;
  /** One sentence for a business user. */
  description: string;
  kind: FlowKind;
  category: TemplateCategory;
  /**
   * For an instant flow: the Business Central page (table entity set) whose Automate menu offers
   * it, e.g. "vendors".
   */
  page?: string;
  /**
   * For a Business Central approval template: the table whose approval requests it answers
   * ("purchaseInvoices"). The trigger may report several tables; the template narrows it to this one.
   */
  table?: string;
  /** Deeply frozen: take a copy (templateDefinition) before editing it. */
  definition: TemplateDefinition;
}
