import { describe, expect, it } from "vitest";
import { inlineText, parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads the details of an approval built from a template", () => {
    const blocks = parseMarkdown(
      "daniel.reyes@cronus-demo.example asks you to approve purchase invoice **PI-1001**.\n\n- Vendor: Birch Logistics Co.\n- Amount: 13,235.11",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "list"]);
    const [paragraph, list] = blocks;
    expect(paragraph?.kind === "paragraph" && paragraph.content[1]).toEqual({
      kind: "strong",
      children: [{ kind: "text", text: "PI-1001" }],
    });
    expect(list?.kind === "list" && list.items.map(inlineText)).toEqual([
      "Vendor: Birch Logistics Co.",
      "Amount: 13,235.11",
    ]);
  });

  it("reads headings, numbered lists, rules and code blocks", () => {
    const blocks = parseMarkdown("# Title\n1. first\n2) second\n\n---\n```\nraw **text**\n```");
    expect(blocks).toEqual([
      { kind: "heading", level: 1, content: [{ kind: "text", text: "Title" }] },
      {
        kind: "list",
        ordered: true,
        items: [[{ kind: "text", text: "first" }], [{ kind: "text", text: "second" }]],
      },
      { kind: "rule" },
      { kind: "code", text: "raw **text**" },
    ]);
  });

  it("keeps single line breaks inside a paragraph", () => {
    expect(parseMarkdown("one\ntwo")).toEqual([
      {
        kind: "paragraph",
        content: [{ kind: "text", text: "one" }, { kind: "break" }, { kind: "text", text: "two" }],
      },
    ]);
  });
});

describe("parseInline", () => {
  it("reads emphasis, code and escapes", () => {
    expect(parseInline("*a* _b_ `c*d` \\*e\\* snake_case_name")).toEqual([
      { kind: "em", children: [{ kind: "text", text: "a" }] },
      { kind: "text", text: " " },
      { kind: "em", children: [{ kind: "text", text: "b" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "c*d" },
      { kind: "text", text: " *e* snake_case_name" },
    ]);
  });

  it("resolves links and refuses unsafe ones", () => {
    const [web] = parseInline("[site](https://example.com)");
    expect(web).toMatchObject({ kind: "link", link: { kind: "external", href: "https://example.com/" } });
    const [evil] = parseInline("[x](javascript:alert(1))");
    expect(evil).toMatchObject({ kind: "link", link: undefined });
    const [record] = parseInline("[PI-1001](sandbox://businesscentral/purchaseInvoices/abc)");
    expect(record).toMatchObject({ link: { kind: "internal", href: "#/sandbox/bc/purchaseInvoices/abc" } });
  });

  it("leaves HTML as text", () => {
    expect(inlineText(parseInline("<b>not bold</b>"))).toBe("<b>not bold</b>");
  });
});
