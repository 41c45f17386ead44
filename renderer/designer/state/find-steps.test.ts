import { describe, expect, it } from "vitest";
import { corpusFile } from "../../../fixtures/corpus";
import { actionCount, buildGraph, readFlowFile, type WdlDefinition } from "../../../shared/flow";
import {
  hiddenBy,
  matchSteps,
  normalizeQuery,
  paddingClearOf,
  splitTitle,
  stepIndex,
  stepsOf,
} from "./find-steps";

const email = (to: string) => ({
  type: "OpenApiConnection",
  inputs: {
    host: { apiId: "/providers/Microsoft.PowerApps/apis/shared_office365", operationId: "SendEmailV2" },
    parameters: { "emailMessage/To": to },
  },
});

const DEFINITION = {
  triggers: { manual: { type: "Request", kind: "Button", inputs: {} } },
  actions: {
    Get_invoice: { type: "Compose", inputs: 1, runAfter: {} },
    Check_amount: {
      type: "If",
      runAfter: { Get_invoice: ["Succeeded"] },
      expression: { and: [{ greater: [1, 0] }] },
      actions: {
        Review: {
          type: "Scope",
          runAfter: {},
          actions: { Notify_finance: { ...email("finance@x"), runAfter: {} } },
        },
      },
      else: { actions: { Log_small_invoice: { type: "Compose", inputs: 2, runAfter: {} } } },
    },
    For_each_line: {
      type: "Foreach",
      foreach: "@createArray(1)",
      runAfter: { Check_amount: ["Succeeded"] },
      actions: { Tell_requester: { ...email("me@x"), runAfter: {} } },
    },
  },
} as unknown as WdlDefinition;

const steps = stepsOf(buildGraph(DEFINITION));
const titles = (query: string) => matchSteps(steps, query).map((s) => s.title);

describe("finding a step", () => {
  it("lists the trigger and every action at any depth, in the canvas's order", () => {
    expect(steps.map((s) => s.title)).toEqual([
      "Manually trigger a flow",
      "Get invoice",
      "Check amount",
      "Review",
      "Notify finance",
      "Log small invoice",
      "For each line",
      "Tell requester",
    ]);
    expect(steps[0]?.isTrigger).toBe(true);
    expect(steps[0]?.id).toBe("#trigger/manual");
  });

  it("says where each step is: a Condition's branch by its label, a loop or scope by its name", () => {
    const where = Object.fromEntries(steps.map((s) => [s.title, s.path.join(" › ")]));
    expect(where["Get invoice"]).toBe("");
    expect(where.Review).toBe("Check amount › Yes");
    expect(where["Notify finance"]).toBe("Check amount › Yes › Review");
    expect(where["Log small invoice"]).toBe("Check amount › No");
    expect(where["Tell requester"]).toBe("For each line");
    expect(steps.find((s) => s.title === "Notify finance")?.scopes).toEqual(["Check_amount", "Review"]);
  });

  it("matches the name as cards show it, any case, underscores or spaces", () => {
    expect(titles("notify")).toEqual(["Notify finance"]);
    expect(titles("SMALL_inv")).toEqual(["Log small invoice"]);
    expect(titles("  small   invoice ")).toEqual(["Log small invoice"]);
    expect(titles("invoice")).toEqual(["Get invoice", "Log small invoice"]);
    // The trigger by its default name and by what it is.
    expect(titles("manual")).toEqual(["Manually trigger a flow"]);
  });

  it("matches the operation and the connector too", () => {
    expect(titles("send an email")).toEqual(["Notify finance", "Tell requester"]);
    expect(titles("outlook")).toEqual(["Notify finance", "Tell requester"]);
    expect(titles("compose")).toEqual(["Get invoice", "Log small invoice"]);
  });

  it("finds nothing for an empty query or one that no step has", () => {
    expect(titles("")).toEqual([]);
    expect(titles("   ")).toEqual([]);
    expect(titles("payroll")).toEqual([]);
    // A query never spans two fields of a step.
    expect(titles("invoice get")).toEqual([]);
  });

  it("tells which collapsed scopes hide a step", () => {
    const notify = steps.find((s) => s.title === "Notify finance");
    if (!notify) throw new Error("no Notify finance");
    expect(hiddenBy(notify, ["Review", "For_each_line"])).toEqual(["Review"]);
    expect(hiddenBy(notify, ["Check_amount", "Review"])).toEqual(["Check_amount", "Review"]);
    expect(hiddenBy(notify, [])).toEqual([]);
  });

  it("steps through the matches both ways, wrapping around", () => {
    expect(stepIndex(-1, 3, 1)).toBe(0);
    expect(stepIndex(-1, 3, -1)).toBe(2);
    expect(stepIndex(0, 3, 1)).toBe(1);
    expect(stepIndex(2, 3, 1)).toBe(0);
    expect(stepIndex(0, 3, -1)).toBe(2);
    expect(stepIndex(5, 3, 1)).toBe(0);
    expect(stepIndex(-1, 0, 1)).toBe(-1);
  });

  it("marks the query in a title", () => {
    expect(splitTitle("Log small invoice", "SMALL_inv")).toEqual({
      before: "Log ",
      match: "small inv",
      after: "oice",
    });
    expect(splitTitle("Tell requester", "outlook")).toBeUndefined();
    expect(splitTitle("Tell requester", "")).toBeUndefined();
    expect(normalizeQuery(" A_b  C ")).toBe("a b c");
  });

  it("finds any of StressTest1000's actions", () => {
    const read = readFlowFile(corpusFile("logicapps/StressTest1000.json").text);
    if (!read.ok) throw new Error(read.error.message);
    const big = stepsOf(buildGraph(read.document.definition));
    expect(big.length).toBe(actionCount(read.document.definition) + 1);
    expect(matchSteps(big, "action 999").map((s) => s.title)).toEqual(["action 999"]);
  });
});

describe("where a found step is shown", () => {
  const canvas = { left: 500, top: 100, width: 866, height: 718 };
  const box = { left: 500 + 866 - 390, top: 110, width: 380, height: 420 };

  it("beside the find box when the canvas is wide enough", () => {
    expect(paddingClearOf(canvas, box)).toEqual({
      top: "40px",
      right: "414px",
      bottom: "40px",
      left: "40px",
    });
  });

  it("below it on a narrow canvas, and anywhere on a tiny one or without the box", () => {
    const narrow = { ...canvas, width: 446 };
    const narrowBox = { ...box, left: 500 + 446 - 390 };
    expect(paddingClearOf(narrow, narrowBox)).toEqual({
      top: "454px",
      right: "40px",
      bottom: "40px",
      left: "40px",
    });
    expect(paddingClearOf({ ...narrow, height: 500 }, narrowBox).top).toBe("40px");
    expect(paddingClearOf(canvas, undefined)).toEqual({
      top: "40px",
      right: "40px",
      bottom: "40px",
      left: "40px",
    });
  });
});
