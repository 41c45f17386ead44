import { describe, expect, it } from "vitest";
import { analyzeTemplate, analyzeValue } from "./analyze";

describe("static analysis", () => {
  it("finds the actions, variables, parameters and trigger fields an expression uses", () => {
    const result = analyzeTemplate(
      "Invoice @{triggerBody()?['No']} of @{triggerOutputs()?['body/customer/name']}: @{outputs('Start_and_wait')?['body/outcome']} by @{variables('approver')} (@{parameters('env')})",
    );
    expect(result.kind).toBe("interpolation");
    expect(result.type).toBe("string");
    expect(result.errors).toEqual([]);
    expect(result.references.actions).toEqual(["Start_and_wait"]);
    expect(result.references.variables).toEqual(["approver"]);
    expect(result.references.parameters).toEqual(["env"]);
    expect(result.references.triggerFields).toEqual(["body/No", "body/customer/name"]);
    expect(result.references.actionFields).toEqual([{ action: "Start_and_wait", path: "body/outcome" }]);
    expect(result.references.usesTrigger).toBe(true);
    expect(result.references.functions).toEqual([
      "triggerBody",
      "triggerOutputs",
      "outputs",
      "variables",
      "parameters",
    ]);
  });

  it.each([
    ["@body('Get_record')?['number']", ["Get_record"], [{ action: "Get_record", path: "body/number" }]],
    [
      "@actions('Get_record')['outputs']['body']['x']",
      ["Get_record"],
      [{ action: "Get_record", path: "body/x" }],
    ],
    ["@actionBody('A').x", ["A"], [{ action: "A", path: "body/x" }]],
    ["@outputs('A')", ["A"], [{ action: "A", path: "" }]],
    ["@formDataValue('Form', 'k')", ["Form"], []],
  ])("reads action fields of %s", (text, actions, fields) => {
    const { references } = analyzeTemplate(text);
    expect(references.actions).toEqual(actions);
    expect(references.actionFields).toEqual(fields);
  });

  it("tells loops, scopes and computed names apart", () => {
    const { references } = analyzeTemplate(
      "@{items('For_each')?['id']} @{iterationIndexes('Until')} @{result('Try')} @{outputs(variables('which'))}",
    );
    expect(references.loops).toEqual(["For_each", "Until"]);
    expect(references.scopes).toEqual(["Try"]);
    expect(references.variables).toEqual(["which"]);
    expect(references.actions).toEqual([]);
    expect(references.dynamic).toBe(true);
  });

  it.each([
    ["plain text", "literal", "string"],
    ["@@escaped", "literal", "string"],
    ["@add(1, 2)", "expression", "integer"],
    ["@add(1, 2.5)", "expression", "float"],
    ["@div(variables('a'), 2)", "expression", "number"],
    ["@concat('a', 'b')", "expression", "string"],
    ["@equals(1, 2)", "expression", "boolean"],
    ["@createArray(1)", "expression", "array"],
    ["@json('{}')", "expression", "any"],
    ["@addProperty(json('{}'), 'a', 1)", "expression", "object"],
    ["@length('abc')", "expression", "integer"],
    ["@utcNow()", "expression", "string"],
    ["@if(true, 'a', 'b')", "expression", "string"],
    ["@if(true, 'a', 1)", "expression", "any"],
    ["@coalesce(null, 'x')", "expression", "string"],
    ["@triggerBody()?['x']", "expression", "any"],
    ["@take('abc', 1)", "expression", "string"],
    ["@first(createArray(1))", "expression", "any"],
    ["@{add(1, 2)}", "interpolation", "string"],
    ["@true", "expression", "boolean"],
    ["@float('1.5')", "expression", "float"],
    ["@int('1')", "expression", "integer"],
  ])("types %s", (text, kind, type) => {
    const result = analyzeTemplate(text);
    expect(result.kind).toBe(kind);
    expect(result.type).toBe(type);
  });

  it("reports every error with its position for the designer", () => {
    const result = analyzeTemplate("@{lenght(body('A'))} and @{concat('a'");
    expect(result.errors.map((e) => [e.code, e.position, e.message])).toEqual([
      ["unknown-function", 2, "unknown function 'lenght' — did you mean 'length'?"],
      ["syntax", 37, "')' or ',' expected at 37"],
    ]);
    expect(result.references.actions).toEqual(["A"]);
  });

  it("walks a whole action's inputs", () => {
    const result = analyzeValue({
      host: { operationId: "SendEmailV2" },
      parameters: {
        "emailMessage/To": "@{outputs('Get_manager')?['body/mail']}",
        "emailMessage/Subject": "Approval @{body('Start_and_wait')?['outcome']}",
        "emailMessage/Body": "<p>@{lenght('x')}</p>",
        static: "Hello",
        list: ["@variables('cc')", 3],
      },
    });
    expect(result.references.actions).toEqual(["Get_manager", "Start_and_wait"]);
    expect(result.references.variables).toEqual(["cc"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toEqual(["parameters", "emailMessage/Body"]);
    expect(result.errors[0]?.error.position).toBe(5);
    expect(result.expressions.map((e) => e.path)).toEqual([
      ["parameters", "emailMessage/To"],
      ["parameters", "emailMessage/Subject"],
      ["parameters", "emailMessage/Body"],
      ["parameters", "list", 0],
    ]);
  });

  it("analyzes a condition-builder object", () => {
    const result = analyzeValue({
      and: [
        { equals: ["@outputs('Approval')?['body/outcome']", "Approve"] },
        { greater: ["@triggerBody()?['amount']", 10000] },
      ],
    });
    expect(result.references.actions).toEqual(["Approval"]);
    expect(result.references.triggerFields).toEqual(["body/amount"]);
    expect(result.errors).toEqual([]);
  });
});
