import { describe, expect, it } from "vitest";
import type { WdlAction } from "../../flow";
import { compose, flow, ofRule } from "../test-support/flows";

describe("setting-ignored", () => {
  it("tells of a trigger's concurrency control and a step's static result, which Flowsmith does not apply", () => {
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
        "#trigger/manual",
        "warning",
        "“manual” allows 1 run at once (concurrency control); Flowsmith starts every run when its trigger fires, without a queue.",
      ],
      [
        "Mocked",
        "warning",
        "“Mocked” has a static result (mocked outputs for testing in Power Automate); Flowsmith runs the step against the sandbox instead.",
      ],
    ]);
  });
});
