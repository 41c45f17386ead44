import { describe, expect, it } from "vitest";
import { canonicalResponse, completion } from "./approval-rules";

const A = "a@x.example";
const B = "b@x.example";
const C = "c@x.example";
const r = (approverEmail: string, response: string) => ({ approverEmail, response });

describe("completion rules", () => {
  it("Basic: the first response decides", () => {
    expect(completion("Basic", [A, B], [])).toEqual({ complete: false });
    expect(completion("Basic", [A, B], [r(B, "Reject")])).toEqual({ complete: true, outcome: "Reject" });
    expect(completion("Basic", [A, B], [r(A, "Approve")])).toEqual({ complete: true, outcome: "Approve" });
  });

  it("BasicAwaitAll: everyone must approve, and one reject ends it", () => {
    expect(completion("BasicAwaitAll", [A, B, C], [r(A, "Approve")])).toEqual({ complete: false });
    expect(completion("BasicAwaitAll", [A, B, C], [r(A, "Approve"), r(B, "Approve")])).toEqual({
      complete: false,
    });
    expect(
      completion("BasicAwaitAll", [A, B, C], [r(A, "Approve"), r(B, "Approve"), r(C, "Approve")]),
    ).toEqual({
      complete: true,
      outcome: "Approve",
    });
    expect(completion("BasicAwaitAll", [A, B, C], [r(A, "Approve"), r(B, "Reject")])).toEqual({
      complete: true,
      outcome: "Reject",
    });
  });

  it("CustomResponse: the first response is the outcome", () => {
    expect(completion("CustomResponse", [A, B], [r(B, "Later")])).toEqual({
      complete: true,
      outcome: "Later",
    });
  });

  it("CustomResponseAwaitAll: waits for all; the outcome lists them in assignee order", () => {
    expect(completion("CustomResponseAwaitAll", [A, B], [r(B, "Yes")])).toEqual({ complete: false });
    expect(completion("CustomResponseAwaitAll", [A, B], [r(B, "Yes"), r(A, "No")])).toEqual({
      complete: true,
      outcome: "No, Yes",
    });
  });

  it("matches responses case-insensitively to the offered spelling", () => {
    expect(canonicalResponse(["Approve", "Reject"], " approve ")).toBe("Approve");
    expect(canonicalResponse(["Approve", "Reject"], "Maybe")).toBeUndefined();
  });
});
