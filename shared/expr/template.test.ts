import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate";
import { containsExpression, expressionRegions, parseTemplate, tryParseTemplate } from "./template";
import { ev, makeContext } from "./test-support/helpers";

describe("string values: @, @{ } and @@", () => {
  it.each([
    ["Sophia Owen", "Sophia Owen"],
    ["array[1]", "array[1]"],
    ["", ""],
    ["@@", "@"],
    ["@@concat('a')", "@concat('a')"],
    [" @", " @"],
    ["user@example.com", "user@example.com"],
    ["Pay @ 10", "Pay @ 10"],
    ["@add(1, 2)", 3],
    ["@createArray(1, 2)", [1, 2]],
    ["@json('{\"a\":true}')", { a: true }],
    ["@null", null],
    ["@true", true],
    ["@'text'", "text"],
    ["@{add(1, 2)}", "3"],
    ["@{createArray(1, 'a')}", '[1,"a"]'],
    ["@{json('{\"a\":1}')}", '{"a":1}'],
    ["@{null}", ""],
    ["@{true}", "True"],
    ["@{2.5}", "2.5"],
    ["Total: @{add(1, 2)} EUR", "Total: 3 EUR"],
    ["@{variables('name')} has @{variables('numItems')} items", "Sophia Owen has 20 items"],
    ["No @{'}'} problem", "No } problem"],
    ["Literal @@{not an expression}", "Literal @{not an expression}"],
    ["a@@b", "a@@b"],
    [
      "Order @{triggerBody()?['No']} by @{triggerOutputs()?['headers/x-ms-user']}",
      "Order S-1001 by ada@contoso.com",
    ],
    ["Multi\nline @{'x'}\nvalue", "Multi\nline x\nvalue"],
    ["@{'a'}@{'b'}", "ab"],
    ["trailing @", "trailing @"],
    ["@{'it''s'}", "it's"],
  ])("%j evaluates to %j", (text, expected) => {
    expect(ev(text)).toEqual(expected);
  });

  it("compiles once and evaluates many times", () => {
    const compiled = parseTemplate("Hello @{variables('name')}!");
    expect(compiled.kind).toBe("interpolation");
    expect(evaluate(compiled, makeContext())).toBe("Hello Sophia Owen!");
    expect(evaluate(compiled, makeContext({ variable: () => "Ada" }))).toBe("Hello Ada!");
  });

  it("tells literal, whole-expression and interpolated values apart", () => {
    expect(parseTemplate("plain").kind).toBe("literal");
    expect(parseTemplate("@@x").kind).toBe("literal");
    expect(parseTemplate("@x()".replace("x", "utcNow")).kind).toBe("expression");
    expect(parseTemplate("@{utcNow()}").kind).toBe("interpolation");
  });

  it("collects every faulty interpolation with tryParseTemplate", () => {
    const { template, errors } = tryParseTemplate("@{lenght('a')} and @{add(1} and @{concat('ok')}");
    expect(template).toBeUndefined();
    expect(errors.map((e) => [e.code, e.position])).toEqual([
      ["unknown-function", 2],
      ["syntax", 26],
    ]);
  });

  it("finds expression regions without parsing", () => {
    expect(expressionRegions("a @{x(} b @{y()} @@{z}")).toEqual([
      { start: 2, exprStart: 4, exprEnd: 6, end: 7, interpolated: true },
      { start: 10, exprStart: 12, exprEnd: 15, end: 16, interpolated: true },
    ]);
    expect(expressionRegions("@body('x')")).toEqual([
      { start: 0, exprStart: 1, exprEnd: 10, end: 10, interpolated: false },
    ]);
    expect(expressionRegions("@@body('x')")).toEqual([]);
  });

  it.each([
    ["plain", false],
    ["@x", true],
    ["@@x", false],
    ["a @{x} b", true],
    ["mail@host", false],
    ["", false],
  ])("containsExpression(%j) is %s", (text, expected) => {
    expect(containsExpression(text)).toBe(expected);
  });
});
