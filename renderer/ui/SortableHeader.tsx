import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

/** A column header that sorts its table: a button inside the th, which carries aria-sort. */
export function SortableHeader({
  label,
  direction,
  onSort,
}: {
  label: string;
  /** This column's order, or undefined when the table is sorted by another one. */
  direction: "ascending" | "descending" | undefined;
  onSort: () => void;
}) {
  const Icon = direction === "ascending" ? ArrowUp : direction === "descending" ? ArrowDown : ArrowUpDown;
  return (
    <th scope="col" aria-sort={direction ?? "none"}>
      <button type="button" className={direction ? "sort-button sorted" : "sort-button"} onClick={onSort}>
        {label}
        <Icon size={13} className="sort-icon" aria-hidden="true" />
      </button>
    </th>
  );
}
