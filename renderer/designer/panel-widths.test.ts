import { describe, expect, it } from "vitest";
import { clampWidth, PANEL_LIMITS, parseWidths } from "./panel-widths";

describe("the designer's side panel widths", () => {
  it("stay within each panel's limits, and within the room the window leaves", () => {
    expect(clampWidth("panel", 100)).toBe(PANEL_LIMITS.panel.min);
    expect(clampWidth("panel", 5_000)).toBe(PANEL_LIMITS.panel.max);
    expect(clampWidth("palette", 301.6)).toBe(302);
    expect(clampWidth("panel", 600, 500)).toBe(500);
    // A window too small for the canvas's room still leaves the panel usable.
    expect(clampWidth("panel", 600, 100)).toBe(PANEL_LIMITS.panel.min);
  });

  it("read back what was stored, each side on its own, and fall back to the first widths", () => {
    expect(parseWidths(JSON.stringify({ palette: 300, panel: 520 }))).toEqual({ palette: 300, panel: 520 });
    expect(parseWidths(JSON.stringify({ panel: 99_999, palette: "wide" }))).toEqual({
      palette: PANEL_LIMITS.palette.initial,
      panel: PANEL_LIMITS.panel.max,
    });
    for (const stored of [null, "", "{"])
      expect(parseWidths(stored)).toEqual({
        palette: PANEL_LIMITS.palette.initial,
        panel: PANEL_LIMITS.panel.initial,
      });
  });
});
