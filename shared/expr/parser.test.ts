import { describe, expect, it } from "vitest";
import type { CallExpression, MemberExpression } from "./ast";
import { ExpressionError } from "./errors";
import { parseExpression } from "./parser";
import { tokenize } from "./scanner";
import { parseTemplate } from "./template";

function syntaxErrorOf(text: string): ExpressionError {
  try {
    parseTemplate(text);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
}

describe("scanner", () => {
  it("reads names, numbers, strings and punctuation with their offsets", () => {
    const tokens = tokenize("concat('it''s', -1.5, .5)?['k'].x");
    expect(tokens.map((t) => [t.kind, t.text, t.start])).toEqual([
      ["identifier", "concat", 0],
      ["lparen", "(", 6],
      ["string", "it's", 7],
      ["comma", ",", 14],
      ["number", "-1.5", 16],
      ["comma", ",", 20],
      ["number", ".5", 22],
      ["rparen", ")", 24],
      ["question", "?", 25],
      ["lbracket", "[", 26],
      ["string", "k", 27],
      ["rbracket", "]", 30],
      ["dot", ".", 31],
      ["identifier", "x", 32],
    ]);
  });

  it.each([
    ["'never closed", "unterminated string: closing ' expected at 0"],
    ["a # b", "unexpected character '#' at 2"],
    ["12abc", "invalid number '12a' at 0"],
  ])("rejects %s", (text, message) => {
    expect(() => tokenize(text)).toThrow(message);
  });
});

describe("parser", () => {
  it("builds calls with name positions and arguments", () => {
    const node = parseExpression("add(1, 2.0)") as CallExpression;
    expect(node.kind).toBe("call");
    expect(node.name).toBe("add");
    expect([node.start, node.end, node.nameStart, node.nameEnd]).toEqual([0, 11, 0, 3]);
    expect(node.args.map((a) => a.kind === "number" && [a.value, a.isFloat])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it("builds member chains with dot, bracket and null-safe access", () => {
    const node = parseExpression("body('A')?['b'].c[0]") as MemberExpression;
    expect(node.kind).toBe("member");
    expect(node.access).toBe("bracket");
    const dot = node.object as MemberExpression;
    expect([dot.access, dot.optional, dot.key.kind === "string" && dot.key.value]).toEqual([
      "dot",
      false,
      "c",
    ]);
    const safe = dot.object as MemberExpression;
    expect([safe.access, safe.optional]).toEqual(["bracket", true]);
  });

  it.each([
    ["TRUE", "boolean"],
    ["False", "boolean"],
    ["NULL", "null"],
    ["'x'", "string"],
    ["-3", "number"],
    ["1e3", "number"],
  ])("reads the literal %s", (text, kind) => {
    expect(parseExpression(text).kind).toBe(kind);
  });

  it("accepts whitespace and newlines between tokens", () => {
    expect(parseExpression(" concat ( 'a' ,\n 'b' ) ").kind).toBe("call");
  });

  it.each([
    ["@concat('a', 'b'", "')' or ',' expected at 16", 16],
    ["@concat('a' 'b')", "')' or ',' expected but found a string at 12", 12],
    ["@concat(,)", "expression expected but found ',' at 8", 8],
    ["@length", "'(' expected after function name 'length' at 7", 7],
    ["@body('x')[0", "']' expected at 12", 12],
    ["@body('x')?", "'[' or '.' expected after '?' at 11", 11],
    ["@body('x').", "property name expected after '.' at 11", 11],
    ["@", "expression expected at 1", 1],
    ["@concat('a')  concat('b')", "end of expression expected at 14", 14],
    ["@{concat('a')", "'}' expected to close '@{' at 13", 13],
    ["Hello @{body('x') there}", "'}' expected at 18", 18],
    ["x @{ } y", "expression expected but found '}' at 5", 5],
    ["@'unclosed", "unterminated string: closing ' expected at 1", 1],
  ])("reports %s with its position", (text, message, position) => {
    const error = syntaxErrorOf(text);
    expect(error.code).toBe("syntax");
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });

  it("reports an error's line and column in multi-line text", () => {
    const error = syntaxErrorOf("Line one\nand @{concat('a',\n 'b'");
    expect(error.position).toBe(31);
    expect([error.line, error.column]).toEqual([3, 5]);
  });

  it.each([
    ["@lenght('abc')", "unknown function 'lenght' — did you mean 'length'?", 1, 6],
    ["@toLowr('A')", "unknown function 'toLowr' — did you mean 'toLower'?", 1, 6],
    ["@utcnow()", undefined, 0, 0],
    ["x @{frobnicate(1)}", "unknown function 'frobnicate'", 4, 10],
    ["@substring('abc')", "'substring' expects 2 to 3 arguments but got 1", 1, 16],
    ["@utcNow('o', 'x')", "'utcNow' expects 0 to 1 arguments but got 2", 1, 16],
    ["@trigger(1)", "'trigger' expects no arguments but got 1", 1, 10],
  ])("checks function names and arity: %s", (text, message, position, length) => {
    if (message === undefined) {
      expect(() => parseTemplate(text)).not.toThrow();
      return;
    }
    const error = syntaxErrorOf(text);
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
    expect(error.length).toBe(length);
  });

  it("stops past the nesting limit with a clear error", () => {
    const deep = `@${"string(".repeat(120)}1${")".repeat(120)}`;
    const error = syntaxErrorOf(deep);
    expect(error.code).toBe("limit");
    expect(error.message).toContain("nested deeper than 100 levels");
    const deepMembers = `@json('{}')${"?['a']".repeat(150)}`;
    expect(syntaxErrorOf(deepMembers).code).toBe("limit");
  });

  it("accepts nesting up to the limit", () => {
    const ok = `@${"string(".repeat(90)}1${")".repeat(90)}`;
    expect(() => parseTemplate(ok)).not.toThrow();
  });

  it("serializes errors with code, message, position and length", () => {
    expect(JSON.parse(JSON.stringify(syntaxErrorOf("@lenght('x')")))).toEqual({
      code: "unknown-function",
      message: "unknown function 'lenght' — did you mean 'length'?",
      position: 1,
      length: 6,
    });
  });
});
