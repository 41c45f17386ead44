// A table's sort as people set it from its headers: which column, which way, kept in localStorage
// so the table opens as they left it.
import { useEffect, useState } from "react";
import type { SortDirection } from "../../shared/api";

export type { SortDirection };
export interface SortState<K extends string> {
  key: K;
  direction: SortDirection;
}

/**
 * A click on a column: the column the other way when it is already the one; otherwise that column,
 * ascending, or descending for the columns that read newest first (dates).
 */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  newestFirst: readonly K[] = [],
): SortState<K> {
  if (current.key !== key) return { key, direction: newestFirst.includes(key) ? "descending" : "ascending" };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

/** A stored sort, or the fallback when what is stored is missing or not one of these columns. */
export function parseSort<K extends string>(
  text: string | null,
  keys: readonly K[],
  fallback: SortState<K>,
): SortState<K> {
  if (!text) return fallback;
  try {
    const value = JSON.parse(text) as Partial<SortState<K>>;
    if (
      keys.includes(value.key as K) &&
      (value.direction === "ascending" || value.direction === "descending")
    )
      return { key: value.key as K, direction: value.direction };
  } catch {
    // Not JSON: the fallback, and the next choice overwrites it.
  }
  return fallback;
}

/** A table's sort as its headers use it: a header's click calls `sortBy`. */
export interface Sorting<K extends string> {
  sort: SortState<K>;
  sortBy: (key: K) => void;
  /** A column's order, or undefined when the table is sorted by another one. */
  directionOf: (key: K) => SortDirection | undefined;
}

/** The sort of one table, remembered under `storageKey`. */
export function useStoredSort<K extends string>(
  storageKey: string,
  keys: readonly K[],
  fallback: SortState<K>,
  newestFirst: readonly K[] = [],
): Sorting<K> {
  const [sort, setSort] = useState(() => parseSort(localStorage.getItem(storageKey), keys, fallback));
  useEffect(() => localStorage.setItem(storageKey, JSON.stringify(sort)), [storageKey, sort]);
  return {
    sort,
    sortBy: (key) => setSort((current) => nextSort(current, key, newestFirst)),
    directionOf: (key) => (sort.key === key ? sort.direction : undefined),
  };
}
