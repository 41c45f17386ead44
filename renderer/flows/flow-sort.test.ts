import { describe, expect, it } from "vitest";
import type { FlowSummary } from "../../shared/api";
import { nextSort, parseSort } from "../ui/sort-state";
import { DEFAULT_FLOW_SORT, FLOW_SORT_KEYS, sortFlows } from "./flow-sort";

const flow = (name: string, kind: FlowSummary["kind"], updatedAt: string): FlowSummary =>
  ({ id: name, name, kind, updatedAt }) as FlowSummary;

const flows = [
  flow("invoice approval 10", "automated", "2026-11-20T10:00:00.000Z"),
  flow("Block vendor payments", "instant", "2026-11-22T10:00:00.000Z"),
  flow("invoice approval 9", "automated", "2026-11-21T10:00:00.000Z"),
  flow("Weekly overdue customers", "scheduled", "2026-11-19T10:00:00.000Z"),
];
const names = (list: FlowSummary[]) => list.map((f) => f.name);

describe("the order of My flows", () => {
  it("opens newest change first", () => {
    expect(names(sortFlows(flows, DEFAULT_FLOW_SORT))).toEqual([
      "Block vendor payments",
      "invoice approval 9",
      "invoice approval 10",
      "Weekly overdue customers",
    ]);
  });

  it("sorts names as people read them: any case, numbers by value", () => {
    expect(names(sortFlows(flows, { key: "name", direction: "ascending" }))).toEqual([
      "Block vendor payments",
      "invoice approval 9",
      "invoice approval 10",
      "Weekly overdue customers",
    ]);
  });

  it("groups by type (automated, scheduled, instant), by name within a type", () => {
    expect(names(sortFlows(flows, { key: "kind", direction: "ascending" }))).toEqual([
      "invoice approval 9",
      "invoice approval 10",
      "Weekly overdue customers",
      "Block vendor payments",
    ]);
  });

  it("a click on the sorted column turns it round; on another column starts that one", () => {
    const byName = nextSort(DEFAULT_FLOW_SORT, "name", ["modified"]);
    expect(byName).toEqual({ key: "name", direction: "ascending" });
    expect(nextSort(byName, "name", ["modified"])).toEqual({ key: "name", direction: "descending" });
    // Dates read newest first.
    expect(nextSort(byName, "modified", ["modified"])).toEqual({ key: "modified", direction: "descending" });
  });

  it("reads back what it stored, and falls back to the default on anything else", () => {
    const parse = (text: string | null) => parseSort(text, FLOW_SORT_KEYS, DEFAULT_FLOW_SORT);
    expect(parse(JSON.stringify({ key: "kind", direction: "descending" }))).toEqual({
      key: "kind",
      direction: "descending",
    });
    for (const stored of [null, "", "{", JSON.stringify({ key: "owner", direction: "ascending" })])
      expect(parse(stored)).toEqual(DEFAULT_FLOW_SORT);
  });
});
