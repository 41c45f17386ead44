import { describe, expect, it } from "vitest";
import { decodeEntities, looksLikeHtml, type SafeNode, sanitizeHtml, textOf } from "./safe-html";

/** The tree as compact markup, to compare whole results at a glance. */
function show(nodes: readonly SafeNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return node;
      const href = node.link ? ` href="${node.link.href}"` : "";
      return `<${node.tag}${href}>${show(node.children)}</${node.tag}>`;
    })
    .join("");
}

describe("sanitizeHtml", () => {
  it("keeps the allowed tags and their text", () => {
    expect(show(sanitizeHtml("<p>Invoice <strong>PI-1001</strong> was <em>approved</em>.</p>"))).toBe(
      "<p>Invoice <strong>PI-1001</strong> was <em>approved</em>.</p>",
    );
  });

  it("drops scripts, styles and their content", () => {
    const nodes = sanitizeHtml(
      '<p>Hi</p><script>alert("x")</script><style>p{color:red}</style><SCRIPT type="x">evil()</SCRIPT >ok',
    );
    expect(show(nodes)).toBe("<p>Hi</p>ok");
  });

  it("drops every attribute but a safe href", () => {
    const nodes = sanitizeHtml(
      '<p onclick="steal()" style="color:red" class="x"><a href="https://example.com/a?b=1&amp;c=2" onmouseover="x()">link</a></p>',
    );
    expect(show(nodes)).toBe('<p><a href="https://example.com/a?b=1&c=2">link</a></p>');
  });

  it("refuses javascript:, data: and other link schemes, keeping the text", () => {
    for (const href of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "data:text/html,x",
      "file:///etc/passwd",
      "vbscript:x",
    ]) {
      const [link] = sanitizeHtml(`<a href="${href}">click</a>`);
      expect(typeof link === "object" && link.link).toBeFalsy();
      expect(textOf(sanitizeHtml(`<a href="${href}">click</a>`))).toBe("click");
    }
    const encoded = sanitizeHtml('<a href="&#106;avascript:alert(1)">x</a>');
    expect(typeof encoded[0] === "object" && encoded[0].link).toBeFalsy();
  });

  it("turns sandbox links into the sandbox's routes and keeps mailto", () => {
    expect(show(sanitizeHtml('<a href="sandbox://businesscentral/purchaseInvoices/abc-1">open</a>'))).toBe(
      '<a href="#/sandbox/bc/purchaseInvoices/abc-1">open</a>',
    );
    expect(show(sanitizeHtml('<a href="mailto:ap@example.com">mail</a>'))).toBe(
      '<a href="mailto:ap@example.com">mail</a>',
    );
  });

  it("unwraps tags it does not allow and drops images, forms and embedded documents", () => {
    expect(
      show(
        sanitizeHtml(
          '<span style="x"><font color="red">Total</font></span> <img src="https://tracker.example/p.gif" onerror="x()"><iframe src="https://evil">inner</iframe><form><input name="a"><button>Go</button></form><svg><script>x</script><text>t</text></svg>end',
        ),
      ),
    ).toBe("Total end");
  });

  it("reads entities, comments and stray angle brackets as text", () => {
    expect(textOf(sanitizeHtml("a &lt;b&gt; &amp; c<!-- hidden --> 5 < 6 &euro;10 &#8364; &#x20AC;"))).toBe(
      "a <b> & c 5 < 6 €10 € €",
    );
    expect(textOf(sanitizeHtml("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))).toBe(
      "<script>alert(1)</script>",
    );
  });

  it("copes with unclosed and misnested tags", () => {
    expect(show(sanitizeHtml("<ul><li>one<li>two</ul><p>a<p>b"))).toBe(
      "<ul><li>one</li><li>two</li></ul><p>a</p><p>b</p>",
    );
    expect(show(sanitizeHtml("<b>bold <i>both</b> after</i>"))).toBe("<b>bold <i>both</i></b> after");
    expect(show(sanitizeHtml("</div>text</p>"))).toBe("text");
  });

  it("puts rows into a table body and ignores layout whitespace", () => {
    expect(show(sanitizeHtml("<table>\n <tr>\n  <td>A</td><td>1</td>\n </tr>\n</table>"))).toBe(
      "<table><tbody><tr><td>A</td><td>1</td></tr></tbody></table>",
    );
  });

  it("keeps line breaks as void elements without children", () => {
    const nodes = sanitizeHtml("one<br>two<br/>three");
    expect(show(nodes)).toBe("one<br></br>two<br></br>three");
    expect(
      nodes
        .filter((n) => typeof n === "object")
        .every((n) => typeof n === "object" && n.children.length === 0),
    ).toBe(true);
  });

  it("limits nesting depth without losing text", () => {
    const deep = `${"<div>".repeat(200)}deep${"</div>".repeat(200)}`;
    expect(textOf(sanitizeHtml(deep))).toBe("deep");
  });

  it("treats an unterminated tag or comment as the end of the text", () => {
    expect(textOf(sanitizeHtml("before <!-- never closed"))).toBe("before ");
    expect(textOf(sanitizeHtml('before <a href="x'))).toBe("before ");
  });
});

describe("looksLikeHtml and decodeEntities", () => {
  it("tells markup from plain text", () => {
    expect(looksLikeHtml("<p>Hi</p>")).toBe(true);
    expect(looksLikeHtml("Fish &amp; chips")).toBe(true);
    expect(looksLikeHtml("Amount < 1000 and > 10\nnext line")).toBe(false);
  });

  it("replaces out-of-range references with the replacement character", () => {
    expect(decodeEntities("&#0;&#xD800;&#9999999;&unknown;")).toBe("\ufffd\ufffd\ufffd&unknown;");
  });
});
