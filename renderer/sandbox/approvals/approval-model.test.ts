import { describe, expect, it } from "vitest";
import type { SandboxApproval } from "../../../shared/api";
import {
  answeredCount,
  approverRows,
  selectedAfterLoad,
  shortTitle,
  waitsForEveryone,
} from "./approval-model";

const ALICIA = "alicia.thornton@cronus-demo.example";
const GRACE = "grace.okafor@cronus-demo.example";
const VICTOR = "victor.almeida@cronus-demo.example";

function approval(patch: Partial<SandboxApproval>): SandboxApproval {
  return {
    id: "a1",
    type: "BasicAwaitAll",
    title: "Approve PI-1001",
    details: "",
    requestor: "daniel.reyes@cronus-demo.example",
    assignedTo: [ALICIA, GRACE, VICTOR],
    responseOptions: ["Approve", "Reject"],
    status: "Pending",
    outcome: null,
    createdAt: "2026-01-05T08:00:00.000Z",
    completedAt: null,
    responses: [],
    ...patch,
  };
}

const answer = (email: string, response: string, comments = "") => ({
  approverEmail: email,
  approverName: email,
  response,
  comments,
  respondedAt: "2026-01-05T09:00:00.000Z",
});

describe("approverRows", () => {
  it("marks who approved, who rejected and who is still waited on, in the order they were asked", () => {
    const rows = approverRows(
      approval({
        responses: [answer(VICTOR, "Reject", "Too much"), answer(ALICIA.toUpperCase(), "Approve")],
      }),
    );
    expect(rows.map((r) => [r.email, r.state, r.response, r.comments])).toEqual([
      [ALICIA, "approved", "Approve", ""],
      [GRACE, "waiting", undefined, ""],
      [VICTOR, "rejected", "Reject", "Too much"],
    ]);
    expect(rows[0]?.respondedAt).toBe("2026-01-05T09:00:00.000Z");
  });

  it("says a custom answer as given, and that nobody waits once the request is closed", () => {
    const rows = approverRows(
      approval({
        type: "CustomResponse",
        status: "Completed",
        outcome: "Pay later",
        responseOptions: ["Pay now", "Pay later"],
        responses: [answer(GRACE, "Pay later")],
      }),
    );
    expect(rows.map((r) => [r.state, r.response])).toEqual([
      ["none", undefined],
      ["answered", "Pay later"],
      ["none", undefined],
    ]);
  });
});

describe("answeredCount and waitsForEveryone", () => {
  it("count the approvers who answered", () => {
    expect(answeredCount(approval({ responses: [answer(GRACE, "Approve")] }))).toEqual({
      answered: 1,
      total: 3,
    });
    expect(waitsForEveryone("BasicAwaitAll")).toBe(true);
    expect(waitsForEveryone("CustomResponseAwaitAll")).toBe(true);
    expect(waitsForEveryone("Basic")).toBe(false);
  });
});

describe("selectedAfterLoad", () => {
  const items = [{ id: "new" }, { id: "old" }];
  it("opens the newest request when the address names none", () => {
    expect(selectedAfterLoad(undefined, items, false)).toBe("new");
    expect(selectedAfterLoad(undefined, [], false)).toBeUndefined();
  });

  it("keeps the one in the address, even once it has left the list (just answered)", () => {
    expect(selectedAfterLoad("old", items, false)).toBe("old");
    expect(selectedAfterLoad("answered", items, false)).toBe("answered");
  });

  it("after a change of person, keeps it only if their list has it", () => {
    expect(selectedAfterLoad("old", items, true)).toBe("old");
    expect(selectedAfterLoad("someone-else's", items, true)).toBe("new");
    expect(selectedAfterLoad("someone-else's", [], true)).toBeUndefined();
  });
});

describe("shortTitle", () => {
  it("keeps short titles and cuts long ones at a word", () => {
    expect(shortTitle("Approve PI-1001")).toBe("Approve PI-1001");
    expect(
      shortTitle(
        "Approve purchase invoice PI-1001 from Birch Logistics Co. for 13,235.11 USD — quarterly racking",
      ),
    ).toBe("Approve purchase invoice PI-1001 from Birch…");
    expect(shortTitle("x".repeat(60), 10)).toBe("xxxxxxxxx…");
  });
});
