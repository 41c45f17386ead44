import { describe, expect, it } from "vitest";
import { scrollEdges } from "./scroll-edges";

describe("scrollEdges", () => {
  it("says on which side content is hidden", () => {
    expect(scrollEdges({ scrollLeft: 0, scrollWidth: 500, clientWidth: 500 })).toEqual({
      before: false,
      after: false,
    });
    expect(scrollEdges({ scrollLeft: 0, scrollWidth: 900, clientWidth: 500 })).toEqual({
      before: false,
      after: true,
    });
    expect(scrollEdges({ scrollLeft: 200, scrollWidth: 900, clientWidth: 500 })).toEqual({
      before: true,
      after: true,
    });
    // Scrolled to the end, give or take a zoomed pixel.
    expect(scrollEdges({ scrollLeft: 399.5, scrollWidth: 900, clientWidth: 500 })).toEqual({
      before: true,
      after: false,
    });
  });
});
