import { describe, expect, it } from "vitest";
import { filtersFromQuery, flowChoices, queryOfFilters } from "./run-filters";

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
    expect(filtersFromQuery("from=yesterday&to=2026-13-45")).toMatchObject({ from: "", to: "" });
  });

  it("writes the query that reads back the same filters, so Back from a run keeps them", () => {
    const filters = {
      flowId: "f1",
      mode: "test",
      statuses: ["Failed", "Waiting"],
      from: "2026-11-01",
      to: "2026-11-24",
    } as const;
    const query = queryOfFilters({ ...filters, statuses: [...filters.statuses] });
    expect(query).toBe("flow=f1&mode=test&status=Failed%2CWaiting&from=2026-11-01&to=2026-11-24");
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(queryOfFilters(filtersFromQuery(""))).toBe("");
  });
});

describe("the Flow filter's choices", () => {
  const describeFlow = (flow: { kind: string; createdAt: string }) => `${flow.kind}, ${flow.createdAt}`;
  it("lists flows by name, and tells apart those that share one", () => {
    const choices = flowChoices(
      [
        { id: "b", name: "Invoice approval", kind: "automated", createdAt: "Nov 3" },
        { id: "a", name: "Alerts", kind: "scheduled", createdAt: "Nov 1" },
        { id: "c", name: "invoice approval", kind: "instant", createdAt: "Nov 9" },
      ],
      describeFlow,
    );
    expect(choices).toEqual([
      { id: "a", label: "Alerts" },
      { id: "b", label: "Invoice approval (automated, Nov 3)" },
      { id: "c", label: "invoice approval (instant, Nov 9)" },
    ]);
    // Made the same minute, of the same kind: numbered.
    const twins = flowChoices(
      [
        { id: "x", name: "Copy", kind: "instant", createdAt: "Nov 9" },
        { id: "y", name: "Copy", kind: "instant", createdAt: "Nov 9" },
      ],
      describeFlow,
    );
    expect(twins.map((c) => c.label)).toEqual(["Copy (instant, Nov 9)", "Copy (instant, Nov 9) #2"]);
  });
});
