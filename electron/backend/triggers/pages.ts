// Business Central pages and tables by number, as the "For a selected record" trigger names them in
// its page parameter ("table23" = every page on vendors, "page26" = the Vendor Card; several
// separated by commas), mapped to the sandbox's tables (API entity sets: "vendors").
import { bcTable } from "../../../shared/connectors";

interface PageInfo {
  /** Business Central table number of the records. */
  table: number;
  /** The list page and the card (or document) page. */
  listPage: number;
  cardPage: number;
}

/** Standard Business Central numbers of the sandbox's tables. */
export const BC_PAGES: Readonly<Record<string, PageInfo>> = {
  customers: { table: 18, listPage: 22, cardPage: 21 },
  vendors: { table: 23, listPage: 27, cardPage: 26 },
  items: { table: 27, listPage: 31, cardPage: 30 },
  employees: { table: 5200, listPage: 5201, cardPage: 5200 },
  salesQuotes: { table: 36, listPage: 9300, cardPage: 41 },
  salesOrders: { table: 36, listPage: 9305, cardPage: 42 },
  salesInvoices: { table: 36, listPage: 9301, cardPage: 43 },
  salesCreditMemos: { table: 36, listPage: 9302, cardPage: 44 },
  purchaseOrders: { table: 38, listPage: 9307, cardPage: 50 },
  purchaseInvoices: { table: 38, listPage: 9308, cardPage: 51 },
  purchaseCreditMemos: { table: 38, listPage: 9309, cardPage: 52 },
  journals: { table: 232, listPage: 251, cardPage: 251 },
  journalLines: { table: 81, listPage: 39, cardPage: 39 },
};

const ENTITY_SETS = Object.keys(BC_PAGES);
const byLowerName = new Map(ENTITY_SETS.map((name) => [name.toLowerCase(), name]));

/** The sandbox tables one token of a page parameter stands for ("table36" → the four sales documents). */
function tablesOfToken(token: string): string[] {
  const text = token.trim();
  const named = byLowerName.get(text.toLowerCase());
  if (named) return [named];
  const match = /^(table|page)?\s*(\d+)$/i.exec(text);
  if (!match) return [];
  const n = Number(match[2]);
  const kind = (match[1] ?? "table").toLowerCase();
  return ENTITY_SETS.filter((name) => {
    const info = BC_PAGES[name];
    if (!info) return false;
    return kind === "table" ? info.table === n : info.listPage === n || info.cardPage === n;
  });
}

export interface PageParameter {
  /** Sandbox tables the flow is offered on; empty with `everywhere`. */
  tables: string[];
  /** No page given: every page's Automate menu. */
  everywhere: boolean;
  /** Tokens that name no page or table the sandbox has. */
  unknown: string[];
}

export function readPageParameter(value: string | undefined): PageParameter {
  const tokens = (value ?? "")
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (tokens.length === 0) return { tables: [], everywhere: true, unknown: [] };
  const tables = new Set<string>();
  const unknown: string[] = [];
  for (const token of tokens) {
    const found = tablesOfToken(token);
    if (found.length === 0) unknown.push(token);
    for (const table of found) tables.add(table);
  }
  return { tables: [...tables], everywhere: false, unknown };
}

/** The sandbox table a page argument names ("vendors", "Vendors", "table23", "page27"), if exactly one. */
export function tableOfPage(page: string): string | undefined {
  const found = tablesOfToken(page);
  return found.length === 1 ? found[0] : undefined;
}

/** The page parameter a new instant flow for this table gets ("vendors" → "table23"). */
export function pageParameterFor(table: string): string | undefined {
  const info = BC_PAGES[table];
  return info ? `table${info.table}` : undefined;
}

export function pageTitle(table: string): string {
  return bcTable(table)?.title ?? table;
}
