// Ticking rows of a list to act on them together (Runs, the Workflow list): the ticked ids, a box
// per row and one in the header for every row shown, and the bar of what can be done to them.
import { X } from "lucide-react";
import { type ReactNode, useState } from "react";
import { t } from "../i18n";

const NONE: ReadonlySet<string> = new Set();

export interface RowSelection<T> {
  /** The ticked rows among those shown, in their order. */
  chosen: T[];
  isChosen: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Every row shown, or none when they all are. */
  toggleAll: () => void;
  allChosen: boolean;
  clear: () => void;
}

/** Ticks rows by id; `resetOn` (the list's filters) changing clears them: another list, another choice. */
export function useRowSelection<T extends { id: string }>(
  rows: readonly T[] | undefined,
  resetOn: unknown,
): RowSelection<T> {
  // The ticks belong to the `resetOn` they were made under: under another, none is ticked.
  const [picked, setPicked] = useState<{ under: unknown; ids: ReadonlySet<string> }>({
    under: resetOn,
    ids: NONE,
  });
  const ids = Object.is(picked.under, resetOn) ? picked.ids : NONE;
  const setIds = (next: ReadonlySet<string>) => setPicked({ under: resetOn, ids: next });
  const shown = rows ?? [];
  const chosen = shown.filter((row) => ids.has(row.id));
  const allChosen = shown.length > 0 && chosen.length === shown.length;
  return {
    chosen,
    isChosen: (id) => ids.has(id),
    toggle: (id) => {
      const next = new Set(ids);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setIds(next);
    },
    toggleAll: () => setIds(allChosen ? NONE : new Set(shown.map((row) => row.id))),
    allChosen,
    clear: () => setIds(NONE),
  };
}

/** The header's box: every row shown; half-ticked when only some are. */
export function SelectAllBox({ selection, label }: { selection: RowSelection<unknown>; label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={selection.allChosen}
      ref={(box) => {
        if (box) box.indeterminate = selection.chosen.length > 0 && !selection.allChosen;
      }}
      onChange={selection.toggleAll}
    />
  );
}

/** What can be done to the ticked rows, above the list while any is ticked. */
export function SelectionBar({
  label,
  count,
  onClear,
  children,
}: {
  /** The bar's name for assistive technology ("Selected runs"). */
  label: string;
  /** "2 runs selected". */
  count: string;
  onClear: () => void;
  children: ReactNode;
}) {
  return (
    <section className="selection-bar" aria-label={label}>
      <strong>{count}</strong>
      {children}
      <button type="button" className="button" onClick={onClear}>
        <X size={14} aria-hidden="true" /> {t("common.clearSelection")}
      </button>
    </section>
  );
}
