import { describe, expect, it } from "vitest";
import { resolveLink } from "./links";

describe("resolveLink", () => {
  it("lets web and mail addresses out", () => {
    expect(resolveLink("https://contoso.example/x")).toEqual({
      kind: "external",
      href: "https://contoso.example/x",
    });
    expect(resolveLink("mailto:a@b.example")).toEqual({ kind: "external", href: "mailto:a@b.example" });
  });

  it("maps the sandbox's links to its pages", () => {
    expect(resolveLink("sandbox://businesscentral/vendors/123")).toEqual({
      kind: "internal",
      href: "#/sandbox/bc/vendors/123",
    });
    expect(resolveLink("sandbox://teams/Finance%2FApprovals/17")).toEqual({
      kind: "internal",
      href: "#/sandbox/teams",
    });
  });

  it("refuses everything else", () => {
    for (const uri of [
      "",
      "javascript:alert(1)",
      "data:text/html,x",
      "ftp://x",
      "sandbox://bc/a/b/c/d",
      "sandbox://bc/<x>",
      "//evil.example",
      "/relative",
    ]) {
      expect(resolveLink(uri)).toBeUndefined();
    }
  });
});
