// The order of My flows: by name, type or last change, either way, remembered between sessions.
import type { FlowKind, FlowSummary } from "../../shared/api";

export const FLOW_SORT_KEYS = ["name", "kind", "modified"] as const;
export type FlowSortKey = (typeof FLOW_SORT_KEYS)[number];
export interface FlowSort {
  key: FlowSortKey;
  direction: "ascending" | "descending";
}

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

/** A click on a column: that column ascending, or the other way when it is already the one. */
export function nextSort(current: FlowSort, key: FlowSortKey): FlowSort {
  if (current.key !== key) return { key, direction: key === "modified" ? "descending" : "ascending" };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

/** A stored sort, or the default when what is stored is missing or not one. */
export function parseFlowSort(text: string | null): FlowSort {
  if (!text) return DEFAULT_FLOW_SORT;
  try {
    const value = JSON.parse(text) as Partial<FlowSort>;
    if (
      FLOW_SORT_KEYS.includes(value.key as FlowSortKey) &&
      (value.direction === "ascending" || value.direction === "descending")
    )
      return { key: value.key as FlowSortKey, direction: value.direction };
  } catch {
    // Not JSON: the default, and the next choice overwrites it.
  }
  return DEFAULT_FLOW_SORT;
}
