// The height of the run panel under the designer's canvas, and whether it is folded to its header:
// set by dragging or with the keyboard on its top edge, remembered between sessions, and never so
// tall that the canvas above it is squeezed out.
import { useCallback, useEffect, useState } from "react";

export const RUN_PANEL_HEIGHT = { min: 160, initial: 320 };

/** The share of the room (the canvas and the panel together) the panel may take: the canvas keeps the rest. */
export const RUN_PANEL_MAX_SHARE = 0.7;

export interface RunPanelSize {
  height: number;
  collapsed: boolean;
}

const STORAGE_KEY = "flowsmith.runs.panelSize";

/** The tallest the panel may be in this much room; never under the minimum, so a tiny window still shows it. */
export function maxRunPanelHeight(room = Number.POSITIVE_INFINITY): number {
  return Math.max(RUN_PANEL_HEIGHT.min, Math.round(room * RUN_PANEL_MAX_SHARE));
}

export function clampRunPanelHeight(height: number, room = Number.POSITIVE_INFINITY): number {
  return Math.round(Math.max(RUN_PANEL_HEIGHT.min, Math.min(maxRunPanelHeight(room), height)));
}

export function parseRunPanelSize(text: string | null): RunPanelSize {
  const size: RunPanelSize = { height: RUN_PANEL_HEIGHT.initial, collapsed: false };
  if (!text) return size;
  try {
    const stored = JSON.parse(text) as Partial<Record<keyof RunPanelSize, unknown>> | null;
    const { height, collapsed } = stored ?? {};
    if (typeof height === "number" && Number.isFinite(height)) size.height = clampRunPanelHeight(height);
    if (typeof collapsed === "boolean") size.collapsed = collapsed;
  } catch {
    // Not JSON: the first size, and the next change overwrites it.
  }
  return size;
}

export function useRunPanelSize(): {
  size: RunPanelSize;
  /** room: the height the canvas and the panel share now. */
  setHeight: (height: number, room?: number) => void;
  reset: () => void;
  setCollapsed: (collapsed: boolean) => void;
} {
  const [size, setSize] = useState(() => parseRunPanelSize(localStorage.getItem(STORAGE_KEY)));
  useEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(size)), [size]);
  const setHeight = useCallback(
    (height: number, room?: number) =>
      setSize((current) => ({ ...current, height: clampRunPanelHeight(height, room) })),
    [],
  );
  const reset = useCallback(
    () => setSize((current) => ({ ...current, height: RUN_PANEL_HEIGHT.initial })),
    [],
  );
  const setCollapsed = useCallback(
    (collapsed: boolean) => setSize((current) => ({ ...current, collapsed })),
    [],
  );
  return { size, setHeight, reset, setCollapsed };
}
