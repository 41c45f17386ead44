// A record list's view (search, sort, page) as its address's query: "?q=heron&sort=name&dir=desc&page=2".
// Kept in the address so Back from a card, a reload and a copied link all show the same rows.

export interface ListSort {
  field: string;
  desc: boolean;
}

export interface ListQuery {
  /** The search, trimmed; "" for none. */
  q: string;
  sort?: ListSort;
  /** 1-based. */
  page: number;
}

/**
 * The view an address's query asks for. A sort by a column the list does not show, or a page
 * that is not a whole number above 0, is dropped rather than sent: an old or hand-edited link still opens.
 */
export function readListQuery(search: string, sortable: readonly string[]): ListQuery {
  const params = new URLSearchParams(search);
  const q = (params.get("q") ?? "").trim();
  const field = params.get("sort") ?? "";
  const sort = sortable.includes(field) ? { field, desc: params.get("dir") === "desc" } : undefined;
  const page = Number(params.get("page") ?? "1");
  return {
    q,
    ...(sort ? { sort } : {}),
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query of a view, without what is the default (no search, no sort, page 1); "" for none. */
export function writeListQuery(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.sort) {
    params.set("sort", query.sort.field);
    params.set("dir", query.sort.desc ? "desc" : "asc");
  }
  if (query.page > 1) params.set("page", String(query.page));
  return params.toString();
}

/** "/bc/customers?q=heron", or "/bc/customers" for the default view. */
export function listPath(table: string, query: ListQuery | string): string {
  const search = typeof query === "string" ? query : writeListQuery(query);
  return search ? `/bc/${table}?${search}` : `/bc/${table}`;
}

/** Sorting by a column: ascending first, then the other way each time; always from page 1. */
export function sortedBy(query: ListQuery, field: string): ListQuery {
  const desc = query.sort?.field === field ? !query.sort.desc : false;
  return { ...query, sort: { field, desc }, page: 1 };
}

// The view each table's list was last left in, so a card's own Back link returns to it (the
// browser's Back has the address already). For this session only, like kept card edits.
const lastViews = new Map<string, string>();

export function rememberListView(table: string, search: string): void {
  if (search) lastViews.set(table, search);
  else lastViews.delete(table);
}

/** The address of a table's list as it was last shown. */
export function lastListPath(table: string): string {
  return listPath(table, lastViews.get(table) ?? "");
}
