import { describe, expect, it } from "vitest";
import { triggerTitle } from "./trigger-title";

describe("what starts a flow, as My flows says it", () => {
  it("names a connector's trigger by its title, even when its WDL type is a Request", () => {
    expect(
      triggerTitle({
        triggerName: "For_a_selected_record_(V3)",
        triggerType: "Request",
        triggerOperationId: "ForASelectedRecordV3",
      }),
    ).toBe("For a selected record (V3)");
  });

  it("says Recurrence and manual triggers in words, and falls back to the trigger's name", () => {
    expect(triggerTitle({ triggerName: "Recurrence", triggerType: "Recurrence" })).toBe("Recurrence");
    expect(triggerTitle({ triggerName: "manual", triggerType: "Request" })).toBe("Manually trigger a flow");
    expect(
      triggerTitle({
        triggerName: "When_something_custom",
        triggerType: "OpenApiConnection",
        triggerOperationId: "nope",
      }),
    ).toBe("When something custom");
  });
});
