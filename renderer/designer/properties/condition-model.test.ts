import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../../shared/json";
import { readCondition, writeCondition } from "./condition-model";

describe("condition builder model", () => {
  it("reads and writes Power Automate's condition objects unchanged", () => {
    const conditions: JsonObject[] = [
      { and: [{ equals: ["@outputs('Approval')?['body/outcome']", "Approve"] }] },
      {
        or: [
          { greater: ["@triggerBody()?['amount']", 10000] },
          { not: { contains: ["@triggerBody()?['tags']", "vip"] } },
        ],
      },
    ];
    for (const condition of conditions) {
      const model = readCondition(condition);
      expect(model).toBeDefined();
      if (model) expect(writeCondition(model)).toEqual(condition);
    }
  });

  it("offers one empty row for an empty condition", () => {
    expect(readCondition(undefined)?.rows).toEqual([{ left: "", operator: "equals", right: "" }]);
  });

  it("declines conditions it cannot show as rows (nested groups, expressions)", () => {
    expect(readCondition({ and: [{ or: [{ equals: [1, 1] }] }] })).toBeUndefined();
    expect(readCondition("@equals(1, 1)")).toBeUndefined();
  });
});
