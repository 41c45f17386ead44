import { describe, expect, it } from "vitest";
import { inlineText, parseInline, parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads the details of an approval built from a template", () => {
    const blocks = parseMarkdown(
      "daniel.reyes@cronus-demo.example asks you to approve purchase invoice **PI-1001**.\n\n- Vendor: Birch Logistics Co.\n- Amount: 13,235.11",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "list"]);
    const [paragraph, list] = blocks;
    // The requester's address is a mail link; the number is bold.
    expect(paragraph?.kind === "paragraph" && paragraph.content[0]).toMatchObject({
      kind: "link",
      link: { kind: "external", href: "mailto:daniel.reyes@cronus-demo.example" },
    });
    expect(paragraph?.kind === "paragraph" && paragraph.content[2]).toEqual({
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

describe("tables", () => {
  it("reads a GitHub table with its alignment, and the text around it", () => {
    const blocks = parseMarkdown(
      "The statement shows **3 open invoices**.\n| Invoice | Amount |\n|---|---:|\n| PI-1001 | 13,235.11 |\n| PI-1010 | 5,595.11 |\n\nThanks.",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const table = blocks[1];
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.align).toEqual([undefined, "right"]);
    expect(table.header.map(inlineText)).toEqual(["Invoice", "Amount"]);
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      ["PI-1001", "13,235.11"],
      ["PI-1010", "5,595.11"],
    ]);
  });

  it("fills short rows, cuts long ones, keeps escaped pipes and inline markdown in cells", () => {
    const [table] = parseMarkdown("a | b | c\n:-- | :-: | --\n**x** | y \\| z\n1 | 2 | 3 | 4");
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.align).toEqual(["left", "center", undefined]);
    expect(table.rows[0]?.[0]).toEqual([{ kind: "strong", children: [{ kind: "text", text: "x" }] }]);
    expect(table.rows.map((row) => row.map(inlineText))).toEqual([
      ["x", "y | z", ""],
      ["1", "2", "3"],
    ]);
  });

  it("is no table without a matching delimiter line", () => {
    expect(parseMarkdown("a | b\n---").map((b) => b.kind)).not.toContain("table");
    expect(parseMarkdown("Costs | 5\nmore text").map((b) => b.kind)).toEqual(["paragraph"]);
  });
});

describe("autolinks", () => {
  const links = (text: string) =>
    parseInline(text).flatMap((part) =>
      part.kind === "link" ? [{ text: inlineText(part.children), href: part.link?.href }] : [],
    );

  it("links bare web and mail addresses, leaving the sentence's punctuation out", () => {
    expect(
      links("See https://intranet.example/racking/aisle-4. Or www.example.com, or ask pat@partner.example."),
    ).toEqual([
      { text: "https://intranet.example/racking/aisle-4", href: "https://intranet.example/racking/aisle-4" },
      { text: "www.example.com", href: "http://www.example.com/" },
      { text: "pat@partner.example", href: "mailto:pat@partner.example" },
    ]);
    expect(links("(see https://en.wikipedia.org/wiki/Rack_(storage))")).toEqual([
      {
        text: "https://en.wikipedia.org/wiki/Rack_(storage)",
        href: "https://en.wikipedia.org/wiki/Rack_(storage)",
      },
    ]);
    expect(links("<https://example.com/a b> <mailto:x@y.example>")).toEqual([
      { text: "mailto:x@y.example", href: "mailto:x@y.example" },
    ]);
  });

  it("links only web and mail addresses, and never inside a link's own words", () => {
    expect(links("javascript:alert(1) ftp://files.example data:text/html,x")).toEqual([]);
    expect(links("[https://a.example](https://b.example)")).toEqual([
      { text: "https://a.example", href: "https://b.example/" },
    ]);
    // An address inside a word is not one.
    expect(links("xhttps://x.example and name@x")).toEqual([]);
  });
});
