import { describe, expect, it } from "vitest";
import type { JsonValue } from "../json";
import { evaluateCondition } from "./condition";
import { makeContext } from "./test-support/helpers";

describe("evaluateCondition", () => {
  const context = makeContext();
  it.each([
    ["@equals(1, 1)", true],
    ["@greater(triggerBody()?['amount'], 10000)", true],
    [{ equals: ["@outputs('Start_and_wait_for_an_approval')?['body/outcome']", "Approve"] }, true],
    [{ and: [{ equals: [1, 1] }, { greater: ["@triggerBody()?['amount']", 20000] }] }, false],
    [{ or: [{ equals: [1, 2] }, { contains: ["@triggerBody()?['No']", "S-"] }] }, true],
    [{ not: { equals: ["@variables('name')", "Sophia Owen"] } }, false],
    [{ and: [{ not: { equals: ["@variables('empty')", ""] } }] }, false],
    [{ lessOrEquals: ["@variables('numItems')", 20] }, true],
    [{ startsWith: ["@{triggerBody()?['customer']?['city']}", "par"] }, true],
  ] as [JsonValue, boolean][])("%j is %s", (condition, expected) => {
    expect(evaluateCondition(condition, context)).toBe(expected);
  });

  it("refuses a condition that is not a boolean", () => {
    expect(() => evaluateCondition("@variables('name')", context)).toThrow(
      "a condition must produce a boolean, not a string",
    );
    expect(() => evaluateCondition({ equals: [1] }, context)).toThrow(
      "'equals' expects 2 arguments but got 1",
    );
  });
});
