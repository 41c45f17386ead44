import { describe, expect, it } from "vitest";
import { type BarItem, overflowingActions } from "./action-overflow";

const room = { available: 500, gap: 10, moreWidth: 80, trailingWidth: 100 };
const item = (width: number, disabled = false, keep = false): BarItem => ({ width, disabled, keep });

describe("overflowingActions", () => {
  it("moves nothing when all fit, More not needed", () => {
    // 3 × 100 + 100 trailing + 3 gaps = 430.
    expect(overflowingActions([item(100), item(100), item(100)], room)).toEqual([]);
    expect(overflowingActions([item(130), item(130), item(110)], room)).toEqual([]); // exactly 500
  });

  it("moves disabled actions first, the rightmost of them first", () => {
    // 5 × 100 + 100 + 5 gaps = 650: too wide. With More: shown + 80 + 100 + gaps.
    const items = [item(100), item(100, true), item(100), item(100, true), item(100)];
    // Without #3: 400 + 80 + 100 + 5 gaps = 630; without #1 too: 520; then #4, enabled: 410.
    expect(overflowingActions(items, room)).toEqual([1, 3, 4]);
    expect(overflowingActions(items, { ...room, available: 520 })).toEqual([1, 3]);
  });

  it("then enabled ones from the right, never a kept one", () => {
    const items = [item(100), item(100), item(100, false, true), item(100)];
    // All: 400 + 100 + 4 gaps = 540. Without #3: 300 + 80 + 100 + 40 = 520; without #1 too: 410.
    expect(overflowingActions(items, room)).toEqual([1, 3]);
  });

  it("moves all it may when even then the bar is too narrow", () => {
    const items = [item(300, false, true), item(300)];
    expect(overflowingActions(items, { ...room, available: 200 })).toEqual([1]);
  });

  it("counts no trailing part when there is none", () => {
    expect(overflowingActions([item(245), item(245)], { ...room, trailingWidth: 0 })).toEqual([]);
  });
});
