import { describe, expect, it } from "vitest";
import { filtersFromAddress } from "./run-filters";

describe("the Runs page's filters from its address", () => {
  it("reads the flow, the kind of run and the statuses", () => {
    expect(filtersFromAddress("#/runs?flow=f1&mode=published&status=Failed,Cancelled")).toEqual({
      flowId: "f1",
      mode: "published",
      statuses: ["Failed", "Cancelled"],
      from: "",
      to: "",
    });
  });

  it("leaves out what it does not know, and filters nothing without a query", () => {
    expect(filtersFromAddress("#/runs?mode=everything&status=Failed,Exploded")).toMatchObject({
      mode: "",
      statuses: ["Failed"],
    });
    expect(filtersFromAddress("#/runs")).toEqual({ flowId: "", mode: "", statuses: [], from: "", to: "" });
  });
});
