import { describe, expect, it } from "vitest";
import { ev, evError } from "../test-support/helpers";

describe("conversion functions", () => {
  it.each([
    ["@int('10')", 10],
    ["@int('-42')", -42],
    ["@int(' 7 ')", 7],
    ["@int(10)", 10],
    ["@int(2.5)", 2],
    ["@int(3.5)", 4],
    ["@int(true)", 1],
    ["@float('10.333')", 10.333],
    ["@float('10,000.5')", 10000.5],
    ["@float('1.5e2')", 150],
    ["@float('10,5', 'de-DE')", 10.5],
    ["@float(3)", 3],
    ["@decimal('1.2345678912312')", 1.2345678912312],
    ["@add(decimal('1.5'), 1)", 2.5],
    ["@string(10)", "10"],
    ["@string(10.5)", "10.5"],
    ["@string(true)", "True"],
    ["@string(false)", "False"],
    ["@string(null)", ""],
    ['@string(json(\'{"name":"Sophie Owen"}\'))', '{"name":"Sophie Owen"}'],
    ["@string(createArray(1, 'a'))", '[1,"a"]'],
    ["@string(0.00001)", "1E-05"],
    ["@string(xml('<name>Sophia Owen</name>'))", "<name>Sophia Owen</name>"],
    ["@bool(1)", true],
    ["@bool(0)", false],
    ["@bool(-1)", true],
    ["@bool('true')", true],
    ["@bool('false')", false],
    ["@bool('TRUE')", true],
    ["@bool(true)", true],
    ["@bool(null)", false],
    ["@json('[1, 2, 3]')", [1, 2, 3]],
    ['@json(\'{"fullName": "Sophia Owen"}\')', { fullName: "Sophia Owen" }],
    ["@json('42')", 42],
    ["@json('\"text\"')", "text"],
    ["@json('null')", null],
    ["@json(null)", {}],
    ["@json(createArray(1))", [1]],
    ["@json(xml('<a><b>1</b><b>2</b></a>'))", { a: { b: ["1", "2"] } }],
    ["@array('hello')", ["hello"]],
    ["@array(null)", [null]],
    ["@createArray('h', 'e', 'l', 'l', 'o')", ["h", "e", "l", "l", "o"]],
    ["@createArray()", []],
    ["@createArray(1, 'a', null)", [1, "a", null]],
    ["@base64('hello')", "aGVsbG8="],
    ["@base64('')", ""],
    ["@base64('é€')", "w6nigqw="],
    ["@base64(12)", "MTI="],
    ["@base64ToString('aGVsbG8=')", "hello"],
    ["@base64ToString('w6nigqw=')", "é€"],
    ["@base64ToString('aGVsbG8')", "hello"],
    ["@decodeBase64('aGVsbG8=')", "hello"],
    ["@base64ToBinary('aGVsbG8=')", { "$content-type": "application/octet-stream", $content: "aGVsbG8=" }],
    ["@binary('hello')", { "$content-type": "application/octet-stream", $content: "aGVsbG8=" }],
    ["@dataUri('hello')", "data:text/plain;charset=utf-8;base64,aGVsbG8="],
    ["@dataUriToString('data:text/plain;charset=utf-8;base64,aGVsbG8=')", "hello"],
    ["@dataUriToString('data:,hello%20world')", "hello world"],
    [
      "@dataUriToBinary('data:text/plain;charset=utf-8;base64,aGVsbG8=')",
      { "$content-type": "text/plain;charset=utf-8", $content: "aGVsbG8=" },
    ],
    [
      "@decodeDataUri('data:text/plain;charset=utf-8;base64,aGVsbG8=')",
      { "$content-type": "text/plain;charset=utf-8", $content: "aGVsbG8=" },
    ],
    ["@encodeUriComponent('https://contoso.com')", "https%3A%2F%2Fcontoso.com"],
    ["@uriComponent('https://contoso.com')", "https%3A%2F%2Fcontoso.com"],
    ["@uriComponent('a b&c=d/é')", "a%20b%26c%3Dd%2F%C3%A9"],
    ["@uriComponent('it''s (ok)!*')", "it%27s%20%28ok%29%21%2A"],
    ["@uriComponent('A-Z_a.z~09')", "A-Z_a.z~09"],
    ["@decodeUriComponent('https%3A%2F%2Fcontoso.com')", "https://contoso.com"],
    ["@uriComponentToString('https%3A%2F%2Fcontoso.com')", "https://contoso.com"],
    ["@uriComponentToString('%C3%A9t%C3%A9')", "été"],
    ["@uriComponentToString('a+b')", "a+b"],
    ["@uriComponentToBinary('hi%21')", { "$content-type": "application/octet-stream", $content: "aGkh" }],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it("json() keeps a '__proto__' key as data and never touches prototypes", () => {
    const value = ev('@json(\'{"__proto__": {"polluted": true}}\')');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(ev("@json('{\"__proto__\": {\"polluted\": true}}')['__proto__']")).toEqual({ polluted: true });
  });

  it.each([
    ["@int('10.5')", "runtime", "'int' could not parse '10.5' as an integer"],
    ["@int('abc')", "runtime", "could not parse 'abc' as an integer"],
    ["@int('99999999999999999999')", "runtime", "outside the range of an integer"],
    ["@int(null)", "type", "'int' expects a string or a number; argument 1 is null"],
    ["@float('abc')", "runtime", "'float' could not parse 'abc' as a floating-point number"],
    ["@float(createArray())", "type", "argument 1 is an array"],
    ["@decimal('x')", "runtime", "could not parse 'x' as a decimal number"],
    ["@bool('yes')", "runtime", "'bool' could not convert 'yes' to a boolean"],
    ["@bool(createArray())", "type", "argument 1 is an array"],
    ["@json('{bad json')", "runtime", "'json' could not parse the string as JSON"],
    ["@base64ToString('***')", "runtime", "expects a base64-encoded string"],
    ["@base64ToString(1)", "type", "argument 1 is an integer"],
    ["@dataUriToString('hello')", "runtime", "expects a data URI"],
    ["@decodeUriComponent('%E0%A4%A')", "runtime", "invalid escape sequence"],
    ["@string()", "arity", "'string' expects 1 argument but got 0"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("json() refuses values nested past the limit", () => {
    const deep = `${"[".repeat(150)}${"]".repeat(150)}`;
    expect(evError(`@json('${deep}')`).code).toBe("limit");
  });
});
