import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../flow";
import { compose, flow, ofRule } from "../test-support/flows";

const mocked = (options: string, name = "Note0"): WdlAction =>
  ({
    ...compose(1),
    runtimeConfiguration: { staticResult: { name, staticResultOptions: options } },
  }) as WdlAction;

describe("static-result", () => {
  it("warns of a step that returns its static result, and says when it names none", () => {
    const definition = {
      ...flow({ Note: mocked("Enabled"), Other: mocked("Enabled", "Gone0") }),
      staticResults: { Note0: { status: "Succeeded", outputs: 1 } },
    };
    expect(ofRule(definition, "static-result").map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      [
        "Other",
        "error",
        "The static result of “Other” cannot be used: the flow has no static result named “Gone0”.",
      ],
      [
        "Note",
        "warning",
        "“Note” returns its static result (Succeeded) instead of running: turn it off before you publish, or the published flow will not do this step.",
      ],
    ]);
  });

  it("is quiet when the static result is turned off", () => {
    const definition = {
      ...flow({ Note: mocked("Disabled") }),
      staticResults: { Note0: { status: "Succeeded" } },
    };
    expect(ofRule(definition, "static-result")).toEqual([]);
  });
});
