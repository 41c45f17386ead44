// The values templates fill in where a flow needs a fixed one, taken from the sandbox's demo company
// (electron/backend/sandbox/seed), so that a template runs there unchanged: its environment and
// company, the people who approve, the distribution lists, the Teams channel. People change them to
// their own after picking a template; the sandbox must keep them valid.

const DOMAIN = "cronus-demo.example";

/** Business Central environment and company of every Business Central step. */
export const DEMO_ENVIRONMENT = "PRODUCTION";
export const DEMO_COMPANY = "CRONUS Demo Ltd.";

/** People of the demo company (seed/people.ts), by the role a template gives them. */
export const DEMO_PEOPLE = {
  /** Priya Raman, Sales Director: approves sales documents. */
  salesDirector: `priya.raman@${DOMAIN}`,
  /** Alicia Thornton, Purchasing Manager: approves purchase documents and vendors. */
  purchasingManager: `alicia.thornton@${DOMAIN}`,
  /** Grace Okafor, Finance Manager: approves customers (credit limits) and general journals. */
  financeManager: `grace.okafor@${DOMAIN}`,
  /** Ravi Kapoor, Warehouse Manager: approves items. */
  warehouseManager: `ravi.kapoor@${DOMAIN}`,
  /** Chloe Dubois, Accounts Receivable Clerk: the credit controller who chases overdue customers. */
  creditController: `chloe.dubois@${DOMAIN}`,
} as const;

/** Distribution lists of the demo company (seed/people.ts demoGroups). */
export const DEMO_GROUPS = {
  /** Everyone with a purchaser code. */
  buyers: `buyers@${DOMAIN}`,
  finance: `finance@${DOMAIN}`,
} as const;

/** Teams team and channel where large sales are announced (seed/collaboration.ts), by display name. */
export const DEMO_SALES_CHANNEL = { team: "Sales", channel: "Big deals" } as const;

/** Time zone of the scheduled templates: the demo company is in the United States. */
export const DEMO_TIME_ZONE = "Eastern Standard Time";
