// A resize handle dragged with the pointer: the handle captures the pointer and is marked
// "dragging" until it is let go, and each move is passed on.
import type { PointerEvent } from "react";

/** From the handle's pointerdown: calls `onMove` with each pointermove until the pointer is released. */
export function followPointer(
  event: PointerEvent<HTMLElement>,
  onMove: (move: globalThis.PointerEvent) => void,
): void {
  const handle = event.currentTarget;
  handle.setPointerCapture(event.pointerId);
  handle.classList.add("dragging");
  const end = () => {
    handle.classList.remove("dragging");
    handle.removeEventListener("pointermove", onMove);
    handle.removeEventListener("pointerup", end);
    handle.removeEventListener("pointercancel", end);
  };
  handle.addEventListener("pointermove", onMove);
  handle.addEventListener("pointerup", end);
  handle.addEventListener("pointercancel", end);
}
