import { describe, expect, it } from "vitest";
import { evaluateTemplate } from "../../../shared/expr";
import { fromSegments, toSegments } from "./segments";

describe("token segments", () => {
  it("splits interpolated text into text and tokens", () => {
    expect(toSegments("Invoice @{triggerBody()?['number']} is due")).toEqual([
      { kind: "text", text: "Invoice " },
      { kind: "token", expression: "triggerBody()?['number']" },
      { kind: "text", text: " is due" },
    ]);
  });

  it("reads a whole-value expression as one token and writes it back type-preserving", () => {
    const value = "@outputs('Start_and_wait_for_an_approval')?['body/outcome']";
    expect(toSegments(value)).toEqual([{ kind: "token", expression: value.slice(1) }]);
    expect(fromSegments(toSegments(value))).toBe(value);
  });

  it("round-trips plain text, tokens and escapes", () => {
    for (const value of [
      "plain text",
      "a @{concat('x', 'y')} b @{utcNow()}",
      "@@literal at sign",
      "mail me at someone@example.com",
      "",
    ]) {
      expect(fromSegments(toSegments(value))).toBe(value);
    }
  });

  it("escapes text that would otherwise be read as an expression, and reads it back as text", () => {
    for (const text of ["@home and @{not a token}", "a @{b", "@{", "@home"]) {
      const value = fromSegments([{ kind: "text", text }]);
      expect(evaluateTemplate(value)).toBe(text);
      expect(toSegments(value)).toEqual([{ kind: "text", text }]);
    }
  });

  it("keeps a leading @ literal next to a token", () => {
    const value = fromSegments([
      { kind: "text", text: "@team: " },
      { kind: "token", expression: "utcNow()" },
    ]);
    expect(String(evaluateTemplate(value, { now: () => 0 }))).toMatch(/^@team: 1970-01-01T00:00:00/);
    expect(toSegments(value)).toEqual([
      { kind: "text", text: "@team: " },
      { kind: "token", expression: "utcNow()" },
    ]);
  });

  it("interpolates a token among text so that the result is a string", () => {
    const value = fromSegments([
      { kind: "text", text: "Total: " },
      { kind: "token", expression: "add(1, 2)" },
    ]);
    expect(value).toBe("Total: @{add(1, 2)}");
    expect(evaluateTemplate(value)).toBe("Total: 3");
  });
});
