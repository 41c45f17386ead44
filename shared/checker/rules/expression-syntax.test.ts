import { describe, expect, it } from "vitest";
import { compose, email, flow, ofRule } from "../test-support/flows";

describe("expression-syntax", () => {
  it("gives the error with its position, on the field", () => {
    const subject = "Order @{concat('a', 'b'}";
    const [finding] = ofRule(flow({ Mail: email({ "emailMessage/Subject": subject }) }), "expression-syntax");
    expect(finding).toMatchObject({
      severity: "error",
      nodeId: "Mail",
      field: "emailMessage/Subject",
      path: ["inputs", "parameters", "emailMessage/Subject"],
      position: 23,
      message: "The expression in Subject has an error: ')' or ',' expected but found '}' at 23.",
    });
  });

  it("suggests the function meant, with an edit that replaces the name", () => {
    const [finding] = ofRule(flow({ Compose: compose("@lenght(variables('x'))") }), "expression-syntax");
    expect(finding?.message).toBe(
      "The expression in Inputs has an error: unknown function 'lenght' — did you mean 'length'?",
    );
    expect(finding?.fix).toEqual({
      label: "Did you mean 'length'?",
      edit: { kind: "replace-text", path: ["inputs"], start: 1, end: 7, text: "length" },
    });
  });

  it("finds errors in a Condition's rows and a Switch case's value", () => {
    const definition = flow({
      Condition: { type: "If", runAfter: {}, expression: { and: [{ equals: ["@add(1)", 2] }] }, actions: {} },
      Switch: {
        type: "Switch",
        runAfter: { Condition: ["Succeeded"] },
        expression: "@triggerBody()?['kind']",
        cases: { Case: { case: "@toUpper('a'", actions: {} } },
        default: { actions: {} },
      },
    });
    expect(ofRule(definition, "expression-syntax")).toMatchObject([
      { nodeId: "Condition", field: "expression", path: ["expression", "and", 0, "equals", 0] },
      { nodeId: "Switch", field: "cases/Case/case", path: ["cases", "Case", "case"] },
    ]);
  });

  it("knows xml() and xpath(), which Flowsmith implements", () => {
    const definition = flow({ Compose: compose("@xpath(xml('<a/>'), '/a')") });
    expect(ofRule(definition, "expression-syntax")).toEqual([]);
    expect(ofRule(definition, "expression-unsupported")).toEqual([]);
  });

  it("is quiet on good expressions and escaped @", () => {
    const definition = flow({ Compose: compose({ a: "@@not an expression", b: "@{length('abc')} items" }) });
    expect(ofRule(definition, "expression-syntax")).toEqual([]);
    expect(ofRule(definition, "expression-unsupported")).toEqual([]);
  });
});

describe("limit-expression-length", () => {
  const long = (n: number) => `@concat('${"x".repeat(n)}')`;

  it("reports an expression of more than 8,192 characters", () => {
    const [finding] = ofRule(flow({ Compose: compose(long(8200)) }), "limit-expression-length");
    expect(finding?.message).toBe(
      "The expression in Inputs of “Compose” has 8,211 characters; an expression can have at most 8,192.",
    );
  });

  it("measures each expression of an interpolation on its own", () => {
    const text = `${"@{concat('a')} ".repeat(1000)}`;
    expect(text.length).toBeGreaterThan(8192);
    expect(ofRule(flow({ Compose: compose(text) }), "limit-expression-length")).toEqual([]);
    expect(ofRule(flow({ Compose: compose(long(8000)) }), "limit-expression-length")).toEqual([]);
  });
});
