import { describe, expect, it } from "vitest";
import { pathOf, queryOf } from "./hash-location";

describe("addresses in the hash, query included", () => {
  it("splits the path from the query", () => {
    expect(pathOf("#/workflows?page=vendors")).toBe("/workflows");
    expect(queryOf("#/workflows?page=vendors")).toBe("page=vendors");
    expect(pathOf("#/runs/r-1")).toBe("/runs/r-1");
    expect(queryOf("#/runs/r-1")).toBe("");
  });

  it("reads an empty or slash-less hash as the root", () => {
    expect(pathOf("")).toBe("/");
    expect(pathOf("#flows")).toBe("/flows");
  });
});
