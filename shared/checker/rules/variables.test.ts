import { describe, expect, it } from "vitest";
import { compose, flow, initVariable, ofRule, setVariable, succeeded } from "../test-support/flows";

describe("variable-before-init", () => {
  it("a variable never initialized, with a fix that adds it before the step", () => {
    const [finding] = ofRule(flow({ Set: setVariable("total", 1) }), "variable-before-init");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Set",
      field: "inputs/name",
      message: "“Set” uses the variable “total”, which is never initialized.",
      fix: {
        label: "Initialize the variable before this step",
        edit: { kind: "initialize-variable", variable: "total", before: "Set" },
      },
    });
  });

  it("a variable initialized later or in a parallel branch", () => {
    const definition = flow({
      Use: compose("@variables('total')"),
      Init: initVariable("total", "integer", 0, succeeded("Use")),
    });
    expect(ofRule(definition, "variable-before-init")[0]).toMatchObject({
      field: "inputs",
      message:
        "“Use” uses the variable “total” before it is initialized: “Init” has not run yet at this point.",
    });
  });

  it("in the trigger", () => {
    const definition = flow(
      { Init: initVariable("x", "string", "") },
      {
        type: "Request",
        kind: "Button",
        inputs: { schema: {} },
        conditions: [{ expression: "@variables('x')" }],
      },
    );
    expect(ofRule(definition, "variable-before-init")[0]?.message).toBe(
      "The trigger uses the variable “x”, but variables are initialized only after the trigger fires.",
    );
  });

  it("is quiet once the variable is initialized before, in any letter case", () => {
    const definition = flow({
      Init: initVariable("Total", "integer", 0),
      Loop: {
        type: "Foreach",
        runAfter: succeeded("Init"),
        foreach: "@createArray(1, 2)",
        actions: {
          Add: {
            type: "IncrementVariable",
            runAfter: {},
            inputs: { name: "total", value: "@items('Loop')" },
          },
        },
      },
      Show: compose("@variables('TOTAL')", succeeded("Loop")),
    });
    expect(ofRule(definition, "variable-before-init")).toEqual([]);
  });
});

describe("variable-init-in-loop", () => {
  it("reports an Initialize variable inside a scope", () => {
    const definition = flow({
      Loop: {
        type: "Foreach",
        runAfter: {},
        foreach: "@createArray(1)",
        actions: { Init: initVariable("x", "string", "") },
      },
    });
    expect(ofRule(definition, "variable-init-in-loop")[0]).toMatchObject({
      nodeId: "Init",
      message: "“Init” must be at the top level of the flow: a variable cannot be initialized inside “Loop”.",
      fix: { edit: { kind: "move-to-top-level", action: "Init" } },
    });
    expect(ofRule(flow({ Init: initVariable("x", "string", "") }), "variable-init-in-loop")).toEqual([]);
  });
});

describe("variable-duplicate", () => {
  it("reports the second initialization of a name", () => {
    const definition = flow({
      A: initVariable("x", "string", ""),
      B: initVariable("X", "string", "", succeeded("A")),
    });
    expect(ofRule(definition, "variable-duplicate")).toMatchObject([
      {
        nodeId: "B",
        message: "The variable “X” is already initialized by “A”: a variable is initialized only once.",
      },
    ]);
    const two = flow({
      A: initVariable("x", "string", ""),
      B: initVariable("y", "string", "", succeeded("A")),
    });
    expect(ofRule(two, "variable-duplicate")).toEqual([]);
  });
});

describe("type-mismatch of variables", () => {
  it("a first value or a new value of another type", () => {
    const definition = flow({
      Init: initVariable("count", "integer", "ten"),
      Set: setVariable("count", "@concat('a', 'b')", succeeded("Init")),
      Fine: setVariable("count", "@add(1, 2)", succeeded("Set")),
    });
    expect(ofRule(definition, "type-mismatch").map((f) => [f.nodeId, f.field, f.message])).toEqual([
      ["Init", "inputs/variables/0/value", "The variable “count” holds a whole number, but “ten” is text."],
      ["Set", "inputs/value", "The variable “count” holds a whole number, but the expression gives text."],
    ]);
  });

  it("counting on text, appending to a number", () => {
    const definition = flow({
      Init: initVariable("name", "string", ""),
      Add: { type: "IncrementVariable", runAfter: succeeded("Init"), inputs: { name: "name", value: 1 } },
      Append: {
        type: "AppendToStringVariable",
        runAfter: succeeded("Add"),
        inputs: { name: "name", value: "x" },
      },
    });
    expect(ofRule(definition, "type-mismatch").map((f) => f.message)).toEqual([
      "“Add” works only on a number variable, and “name” is initialized as string.",
    ]);
  });
});
