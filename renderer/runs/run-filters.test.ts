import { describe, expect, it } from "vitest";
import { filtersFromQuery } from "./run-filters";

describe("the Runs page's filters from its address's query", () => {
  it("reads the flow, the kind of run and the statuses", () => {
    expect(filtersFromQuery("flow=f1&mode=published&status=Failed,Cancelled")).toEqual({
      flowId: "f1",
      mode: "published",
      statuses: ["Failed", "Cancelled"],
      from: "",
      to: "",
    });
  });

  it("leaves out what it does not know, and filters nothing without a query", () => {
    expect(filtersFromQuery("mode=everything&status=Failed,Exploded")).toMatchObject({
      mode: "",
      statuses: ["Failed"],
    });
    expect(filtersFromQuery("")).toEqual({ flowId: "", mode: "", statuses: [], from: "", to: "" });
  });
});
