import { describe, expect, it } from "vitest";
import { ev, evError } from "../test-support/helpers";

describe("logical comparison functions", () => {
  it.each([
    ["@and(true, true)", true],
    ["@and(false, true)", false],
    ["@and(false, false)", false],
    ["@and(equals(1, 1), equals(2, 2))", true],
    ["@and(equals(1, 1), equals(1, 2))", false],
    ["@and(true)", true],
    ["@and(true, true, false)", false],
    ["@or(true, false)", true],
    ["@or(false, false)", false],
    ["@or(equals(1, 1), equals(1, 2))", true],
    ["@or(false, false, true)", true],
    ["@not(false)", true],
    ["@not(true)", false],
    ["@not(equals(1, 2))", true],
    ["@equals(true, 1)", true],
    ["@equals(false, 0)", true],
    ["@equals('abc', 'abcd')", false],
    ["@equals('abc', 'abc')", true],
    ["@equals('abc', 'ABC')", false],
    ["@equals(1, 1.0)", true],
    ["@equals(null, null)", true],
    ["@equals(null, '')", true],
    ["@equals('1', 1)", false],
    ["@equals(createArray(1, 2), createArray(1, 2))", true],
    ["@equals(createArray(1, 2), createArray(2, 1))", false],
    ['@equals(json(\'{"a":1,"b":[1]}\'), json(\'{"b":[1],"a":1}\'))', true],
    ["@equals(outputs('Start_and_wait_for_an_approval')?['body/outcome'], 'Approve')", true],
    ["@greater(10, 5)", true],
    ["@greater('apple', 'banana')", false],
    ["@greater(5, 5)", false],
    ["@greater(5.5, 5)", true],
    ["@greaterOrEquals(5, 5)", true],
    ["@greaterOrEquals('apple', 'banana')", false],
    ["@less(5, 10)", true],
    ["@less('banana', 'apple')", false],
    ["@less(null, 1)", true],
    ["@lessOrEquals(10, 10)", true],
    ["@lessOrEquals('apply', 'apple')", false],
    ["@if(equals(1, 1), 'yes', 'no')", "yes"],
    ["@if(equals(1, 2), 'yes', 'no')", "no"],
    ["@if(true, createArray(1), null)", [1]],
    ["@if(false, 1, 2.0)", 2],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it.each([
    ["@and(true, 'true')", "type", "'and' expects booleans; argument 2 is a string"],
    ["@or(1, true)", "type", "'or' expects booleans; argument 1 is an integer"],
    ["@not('false')", "type", "'not' expects a boolean; argument 1 is a string"],
    ["@not()", "arity", "'not' expects 1 argument but got 0"],
    ["@equals(1)", "arity", "'equals' expects 2 arguments but got 1"],
    ["@greater(1, 'a')", "type", "'greater' expects two numbers or two strings; argument 2 is a string"],
    ["@less(createArray(), 1)", "type", "argument 1 is an array"],
    ["@if('yes', 1, 2)", "type", "'if' expects a boolean condition; argument 1 is a string"],
    ["@if(true, 1)", "arity", "'if' expects 3 arguments but got 2"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
