// The widths of the designer's side panels (the steps palette on the left, the properties on the
// right): set by dragging or with the keyboard on their edge, remembered between sessions, and never
// so wide that the canvas between them is squeezed out.
import { type CSSProperties, useCallback, useEffect, useState } from "react";

export type PanelSide = "palette" | "panel";

export const PANEL_LIMITS: Record<PanelSide, { min: number; max: number; initial: number }> = {
  palette: { min: 220, max: 440, initial: 280 },
  panel: { min: 340, max: 760, initial: 420 },
};

/** Room the canvas keeps between the panels, whatever their widths. */
export const MIN_CANVAS = 240;

export type PanelWidths = Record<PanelSide, number>;

const STORAGE_KEY = "flowsmith.designer.panelWidths";

/**
 * A width within the side's limits, and within what the window leaves once the other panel and the
 * canvas's minimum are taken (but never under the side's minimum).
 */
export function clampWidth(side: PanelSide, width: number, room = Number.POSITIVE_INFINITY): number {
  const { min, max } = PANEL_LIMITS[side];
  return Math.round(Math.max(min, Math.min(max, room, width)));
}

export function parseWidths(text: string | null): PanelWidths {
  const widths: PanelWidths = { palette: PANEL_LIMITS.palette.initial, panel: PANEL_LIMITS.panel.initial };
  if (!text) return widths;
  try {
    const stored = JSON.parse(text) as Partial<Record<PanelSide, unknown>>;
    for (const side of ["palette", "panel"] as const) {
      const value = stored[side];
      if (typeof value === "number" && Number.isFinite(value)) widths[side] = clampWidth(side, value);
    }
  } catch {
    // Not JSON: the initial widths, and the next change overwrites it.
  }
  return widths;
}

/** The widths as the CSS variables the designer's grid reads (designer.css). */
export function panelWidthStyle(widths: PanelWidths): CSSProperties {
  return { "--palette-width": `${widths.palette}px`, "--panel-width": `${widths.panel}px` } as CSSProperties;
}

export function usePanelWidths(): {
  widths: PanelWidths;
  setWidth: (side: PanelSide, width: number, room?: number) => void;
  reset: (side: PanelSide) => void;
} {
  const [widths, setWidths] = useState(() => parseWidths(localStorage.getItem(STORAGE_KEY)));
  useEffect(() => localStorage.setItem(STORAGE_KEY, JSON.stringify(widths)), [widths]);
  const setWidth = useCallback(
    (side: PanelSide, width: number, room?: number) =>
      setWidths((current) => ({ ...current, [side]: clampWidth(side, width, room) })),
    [],
  );
  const reset = useCallback(
    (side: PanelSide) => setWidths((current) => ({ ...current, [side]: PANEL_LIMITS[side].initial })),
    [],
  );
  return { widths, setWidth, reset };
}
