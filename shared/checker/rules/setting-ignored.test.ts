import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../flow";
import { compose, flow, ofRule } from "../test-support/flows";

describe("setting-ignored", () => {
  it("tells of a step's static result, which Flowsmith does not apply; a trigger's concurrency control it does", () => {
    const definition = flow({
      Mocked: {
        ...compose(1),
        runtimeConfiguration: { staticResult: { name: "Mocked0", staticResultOptions: "Enabled" } },
      } as WdlAction,
      Plain: compose(2),
    });
    const manual = definition.triggers?.manual;
    if (manual) manual.runtimeConfiguration = { concurrency: { runs: 1 } };
    expect(ofRule(definition, "setting-ignored").map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      [
        "Mocked",
        "warning",
        "“Mocked” has a static result (mocked outputs for testing in Power Automate); Flowsmith runs the step against the sandbox instead.",
      ],
    ]);
  });
});
