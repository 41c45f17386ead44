import { describe, expect, it } from "vitest";
import {
  clampRunPanelHeight,
  maxRunPanelHeight,
  parseRunPanelSize,
  RUN_PANEL_HEIGHT,
} from "./run-panel-size";

describe("the run panel's height", () => {
  it("stays above its minimum and leaves the canvas its share of the room", () => {
    expect(clampRunPanelHeight(40)).toBe(RUN_PANEL_HEIGHT.min);
    expect(clampRunPanelHeight(410.4)).toBe(410);
    expect(maxRunPanelHeight(1000)).toBe(700);
    expect(clampRunPanelHeight(900, 1000)).toBe(700);
    expect(clampRunPanelHeight(500, 1000)).toBe(500);
    // A window too short for the canvas's share still leaves the panel usable.
    expect(maxRunPanelHeight(150)).toBe(RUN_PANEL_HEIGHT.min);
    expect(clampRunPanelHeight(400, 150)).toBe(RUN_PANEL_HEIGHT.min);
  });

  it("is read back with whether it was folded, and falls back to the first size", () => {
    expect(parseRunPanelSize(JSON.stringify({ height: 480, collapsed: true }))).toEqual({
      height: 480,
      collapsed: true,
    });
    expect(parseRunPanelSize(JSON.stringify({ height: 12, collapsed: "yes" }))).toEqual({
      height: RUN_PANEL_HEIGHT.min,
      collapsed: false,
    });
    for (const stored of [null, "", "{", "null", "[1]"])
      expect(parseRunPanelSize(stored)).toEqual({ height: RUN_PANEL_HEIGHT.initial, collapsed: false });
  });
});
