import { describe, expect, it } from "vitest";
import { compose, flow, ofRule, succeeded } from "../test-support/flows";

describe("runafter-cycle", () => {
  it("reports every step of a circle, with the entry that closes it", () => {
    const definition = flow({
      A: compose(1, succeeded("C")),
      B: compose(2, succeeded("A")),
      C: compose(3, succeeded("B")),
    });
    const found = ofRule(definition, "runafter-cycle");
    expect(found.map((f) => f.nodeId)).toEqual(["A", "B", "C"]);
    expect(found[0]).toMatchObject({
      field: "runAfter",
      related: ["B", "C"],
      message: "“A”, “B” and “C” wait for each other through Run after, so none of them ever starts.",
      fix: {
        label: "Remove “C” from Run after",
        edit: { kind: "remove-run-after", action: "A", predecessor: "C" },
      },
    });
  });

  it("a step that runs after itself", () => {
    expect(ofRule(flow({ A: compose(1, succeeded("A")) }), "runafter-cycle")[0]?.message).toBe(
      "“A” runs after itself, so it never starts.",
    );
  });

  it("is quiet on a diamond", () => {
    const definition = flow({
      A: compose(1),
      B: compose(2, succeeded("A")),
      C: compose(3, succeeded("A")),
      D: compose(4, succeeded("B", "C")),
    });
    expect(ofRule(definition, "runafter-cycle")).toEqual([]);
  });
});

describe("runafter-missing and runafter-other-branch", () => {
  it("names a step that does not exist, suggesting the one meant", () => {
    const [finding] = ofRule(
      flow({ Compose: compose(1), B: compose(2, succeeded("Compse")) }),
      "runafter-missing",
    );
    expect(finding).toMatchObject({
      nodeId: "B",
      field: "runAfter",
      message: "“B” runs after “Compse”, which does not exist.",
      fix: { edit: { kind: "rename-run-after", action: "B", from: "Compse", to: "Compose" } },
    });
  });

  it("names a step of another branch", () => {
    const definition = flow({
      A: compose(1),
      Scope: { type: "Scope", runAfter: succeeded("A"), actions: { In: compose(2, succeeded("A")) } },
    });
    expect(ofRule(definition, "runafter-other-branch")[0]?.message).toBe(
      "“In” runs after “A”, which is in another branch or scope: a step can only run after steps beside it.",
    );
    const fine = flow({
      A: compose(1),
      Scope: {
        type: "Scope",
        runAfter: succeeded("A"),
        actions: { In: compose(2), Next: compose(3, succeeded("In")) },
      },
    });
    expect(ofRule(fine, "runafter-missing")).toEqual([]);
    expect(ofRule(fine, "runafter-other-branch")).toEqual([]);
  });
});

describe("runafter-status", () => {
  it("reports a status that does not exist, and accepts any letter case", () => {
    const definition = flow({ A: compose(1), B: compose(2, { A: ["SUCCEEDED", "Done"] }) });
    expect(ofRule(definition, "runafter-status").map((f) => f.message)).toEqual([
      "“B” runs after “A” has “Done”, which is not a status: use Succeeded, Failed, Skipped or TimedOut.",
    ]);
  });
});

describe("unreachable", () => {
  const terminate = { type: "Terminate", runAfter: {}, inputs: { runStatus: "Succeeded" } };

  it("a step after a Terminate, and the steps after it", () => {
    const definition = flow({
      End: terminate,
      After: compose(1, succeeded("End")),
      Later: compose(2, succeeded("After")),
    });
    expect(ofRule(definition, "unreachable").map((f) => [f.nodeId, f.severity, f.message])).toEqual([
      ["After", "warning", "“After” can never run: it runs after “End”, which ends the run."],
      ["Later", "warning", "“Later” can never run: it runs after “After”, which never runs."],
    ]);
  });

  it("a step behind a circle of Run after", () => {
    const definition = flow({
      A: compose(1, succeeded("B")),
      B: compose(2, succeeded("A")),
      C: compose(3, succeeded("B")),
    });
    expect(ofRule(definition, "unreachable").map((f) => f.nodeId)).toEqual(["C"]);
  });

  it("not a step that waits for the Terminate to be skipped, nor one after a Condition holding it", () => {
    const definition = flow({
      End: terminate,
      IfSkipped: compose(1, { End: ["Skipped"] }),
      Condition: {
        type: "If",
        runAfter: succeeded("IfSkipped"),
        expression: "@true",
        actions: { Stop: terminate },
      },
      Next: compose(2, succeeded("Condition")),
    });
    expect(ofRule(definition, "unreachable")).toEqual([]);
  });
});
