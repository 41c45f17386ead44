import { describe, expect, it } from "vitest";
import { buildGraph } from "../graph";
import { approvalFlow, chain, runAfters } from "../test-support/approval";
import { frozen } from "../test-support/corpus";
import { editError } from "../test-support/errors";
import { step } from "../test-support/steps";
import type { WdlIfAction } from "../types";
import { addParallelAction } from "./parallel";

describe("addParallelAction", () => {
  it("adds a step that runs after the same steps, next to the given one", () => {
    const out = addParallelAction(frozen(chain), {
      beside: "C",
      name: "C2",
      action: { type: "Compose", inputs: 2 },
    });
    expect(runAfters(out.actions)).toEqual({
      A: {},
      B: { A: ["Succeeded"] },
      C: { B: ["Succeeded"] },
      C2: { B: ["Succeeded"] },
      D: { C: ["Succeeded"] },
    });
    expect(
      buildGraph(out)
        .outgoing.get("B")
        ?.map((e) => e.target),
    ).toEqual(["C", "C2"]);
  });

  it("copies the statuses and works in a branch", () => {
    const out = addParallelAction(frozen(approvalFlow), {
      beside: "Update_record",
      name: "Notify",
      action: { type: "Compose", runAfter: { Ignored: ["Failed"] } },
    });
    expect(runAfters(step<WdlIfAction>(out, "Condition").actions)).toEqual({
      Update_record: {},
      Notify: {},
      Post_message: { Update_record: ["Succeeded"] },
    });
    expect(
      buildGraph(out)
        .outgoing.get("#branch/Condition/yes")
        ?.map((e) => e.target),
    ).toEqual(["Update_record", "Notify"]);
  });

  it("refuses a taken name and a missing step", () => {
    expect(
      editError(() => addParallelAction(chain, { beside: "C", name: "A", action: { type: "Compose" } })).code,
    ).toBe("nameTaken");
    expect(
      editError(() => addParallelAction(chain, { beside: "Z", name: "Y", action: { type: "Compose" } })).code,
    ).toBe("notFound");
  });
});
