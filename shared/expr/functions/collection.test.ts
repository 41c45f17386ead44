import { describe, expect, it } from "vitest";
import { ev, evError } from "../test-support/helpers";

describe("collection functions", () => {
  it.each([
    ["@contains('hello world', 'world')", true],
    ["@contains('hello world', 'universe')", false],
    ["@contains('hello world', 'World')", false],
    ["@contains(createArray(1, 2, 3), 2)", true],
    ["@contains(createArray(1, 2, 3), 4)", false],
    ["@contains(createArray('a', 'b'), 'B')", false],
    ["@contains(json('{\"a\": 1}'), 'a')", true],
    ["@contains(json('{\"a\": 1}'), 'b')", false],
    ["@contains(json('{}'), 'constructor')", false],
    ["@contains(createArray(json('{\"x\":1}')), json('{\"x\":1}'))", true],
    ["@empty('')", true],
    ["@empty('abc')", false],
    ["@empty(createArray())", true],
    ["@empty(json('[]'))", true],
    ["@empty(json('{}'))", true],
    ["@empty(json('{\"a\":1}'))", false],
    ["@empty(null)", true],
    ["@empty(variables('nothing'))", true],
    ["@first('hello')", "h"],
    ["@first(createArray(0, 1, 2))", 0],
    ["@first(json('[]'))", null],
    ["@first('')", null],
    ["@last('abcd')", "d"],
    ["@last(createArray(0, 1, 2, 3))", 3],
    ["@last(json('[]'))", null],
    ["@length('abcd')", 4],
    ["@length(createArray(0, 1, 2, 3))", 4],
    ["@length('')", 0],
    ["@length(variables('list'))", 3],
    ["@join(createArray('a', 'b', 'c'), '.')", "a.b.c"],
    ["@join(createArray(1, true, null, 'x'), ',')", "1,True,,x"],
    ["@join(json('[]'), ',')", ""],
    ["@join(createArray(json('{\"a\":1}')), ';')", '{"a":1}'],
    ["@union(createArray(1, 2, 3), createArray(1, 2, 10, 101))", [1, 2, 3, 10, 101]],
    ["@union(createArray(1, 1), createArray(1))", [1]],
    ['@union(json(\'{"a":1,"b":2}\'), json(\'{"b":3,"c":4}\'))', { a: 1, b: 3, c: 4 }],
    ["@intersection(createArray(1, 2, 3), createArray(101, 2, 1, 10), createArray(6, 8, 1, 2))", [1, 2]],
    ["@intersection(createArray(1, 2), createArray(3))", []],
    ['@intersection(json(\'{"a":1,"b":2}\'), json(\'{"a":1,"b":3}\'))', { a: 1 }],
    ["@skip(createArray(0, 1, 2, 3), 1)", [1, 2, 3]],
    ["@skip(createArray(0, 1), 5)", []],
    ["@skip('abcde', 2)", "cde"],
    ["@skip(createArray(0, 1), 0)", [0, 1]],
    ["@take('abcde', 3)", "abc"],
    ["@take(createArray(0, 1, 2, 3, 4), 3)", [0, 1, 2]],
    ["@take(createArray(0), 3)", [0]],
    ["@take('abc', 0)", ""],
    ["@reverse(createArray(0, 1, 2, 3))", [3, 2, 1, 0]],
    ["@reverse(json('[]'))", []],
    ["@sort(createArray(2, 1, 0, 3))", [0, 1, 2, 3]],
    ["@sort(createArray('b', 'a', 'C'))", ["C", "a", "b"]],
    [
      '@sort(json(\'[{"n":"b","v":2},{"n":"a","v":1}]\'), \'v\')',
      [
        { n: "a", v: 1 },
        { n: "b", v: 2 },
      ],
    ],
    ["@chunk('abcdefghijklmnopqrstuvwxyz', 10)", ["abcdefghij", "klmnopqrst", "uvwxyz"]],
    [
      "@chunk(createArray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 5)",
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
        [11, 12],
      ],
    ],
    ["@chunk('', 3)", []],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it.each([
    [
      "@contains(null, 'a')",
      "type",
      "'contains' expects a string, an array or an object; argument 1 is null",
    ],
    ["@contains('abc', 1)", "type", "argument 2 is an integer"],
    ["@empty(5)", "type", "argument 1 is an integer"],
    ["@first(5)", "type", "'first' expects a string or an array; argument 1 is an integer"],
    ["@last(null)", "type", "argument 1 is null"],
    ["@length(null)", "type", "'length' expects a string or an array; argument 1 is null"],
    ["@length(json('{}'))", "type", "argument 1 is an object"],
    ["@join('abc', ',')", "type", "'join' expects an array; argument 1 is a string"],
    [
      "@union(createArray(1), json('{}'))",
      "type",
      "collections that are all arrays; argument 2 is an object",
    ],
    ["@union(createArray(1))", "arity", "'union' expects at least 2 arguments but got 1"],
    ["@intersection('a', 'b')", "type", "arrays or objects"],
    ["@skip(createArray(1), -1)", "runtime", "count must not be negative"],
    ["@take(createArray(1), 'x')", "type", "argument 2 is a string"],
    ["@reverse('abc')", "type", "argument 1 is a string"],
    ["@sort(createArray(1, 'a'))", "runtime", "cannot compare"],
    ["@sort(createArray(1, 2), 'x')", "runtime", "can only sort objects"],
    ["@chunk('abc', 0)", "runtime", "length must be greater than 0"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
