import { describe, expect, it } from "vitest";
import { readDesignerData } from "./designer-data";

describe("readDesignerData", () => {
  it("keeps every note it can read when one cannot be (a note saved without a position)", () => {
    const good = { id: "a", text: "Ask Finance", x: 10, y: 20, color: "blue" };
    const data = readDesignerData({
      notes: [good, { id: "b", text: "lost", x: null, y: null }, "junk"],
      collapsed: ["Condition", 3],
    });
    expect(data).toEqual({ notes: [good], collapsed: ["Condition"] });
  });

  it("reads nothing saved, or something that is not designer data, as empty", () => {
    expect(readDesignerData(undefined)).toEqual({ notes: [], collapsed: [] });
    expect(readDesignerData("notes")).toEqual({ notes: [], collapsed: [] });
  });
});
