// The workflow list's orders. Whatever the column, entries without a value there (a built-in
// workflow has no publish date; a flow that never ran has no last run) come last either way, and
// equal values fall back to the name, then the id, so that paging never shows an entry twice.
import type { SortDirection, WorkflowEntry, WorkflowSortKey } from "../../../shared/api";

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Enabled first when ascending: what runs, then what does not, then what was stopped. */
const STATUS_ORDER: Record<WorkflowEntry["status"], number> = { enabled: 0, disabled: 1, suspended: 2 };

function sortValue(entry: WorkflowEntry, key: WorkflowSortKey): string | number | null {
  switch (key) {
    case "name":
      return entry.name;
    case "status":
      return STATUS_ORDER[entry.status];
    case "published":
      return entry.publishedAt;
    case "lastRun":
      return entry.lastRun?.startedAt ?? null;
  }
}

function compareValues(x: string | number, y: string | number, key: WorkflowSortKey): number {
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (key === "name") return collator.compare(String(x), String(y));
  // ISO 8601 times in UTC: their text sorts as they do.
  return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
}

function byNameThenId(a: WorkflowEntry, b: WorkflowEntry): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function compareWorkflows(
  key: WorkflowSortKey,
  direction: SortDirection,
): (a: WorkflowEntry, b: WorkflowEntry) => number {
  const sign = direction === "ascending" ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return byNameThenId(a, b);
    }
    return sign * compareValues(x, y, key) || byNameThenId(a, b);
  };
}
