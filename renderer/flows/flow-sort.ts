// The order of My flows: by name, type or last change, either way.
import type { FlowKind, FlowSummary } from "../../shared/api";
import type { SortState } from "../ui/sort-state";

export const FLOW_SORT_KEYS = ["name", "kind", "modified"] as const;
export type FlowSortKey = (typeof FLOW_SORT_KEYS)[number];
export type FlowSort = SortState<FlowSortKey>;

/** Newest change first, as the list has always opened. */
export const DEFAULT_FLOW_SORT: FlowSort = { key: "modified", direction: "descending" };

const KIND_ORDER: Record<FlowKind, number> = { automated: 0, scheduled: 1, instant: 2 };
const byName = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function compare(a: FlowSummary, b: FlowSummary, key: FlowSortKey): number {
  switch (key) {
    case "name":
      return byName.compare(a.name, b.name);
    case "kind":
      return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byName.compare(a.name, b.name);
    case "modified":
      // Ties keep the store's order (the sort is stable).
      return a.updatedAt.localeCompare(b.updatedAt);
  }
}

export function sortFlows(flows: readonly FlowSummary[], sort: FlowSort): FlowSummary[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...flows].sort((a, b) => sign * compare(a, b, sort.key));
}
