import { describe, expect, it } from "vitest";
import { isActionType, isScopeAction, isTriggerType } from "./action-types";
import { connectorRefOf } from "./connector-ref";
import { flowKindOf } from "./flow-kind";
import { findJsonSyntaxError } from "./json-syntax";
import { normalizeStatus, normalizeStatuses, RUN_AFTER_STATUSES } from "./status";
import { corpusDefinition } from "./test-support/corpus";
import type { WdlAction, WdlDefinition } from "./types";
import {
  definitionIssues,
  parseActions,
  parseDefinition,
  wdlActionSchema,
  wdlDefinitionSchema,
} from "./validate";

const messages = (value: unknown) => definitionIssues(value).map((i) => i.message);

describe("run-after statuses", () => {
  it("are read in any letter case", () => {
    expect(RUN_AFTER_STATUSES).toEqual(["Succeeded", "Failed", "Skipped", "TimedOut"]);
    expect(normalizeStatus("SUCCEEDED")).toBe("Succeeded");
    expect(normalizeStatus("timedout")).toBe("TimedOut");
    expect(normalizeStatus("Done")).toBeUndefined();
    expect(normalizeStatuses(["skipped", "SUCCEEDED", "Succeeded", "nope"])).toEqual([
      "Succeeded",
      "Skipped",
    ]);
  });
});

describe("definition validation", () => {
  it("accepts unknown action types and keeps unknown fields", () => {
    const definition = {
      triggers: { manual: { type: "Request", kind: "Button", extra: { keep: true } } },
      actions: {
        Custom: { type: "SomethingNew", runAfter: {}, whatever: [1, 2], inputs: { deep: { x: null } } },
        Loop: {
          type: "foreach",
          foreach: "@createArray(1)",
          runAfter: { Custom: ["SUCCEEDED"] },
          actions: { Inside: { type: "Compose", inputs: "@item()", futureField: "kept" } },
        },
      },
      futureTopLevel: { kept: 1 },
    };
    const result = parseDefinition(definition);
    expect(result).toEqual({ ok: true, definition });
    expect(result.ok && result.definition).toBe(definition);
  });

  it("accepts both forms of a condition", () => {
    const condition = (expression: unknown) => ({ actions: { C: { type: "If", expression, actions: {} } } });
    expect(messages(condition("@equals(1, 1)"))).toEqual([]);
    expect(messages(condition({ and: [{ equals: ["@variables('x')", "y"] }] }))).toEqual([]);
    expect(messages(condition(true))).toEqual([]);
    expect(messages(condition(3))).toEqual([
      '$.actions.C.expression: expected an expression ("@equals(…)"), true/false, or a condition object ({"and": […]})',
    ]);
  });

  it("checks the fields of each known type, at every depth", () => {
    const definition = {
      triggers: {
        Recurrence: {
          type: "Recurrence",
          recurrence: { frequency: "Day", interval: "1", schedule: { hours: 8 } },
        },
      },
      actions: {
        Switch: {
          type: "Switch",
          expression: "@1",
          cases: {
            One: {
              case: 1,
              actions: { Wait: { type: "Wait", inputs: { interval: { count: 1, unit: 5 } } } },
            },
          },
          default: { actions: [] },
        },
        Terminate: { type: "Terminate", inputs: { runStatus: "Failed", runError: "oops" } },
        Call: { type: "OpenApiConnection", inputs: { host: { operationId: 7 }, parameters: [] } },
        Missing: { inputs: {} },
        Wrong: "text",
      },
    };
    expect(messages(definition)).toEqual([
      "$.triggers.Recurrence.recurrence.schedule.hours: Invalid input: expected array, received number",
      "$.actions.Switch.default.actions: expected an object of actions keyed by name",
      "$.actions.Switch.cases.One.actions.Wait.inputs.interval.unit: Invalid input: expected string, received number",
      "$.actions.Terminate.inputs.runError: Invalid input: expected object, received string",
      "$.actions.Call.inputs.host.operationId: Invalid input: expected string, received number",
      "$.actions.Call.inputs.parameters: Invalid input: expected record, received array",
      '$.actions.Missing.type: an action needs a type (a string such as "Compose")',
      "$.actions.Wrong: an action must be a JSON object",
    ]);
  });

  it("refuses a name used twice, in different scopes", () => {
    const definition = {
      actions: {
        Compose: { type: "Compose" },
        Scope: { type: "Scope", actions: { Compose: { type: "Compose" } } },
      },
    };
    expect(messages(definition)).toEqual([
      '$.actions.Scope.actions.Compose: the action name "Compose" is also used at $.actions.Compose; names must be unique in a flow',
    ]);
  });

  it("refuses wrong runAfter", () => {
    expect(messages({ actions: { A: { type: "Compose", runAfter: ["B"] } } })).toEqual([
      '$.actions.A.runAfter: expected an object of predecessor names and status lists, e.g. {"Get_record": ["Succeeded"]}',
    ]);
    expect(messages({ actions: { A: { type: "Compose", runAfter: { B: ["Completed"] } } } })).toEqual([
      "$.actions.A.runAfter.B[0]: expected a run-after status: Succeeded, Failed, Skipped or TimedOut",
    ]);
  });

  it("is available as zod schemas for contracts", () => {
    expect(wdlDefinitionSchema.safeParse(corpusDefinition("logicapps/AllScopeNodes.json")).success).toBe(
      true,
    );
    const bad = wdlDefinitionSchema.safeParse({ actions: { A: { type: 1 } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["actions", "A", "type"], '$.actions.A.type: an action needs a type (a string such as "Compose")'],
    ]);
    expect(wdlActionSchema.safeParse({ type: "Compose", inputs: 1 }).success).toBe(true);
    expect(wdlActionSchema.safeParse([]).success).toBe(false);
  });

  it("checks a clipboard of actions", () => {
    expect(parseActions({ A: { type: "Compose" } }).ok).toBe(true);
    expect(parseActions([1])).toEqual({
      ok: false,
      issues: [{ path: [], message: "$: expected an object of actions keyed by name" }],
    });
  });
});

