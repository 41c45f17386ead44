import { describe, expect, it } from "vitest";
import { approvalFlow } from "../test-support/approval";
import { corpusDefinition } from "../test-support/corpus";
import { canDrop, insertionPointFromId, insertionPointId, insertionPoints } from "./insertion-points";

describe("insertionPoints", () => {
  it("lists the start of the flow, after each step and the start of each branch", () => {
    const points = insertionPoints(approvalFlow);
    expect(points.map((p) => [p.id, p.nodeId, p.depth, p.emptyBranch])).toEqual([
      ["start:#root", "#trigger/When_a_purchase_document_approval_is_requested", 0, false],
      ["after:Start_and_wait_for_an_approval", "Start_and_wait_for_an_approval", 0, false],
      ["after:Condition", "Condition", 0, false],
      ["start:#branch/Condition/yes", "#branch/Condition/yes", 1, false],
      ["start:#branch/Condition/no", "#branch/Condition/no", 1, false],
      ["after:Update_record", "Update_record", 1, false],
      ["after:Post_message", "Post_message", 1, false],
      ["after:Send_an_email", "Send_an_email", 1, false],
      ["after:Compose_summary", "Compose_summary", 0, false],
    ]);
  });

  it("marks empty branches", () => {
    const points = insertionPoints(corpusDefinition("powerautomate/try-catch-finally.json"));
    expect(points.filter((p) => p.emptyBranch).map((p) => p.id)).toEqual([
      "start:#branch/Try/body",
      "start:#branch/Catch/body",
      "start:#branch/Finally/body",
    ]);
    expect(insertionPoints(corpusDefinition("logicapps/Recurrence.json"))).toEqual([
      {
        id: "start:#root",
        point: { kind: "start", container: null },
        container: null,
        nodeId: "#trigger/Recurrence",
        depth: 0,
        emptyBranch: true,
      },
    ]);
  });

  it("has ids that read back", () => {
    const definition = corpusDefinition("logicapps/UnicodeKeys.json");
    const points = insertionPoints(definition);
    expect(points.length).toBe(1 + 4 + 5);
    for (const p of points) expect(insertionPointFromId(p.id)).toEqual(p.point);
    const odd = { kind: "after", action: "a>b/c%d", follower: "x>y" } as const;
    expect(insertionPointId(odd)).toBe("after:a%3Eb%2Fc%25d>x%3Ey");
    expect(insertionPointFromId(insertionPointId(odd))).toEqual(odd);
    expect(insertionPointFromId("nonsense")).toBeUndefined();
  });
});

describe("canDrop", () => {
  it("allows a step anywhere it fits", () => {
    expect(canDrop(approvalFlow, "Compose_summary", { kind: "after", action: "Update_record" })).toEqual({
      ok: true,
    });
    expect(canDrop(approvalFlow, { type: "Compose" }, { kind: "start", container: null })).toEqual({
      ok: true,
    });
  });

  it("explains why not", () => {
    expect(
      canDrop(approvalFlow, "Condition", { kind: "start", container: { scope: "Condition", kind: "no" } }),
    ).toEqual({ ok: false, code: "intoItself", reason: '"Condition" cannot be moved inside itself.' });
    expect(canDrop(approvalFlow, "Condition", { kind: "after", action: "Condition" })).toEqual({
      ok: false,
      code: "samePlace",
      reason: '"Condition" is already there.',
    });
    expect(
      canDrop(approvalFlow, { type: "initializevariable" }, { kind: "after", action: "Post_message" }),
    ).toMatchObject({ ok: false, code: "notAllowedHere" });
    expect(canDrop(approvalFlow, "Gone", { kind: "after", action: "Condition" })).toEqual({
      ok: false,
      code: "notFound",
      reason: 'There is no step called "Gone".',
    });
    expect(
      canDrop(
        approvalFlow,
        { type: "Compose" },
        { kind: "start", container: { scope: "Compose_summary", kind: "body" } },
      ),
    ).toEqual({ ok: false, code: "notFound", reason: '"Compose_summary" has no "body" branch.' });
  });
});

describe("edgeInsertionPoint", () => {
  it("gives the point between an edge's two ends", async () => {
    const { buildGraph } = await import("../graph");
    const { edgeInsertionPoint } = await import("./insertion-points");
    const graph = buildGraph(approvalFlow);
    const points = graph.edges.map((e) => edgeInsertionPoint(graph, e));
    expect(points).toEqual([
      { kind: "start", container: null, follower: "Start_and_wait_for_an_approval" },
      { kind: "after", action: "Start_and_wait_for_an_approval", follower: "Condition" },
      { kind: "after", action: "Condition", follower: "Compose_summary" },
      { kind: "start", container: { kind: "yes", scope: "Condition" }, follower: "Update_record" },
      { kind: "after", action: "Update_record", follower: "Post_message" },
      { kind: "start", container: { kind: "no", scope: "Condition" }, follower: "Send_an_email" },
    ]);
    for (const p of points) expect(p && canDrop(approvalFlow, { type: "Compose" }, p)).toEqual({ ok: true });
  });
});
