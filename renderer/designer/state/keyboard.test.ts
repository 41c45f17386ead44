import { describe, expect, it } from "vitest";
import { nearestCard } from "./keyboard";

const card = (id: string, x: number, y: number) => ({ id, x, y, width: 300, height: 64 });

describe("arrow-key navigation", () => {
  // trigger above a condition whose two branches sit side by side, then a final step below
  const cards = [
    card("trigger", 200, 0),
    card("cond", 200, 120),
    card("yes", 0, 260),
    card("no", 400, 260),
    card("end", 200, 420),
  ];

  it("goes down the flow and into the nearest branch", () => {
    expect(nearestCard(cards, "trigger", "down")).toBe("cond");
    expect(["yes", "no"]).toContain(nearestCard(cards, "cond", "down"));
    expect(nearestCard(cards, "yes", "down")).toBe("end");
  });

  it("moves across branches with left and right", () => {
    expect(nearestCard(cards, "yes", "right")).toBe("no");
    expect(nearestCard(cards, "no", "left")).toBe("yes");
    expect(nearestCard(cards, "no", "right")).toBeUndefined();
  });

  it("starts at the first card when nothing is selected", () => {
    expect(nearestCard(cards, undefined, "down")).toBe("trigger");
  });
});
