import { describe, expect, it } from "vitest";
import { isFiltered, readWorkflowView, workflowListPath } from "./list-view";

describe("the workflow list's view in its address", () => {
  it("reads back what it writes, so Back from a flow shows the same rows", () => {
    const view = { kind: "scheduled", status: "enabled", q: "weekly ", forPage: "vendors", page: 3 } as const;
    const path = workflowListPath(view);
    expect(path).toBe("/workflows?page=vendors&kind=scheduled&status=enabled&q=weekly+&p=3");
    expect(readWorkflowView(path.slice("/workflows?".length))).toEqual(view);
  });

  it("writes nothing for the default view", () => {
    const view = readWorkflowView("");
    expect(view).toEqual({ kind: "", status: "", q: "", forPage: "", page: 1 });
    expect(workflowListPath(view)).toBe("/workflows");
    expect(isFiltered(view)).toBe(false);
  });

  it("drops what it does not know instead of failing on an old or edited link", () => {
    expect(readWorkflowView("kind=manual&status=on&p=-2&q=a%26b")).toEqual({
      kind: "",
      status: "",
      q: "a&b",
      forPage: "",
      page: 1,
    });
    expect(readWorkflowView("p=1.5").page).toBe(1);
  });

  it("counts a search of spaces as no filter, and a page of flows as one", () => {
    expect(isFiltered({ ...readWorkflowView(""), q: "  " })).toBe(false);
    expect(isFiltered(readWorkflowView("page=vendors"))).toBe(true);
  });
});
