// Remembering the window: size and position are saved, and restored only where they still fit
// on a connected display (a laptop unplugged from its second screen must not open off-screen).
import type { WindowState } from "../../shared/api";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW = { width: 1280, height: 800 } as const;
/** How much of the title bar must be visible on some display for saved bounds to be reused. */
const MIN_VISIBLE = 80;

export function restoreWindowBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
): WindowBounds & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW };
  const clampToPrimary = (width: number, height: number) => ({
    width: Math.min(width, primary.width),
    height: Math.min(height, primary.height),
  });
  if (!saved) return { ...clampToPrimary(DEFAULT_WINDOW.width, DEFAULT_WINDOW.height), maximized: false };
  if (saved.x === undefined || saved.y === undefined) {
    return { ...clampToPrimary(saved.width, saved.height), maximized: saved.maximized };
  }
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 32 };
  const visible = workAreas.some((area) => overlap(titleBar, area) >= MIN_VISIBLE);
  if (!visible) return { ...clampToPrimary(saved.width, saved.height), maximized: saved.maximized };
  return { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized };
}

/** Width of the horizontal overlap, when the rectangles overlap vertically at all. */
function overlap(a: Rect, b: Rect): number {
  const vertical = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (vertical <= 0) return 0;
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
}

export function captureWindowState(bounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(200, Math.round(bounds.width)),
    height: Math.max(200, Math.round(bounds.height)),
    maximized,
  };
}
