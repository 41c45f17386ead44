import { describe, expect, it } from "vitest";
import { ev, evError } from "../test-support/helpers";

describe("manipulation functions", () => {
  it.each([
    ["@coalesce(null, true, false)", true],
    ["@coalesce(null, 'hello', 'world')", "hello"],
    ["@coalesce(null, null, null)", null],
    ["@coalesce('', 'x')", ""],
    ["@coalesce(triggerBody()?['missing'], 'default')", "default"],
    ["@coalesce(null, 2.0)", 2],
    [
      '@addProperty(json(\'{ "firstName": "Sophia", "surName": "Owen" }\'), \'middleName\', \'Anne\')',
      { firstName: "Sophia", surName: "Owen", middleName: "Anne" },
    ],
    [
      '@setProperty(json(\'{ "customerName": { "firstName": "Sophia", "surName": "Owen" } }\'), \'customerName\', addProperty(json(\'{ "customerName": { "firstName": "Sophia", "surName": "Owen" } }\')[\'customerName\'], \'middleName\', \'Anne\'))',
      { customerName: { firstName: "Sophia", surName: "Owen", middleName: "Anne" } },
    ],
    [
      '@setProperty(json(\'{ "firstName": "Sophia", "surName": "Owen" }\'), \'surName\', \'Hartnett\')',
      { firstName: "Sophia", surName: "Hartnett" },
    ],
    ["@setProperty(json('{}'), 'n', 1)", { n: 1 }],
    [
      '@removeProperty(json(\'{ "firstName": "Sophia", "middleName": "Anne", "surName": "Owen" }\'), \'middleName\')',
      { firstName: "Sophia", surName: "Owen" },
    ],
    [
      '@removeProperty(json(\'{ "customerName": { "firstName": "Sophia", "middleName": "Anne" } }\')[\'customerName\'], \'middleName\')',
      { firstName: "Sophia" },
    ],
    ["@removeProperty(json('{\"a\":1}'), 'b')", { a: 1 }],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it("never modifies the object it was given", () => {
    const before = ev("@variables('obj')");
    ev("@setProperty(variables('obj'), 'a', 99)");
    ev("@removeProperty(variables('obj'), 'a')");
    expect(ev("@variables('obj')")).toEqual(before);
  });

  it("setProperty with '__proto__' adds a plain property, not a prototype", () => {
    const value = ev("@setProperty(json('{}'), '__proto__', json('{\"polluted\": 1}'))");
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["@addProperty(json('{\"a\":1}'), 'a', 2)", "runtime", "'addProperty' property 'a' already exists"],
    ["@addProperty('text', 'a', 2)", "type", "'addProperty' expects an object; argument 1 is a string"],
    ["@setProperty(json('{}'), 1, 2)", "type", "argument 2 is an integer"],
    ["@removeProperty(null, 'a')", "type", "argument 1 is null"],
    ["@coalesce()", "arity", "'coalesce' expects at least 1 argument but got 0"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
