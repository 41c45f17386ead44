import { describe, expect, it } from "vitest";
import { evaluate } from "../evaluate";
import { parseTemplate } from "../template";
import { ev, evError, makeContext } from "../test-support/helpers";

describe("math functions", () => {
  it.each([
    ["@add(1, 1.5)", 2.5],
    ["@add(1, 2)", 3],
    ["@add(-1, 1)", 0],
    ["@add(0.1, 0.2)", 0.30000000000000004],
    ["@sub(10.3, .3)", 10],
    ["@sub(10, 3)", 7],
    ["@sub(3, 10)", -7],
    ["@mul(1, 2)", 2],
    ["@mul(1.5, 2)", 3],
    ["@mul(-2, 3)", -6],
    ["@div(10, 5)", 2],
    ["@div(11, 5)", 2],
    ["@div(11, 5.0)", 2.2],
    ["@div(11.0, 5)", 2.2],
    ["@div(-11, 5)", -2],
    ["@div(mul(1.5, 2), 2)", 1.5],
    ["@div(add(1, 5.0), 4)", 1.5],
    ["@div(float('10'), 4)", 2.5],
    ["@div(int('10'), 4)", 2],
    ["@mod(3, 2)", 1],
    ["@mod(-5, 3)", -2],
    ["@mod(5.5, 2)", 1.5],
    ["@min(1, 2, 3)", 1],
    ["@min(createArray(1, 2, 3))", 1],
    ["@min(2.5, 1)", 1],
    ["@max(1, 2, 3)", 3],
    ["@max(createArray(1, 2, 3))", 3],
    ["@max(-1.5, -2)", -1.5],
    ["@range(1, 4)", [1, 2, 3, 4]],
    ["@range(0, 0)", []],
    ["@range(-2, 3)", [-2, -1, 0]],
    ["@rand(1, 5)", 3],
    ["@rand(0, 1)", 0],
    ["@length(range(0, 100000))", 100000],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it("rand() draws from the injected random source, min inclusive and max exclusive", () => {
    expect(ev("@rand(1, 5)", makeContext({ random: () => 0 }))).toBe(1);
    expect(ev("@rand(1, 5)", makeContext({ random: () => 0.999999 }))).toBe(4);
  });

  it("keeps the Float type of an integral result through nested calls", () => {
    const compiled = parseTemplate("@div(mul(2.0, 3), 4)");
    expect(evaluate(compiled, makeContext())).toBe(1.5);
  });

  it.each([
    ["@add(1, '2')", "type", "'add' expects numbers; argument 2 is a string"],
    ["@add(null, 1)", "type", "'add' expects numbers; argument 1 is null"],
    ["@sub(true, 1)", "type", "argument 1 is a boolean"],
    ["@mul(1)", "arity", "'mul' expects 2 arguments but got 1"],
    ["@div(1, 0)", "runtime", "'div' cannot divide by zero"],
    ["@div(1.5, 0.0)", "runtime", "cannot divide by zero"],
    ["@mod(1, 0)", "runtime", "'mod' cannot divide by zero"],
    ["@min(json('[]'))", "runtime", "the array is empty"],
    ["@max(1, 'a')", "type", "argument 2 is a string"],
    ["@range(1, -1)", "runtime", "count must not be negative"],
    ["@range(1, 100001)", "runtime", "must not exceed 100000"],
    ["@range(2147483647, 1)", "runtime", "must not exceed 2147483647"],
    ["@range(1.5, 2)", "type", "argument 1 is a float"],
    ["@rand(5, 5)", "runtime", "minValue (5) must be less than maxValue (5)"],
    ["@mul(1e308, 10)", "runtime", "not a finite number"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
