import type { ReactNode } from "react";
import { type InsertionPoint, insertionPointId } from "../../../shared/flow";
import { useDnd } from "./dnd";

/**
 * A place a step can be dropped (a "+" on an edge, a tail, an empty branch). It highlights while a
 * drag hovers it, green when the drop is allowed and red with the reason when not; clicking it opens
 * the step picker for people who do not drag.
 */
export function DropTarget({
  point,
  className,
  label,
  onPick,
  children,
}: {
  point: InsertionPoint;
  className: string;
  label: string;
  onPick: (point: InsertionPoint, anchor: DOMRect) => void;
  children: ReactNode;
}) {
  const pointId = insertionPointId(point);
  const hover = useDnd((s) => (s.hover?.pointId === pointId ? s.hover : undefined));
  const dragging = useDnd((s) => s.dragging !== undefined);
  const classes = [className, "nodrag", "nopan"];
  if (dragging) classes.push("drop-armed");
  if (hover) classes.push(hover.ok ? "drop-ok" : "drop-refused");
  return (
    <button
      type="button"
      className={classes.join(" ")}
      data-drop-point={pointId}
      data-testid="drop-target"
      aria-label={label}
      title={hover && !hover.ok ? hover.reason : label}
      onClick={(event) => {
        event.stopPropagation();
        onPick(point, event.currentTarget.getBoundingClientRect());
      }}
    >
      {children}
    </button>
  );
}
