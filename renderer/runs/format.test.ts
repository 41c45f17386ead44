import { describe, expect, it } from "vitest";
import { formatDuration, iterationLabel } from "./format";

describe("how the run panel words a run", () => {
  it("counts loop iterations from 1, names loops as people read them, and nests them", () => {
    expect(iterationLabel("Apply_to_each[0]")).toBe("Apply to each #1");
    expect(iterationLabel("Apply_to_each[4]/Lines[11]")).toBe("Apply to each #5 › Lines #12");
    expect(iterationLabel("odd name")).toBe("odd name");
  });

  it("gives durations in the unit that reads best", () => {
    expect([
      formatDuration(null),
      formatDuration(12.4),
      formatDuration(4_200),
      formatDuration(75_000),
    ]).toEqual(["—", "12 ms", "4.2 s", "1 min 15 s"]);
  });
});
