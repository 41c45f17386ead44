import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { Sorting } from "./sort-state";

/** A column header that sorts its table: a button inside the th, which carries aria-sort. */
export function SortableHeader<K extends string>({
  label,
  column,
  sorting,
  className,
}: {
  label: string;
  column: K;
  sorting: Sorting<K>;
  /** For the th (a column that folds away in a narrow window). */
  className?: string;
}) {
  const direction = sorting.directionOf(column);
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={direction ?? "none"} className={className}>
      <button
        type="button"
        className={direction ? "sort-button sorted" : "sort-button"}
        onClick={() => sorting.sortBy(column)}
      >
        {label}
        <Icon size={13} className="sort-icon" aria-hidden="true" />
      </button>
    </th>
  );
}
