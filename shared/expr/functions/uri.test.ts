import { describe, expect, it } from "vitest";
import { ev, evError } from "../test-support/helpers";

describe("URI parsing functions", () => {
  it.each([
    ["@uriHost('https://www.localhost.com:8080')", "www.localhost.com"],
    ["@uriHost('http://user:pw@example.com/x')", "example.com"],
    ["@uriPath('https://www.contoso.com/catalog/shownew.htm?date=today')", "/catalog/shownew.htm"],
    ["@uriPath('https://www.contoso.com')", "/"],
    [
      "@uriPathAndQuery('https://www.contoso.com/catalog/shownew.htm?date=today')",
      "/catalog/shownew.htm?date=today",
    ],
    ["@uriPathAndQuery('https://www.contoso.com?x=1')", "/?x=1"],
    ["@uriPort('https://www.localhost:8080')", 8080],
    ["@uriPort('https://www.contoso.com')", 443],
    ["@uriPort('http://www.contoso.com/a')", 80],
    ["@uriQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", "?date=today"],
    ["@uriQuery('https://www.contoso.com/a#frag')", ""],
    ["@uriScheme('https://www.contoso.com/catalog/shownew.htm?date=today')", "https"],
    ["@uriScheme('HTTP://x.org')", "http"],
  ])("%s", (expression, expected) => {
    expect(ev(expression)).toEqual(expected);
  });

  it.each([
    ["@uriHost('not a uri')", "runtime", "'uriHost' expects an absolute URI, not 'not a uri'"],
    ["@uriPath('/relative/path')", "runtime", "expects an absolute URI"],
    ["@uriPort('custom://host')", "runtime", "has no default port for scheme 'custom'"],
    ["@uriScheme(null)", "type", "'uriScheme' expects a URI string; argument 1 is null"],
  ])("%s fails", (expression, code, message) => {
    const error = evError(expression);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
