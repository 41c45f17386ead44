import { describe, expect, it } from "vitest";
import { FUNCTIONS, getFunctionInfo, UNSUPPORTED_FUNCTIONS } from "./functions/registry";
import { parseExpression } from "./parser";
import { printExpression, printTemplate } from "./printer";
import { parseTemplate } from "./template";

describe("function registry", () => {
  it("has at least 110 functions, each with a signature, a description and an arity", () => {
    expect(FUNCTIONS.length).toBeGreaterThanOrEqual(110);
    for (const f of FUNCTIONS) {
      expect(f.signature.startsWith(`${f.name}(`)).toBe(true);
      expect(f.description.length).toBeGreaterThan(10);
      expect(f.minArgs).toBeLessThanOrEqual(f.maxArgs);
    }
  });

  it.each([
    [
      "substring",
      "substring(text: string, startIndex: integer, length?: integer): string",
      2,
      3,
      "string",
      "string",
    ],
    ["CONCAT", "concat(...texts: any): string", 1, Number.POSITIVE_INFINITY, "string", "string"],
    ["utcnow", "utcNow(format?: string): string", 0, 1, "string", "datetime"],
    ["outputs", "outputs(actionName: string): any", 1, 1, "any", "reference"],
    ["union", "union(...collections: array | object): any", 2, Number.POSITIVE_INFINITY, "any", "collection"],
    ["if", "if(expression: boolean, valueIfTrue: any, valueIfFalse: any): any", 3, 3, "any", "logical"],
    ["xml", "xml(value: string | object): object", 1, 1, "object", "conversion"],
    ["XPath", "xpath(xml: object | string, xpath: string): any", 2, 2, "any", "conversion"],
  ])("describes %s", (name, signature, min, max, returns, group) => {
    const info = getFunctionInfo(name);
    expect(info?.signature).toBe(signature);
    expect([info?.minArgs, info?.maxArgs, info?.returns, info?.group]).toEqual([min, max, returns, group]);
  });

  it("marks what the first argument of reference functions names", () => {
    expect(getFunctionInfo("body")?.references).toBe("action");
    expect(getFunctionInfo("items")?.references).toBe("loop");
    expect(getFunctionInfo("result")?.references).toBe("scope");
    expect(getFunctionInfo("variables")?.references).toBe("variable");
    expect(getFunctionInfo("parameters")?.references).toBe("parameter");
    expect(getFunctionInfo("concat")?.references).toBeUndefined();
  });

  it("implements every function of the reference: none is listed as not supported", () => {
    expect([...UNSUPPORTED_FUNCTIONS.keys()]).toEqual([]);
    expect(getFunctionInfo("xml")?.name).toBe("xml");
    expect(getFunctionInfo("xpath")?.name).toBe("xpath");
  });

  it("is frozen", () => {
    expect(Object.isFrozen(FUNCTIONS)).toBe(true);
  });
});

describe("printer", () => {
  it.each([
    ["concat('a',  'it''s')", "concat('a', 'it''s')"],
    ["body('A')?['b'].c[0]", "body('A')?['b'].c[0]"],
    ["json('{}')?.x", "json('{}')?.x"],
    ["add(-1, 2.50)", "add(-1, 2.50)"],
    ["if(TRUE,null,false)", "if(true, null, false)"],
  ])("prints %s", (text, expected) => {
    expect(printExpression(parseExpression(text))).toBe(expected);
  });

  it.each([
    ["@add(1,2)", "@add(1, 2)"],
    ["Hi @{variables('n')}!", "Hi @{variables('n')}!"],
    ["@@literal", "@@literal"],
    ["plain", "plain"],
    ["a @@{b} @{c()}".replace("c()", "utcNow()"), "a @@{b} @{utcNow()}"],
  ])("prints the template %s", (text, expected) => {
    expect(printTemplate(parseTemplate(text))).toBe(expected);
  });
});
