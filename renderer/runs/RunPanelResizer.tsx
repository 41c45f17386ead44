import { type KeyboardEvent, type PointerEvent, type RefObject, useLayoutEffect, useState } from "react";
import { t } from "../i18n";
import { followPointer } from "../ui/follow-pointer";
import { clampRunPanelHeight, maxRunPanelHeight, RUN_PANEL_HEIGHT } from "./run-panel-size";

const STEP = 16;
const BIG_STEP = 64;

/**
 * The height the panel shares with what stands above it (its parent: the canvas's column), followed
 * as the window changes, so the panel's limits follow it too.
 */
export function useRoom(panel: RefObject<HTMLElement | null>, enabled: boolean): number | undefined {
  const [room, setRoom] = useState<number>();
  useLayoutEffect(() => {
    const parent = panel.current?.parentElement;
    if (!enabled || !parent) return;
    const measure = () => setRoom(parent.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(parent);
    return () => observer.disconnect();
  }, [panel, enabled]);
  return room;
}

/**
 * The run panel's top edge: drag it, or focus it and use the up and down arrows (Shift or Page Up /
 * Page Down for bigger steps, Home and End for the lowest and tallest), to change the panel's
 * height; a double-click puts back the first height. A window splitter (role="separator").
 */
export function RunPanelResizer({
  height,
  room,
  onResize,
  onReset,
}: {
  /** The height shown, already within the room's limits. */
  height: number;
  room: number | undefined;
  onResize: (height: number, room: number | undefined) => void;
  onReset: () => void;
}) {
  const max = maxRunPanelHeight(room);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const panel = event.currentTarget.parentElement;
    if (!panel) return;
    event.preventDefault();
    // The panel sits at the bottom of its column: its bottom stays put while its top follows the pointer.
    const bottom = panel.getBoundingClientRect().bottom;
    followPointer(event, (e) => onResize(bottom - e.clientY, room));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    // The edge is on top: up makes the panel taller.
    const targets: Record<string, number> = {
      ArrowUp: height + step,
      ArrowDown: height - step,
      PageUp: height + BIG_STEP,
      PageDown: height - BIG_STEP,
      Home: RUN_PANEL_HEIGHT.min,
      End: max,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(clampRunPanelHeight(next, room), room);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable window splitter is role="separator" (WAI-ARIA), there is no element for it
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={t("runs.resizePanel")}
      aria-valuemin={RUN_PANEL_HEIGHT.min}
      aria-valuemax={max}
      aria-valuenow={height}
      tabIndex={0}
      className="run-panel-resizer"
      title={t("runs.resizePanel.hint")}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={onReset}
      data-testid="resize-run-panel"
    />
  );
}
