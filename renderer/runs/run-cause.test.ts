import { describe, expect, it } from "vitest";
import type { StepRecord } from "../../shared/api";
import { failureCause, finalAttempts } from "./run-cause";

const attempt = (
  path: string,
  n: number,
  status: StepRecord["status"],
  code?: string,
): Pick<StepRecord, "path" | "attempt" | "status" | "error"> => ({
  path,
  attempt: n,
  status,
  error:
    code === undefined ? null : ({ code, message: `${path} attempt ${n}: ${code}` } as StepRecord["error"]),
});

describe("the step a failed run opens on", () => {
  it("is the last attempt of a step retried until it gave up, not its first", () => {
    const steps = [
      attempt("Notify", 1, "Failed", "ServiceUnavailable"),
      attempt("Notify", 2, "Failed", "ServiceUnavailable"),
      attempt("Notify", 3, "Failed", "BadGateway"),
    ];
    expect(failureCause(steps)?.attempt).toBe(3);
  });

  it("skips a step retried into success, and a scope that failed because of its contents", () => {
    const steps = [
      attempt("Get_vendor", 1, "Failed", "ServiceUnavailable"),
      attempt("Get_vendor", 2, "Succeeded"),
      attempt("Try", 1, "Failed", "ActionFailed"),
      attempt("Try/Share", 1, "Failed", "NotFound"),
    ];
    expect(failureCause(steps)?.path).toBe("Try/Share");
    expect(finalAttempts(steps).map((s) => `${s.path}#${s.attempt}`)).toEqual([
      "Get_vendor#2",
      "Try#1",
      "Try/Share#1",
    ]);
  });

  it("is none when nothing failed for good", () => {
    expect(
      failureCause([attempt("A", 1, "Failed", "Timeout"), attempt("A", 2, "Succeeded")]),
    ).toBeUndefined();
  });
});