describe("type guards", () => {
  it("compare types without letter case", () => {
    const action: WdlAction = { type: "if", expression: "@true" };
    expect(isActionType(action, "If")).toBe(true);
    expect(isScopeAction(action)).toBe(true);
    expect(isScopeAction({ type: "Compose" })).toBe(false);
    expect(isTriggerType({ type: "RECURRENCE" }, "Recurrence")).toBe(true);
  });

  it("narrow one after another without narrowing the rest away (checked by tsc)", () => {
    const describeAction = (a: WdlAction): string => {
      if (isActionType(a, "Compose")) return "compose";
      if (isActionType(a, "SetVariable")) return `set ${a.inputs?.name}`;
      if (isActionType(a, "If")) return `if ${Object.keys(a.actions ?? {}).join()}`;
      if (isActionType(a, "Switch")) return `switch ${Object.keys(a.cases ?? {}).join()}`;
      return a.type;
    };
    expect(describeAction({ type: "Compose" })).toBe("compose");
    expect(describeAction({ type: "SetVariable", inputs: { name: "v" } })).toBe("set v");
    expect(describeAction({ type: "If", actions: { A: { type: "Compose" } } })).toBe("if A");
    expect(describeAction({ type: "Switch", cases: { One: { case: 1 } } })).toBe("switch One");
    expect(describeAction({ type: "Wait" })).toBe("Wait");
  });
});

describe("connectorRefOf", () => {
  it("reads the Power Automate form", () => {
    const definition = corpusDefinition("powerautomate/collect-feedback-approval.json");
    expect(connectorRefOf(definition.actions?.Start_and_Wait_for_Feedback as WdlAction)).toEqual({
      apiId: "/providers/Microsoft.PowerApps/apis/shared_approvals",
      connector: "shared_approvals",
      connectionName: "shared_approvals",
      operationId: "StartAndWaitForAnApproval",
    });
    // The hybrid "For a selected file" trigger: a Request with a host and inputs.operationId.
    expect(connectorRefOf(definition.triggers?.manual ?? { type: "" })).toMatchObject({
      connector: "shared_sharepointonline",
      operationId: "ForASelectedFileHybridTrigger",
    });
  });

  it("reads the legacy form", () => {
    const definition = corpusDefinition("powerautomate/planner-task-flagged-email.json");
    expect(connectorRefOf(definition.actions?.List_tasks as WdlAction)).toEqual({
      connector: "shared_planner",
      connectionName: "shared_planner_1",
      method: "get",
      path: "/v2/v1.0/planner/plans/@{encodeURIComponent('fp2GkwwxDUWuRu2Iv2VH-GUAA-BA')}/tasks",
    });
    const standard = corpusDefinition("logicapps/ComplexConditionals.json");
    expect(connectorRefOf(standard.actions?.Create_a_goal as WdlAction)).toMatchObject({
      connectionName: "powerbi-andrewga",
      method: "post",
    });
    expect(connectorRefOf({ type: "Compose", inputs: "x" })).toBeUndefined();
  });
});

describe("flowKindOf", () => {
  const withTrigger = (trigger: WdlDefinition["triggers"]): WdlDefinition => ({
    triggers: trigger,
    actions: {},
  });

  it("reads the trigger", () => {
    expect(flowKindOf(withTrigger({ r: { type: "recurrence" } }))).toBe("scheduled");
    expect(flowKindOf(withTrigger({ manual: { type: "Request", kind: "Button" } }))).toBe("instant");
    expect(flowKindOf(withTrigger({ manual: { type: "Request", kind: "Http" } }))).toBe("automated");
    const bc = {
      type: "Request",
      kind: "ApiConnection",
      inputs: {
        host: {
          connection: { name: "@parameters('$connections')['shared_dynamicssmbsaas']['connectionId']" },
        },
      },
    };
    expect(flowKindOf(withTrigger({ manual: bc }))).toBe("instant");
    const created = {
      type: "OpenApiConnectionWebhook",
      inputs: {
        host: {
          apiId: "/providers/Microsoft.PowerApps/apis/shared_dynamicssmbsaas",
          operationId: "CreateOnNewItemsSubscriptionV3",
        },
      },
    };
    expect(flowKindOf(withTrigger({ When_a_record_is_created: created }))).toBe("automated");
    expect(flowKindOf({})).toBe("automated");
  });

  it("asks the catalog when given one", () => {
    const trigger = {
      type: "OpenApiConnection",
      inputs: { host: { apiId: "/x/shared_x", operationId: "Poll" } },
    };
    expect(
      flowKindOf(withTrigger({ t: trigger }), { isInstantTrigger: (ref) => ref.operationId === "Poll" }),
    ).toBe("instant");
  });
});

describe("findJsonSyntaxError", () => {
  it("finds the first error", () => {
    expect(findJsonSyntaxError('{"a": [1, 2,]}')).toEqual({
      message: 'expected a JSON value, found "]"',
      offset: 12,
      line: 1,
      column: 13,
    });
    expect(findJsonSyntaxError('{"a": "\\x"}')?.message).toBe(
      'expected an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u, found "x"',
    );
    expect(findJsonSyntaxError('{"a": 01}')?.message).toBe(
      "expected ',' or '}' after a property value, found \"1\"",
    );
    expect(findJsonSyntaxError('{"a": [true, null, -1.5e3, "\\u00e9"]}')).toBeUndefined();
  });
});
