// Mail bodies and Teams messages are HTML that flows wrote, so they are untrusted. They are never
// handed to innerHTML: this module reads the HTML into a small tree that keeps only allow-listed
// tags and, of all attributes, only a link's href (checked by resolveLink). SafeHtml.tsx then builds
// React elements from that tree, so text is escaped by React and nothing else can reach the DOM:
// no scripts, styles, event handlers, images that call home, or forms. The reader is forgiving
// (unclosed tags, stray closers, entities) because mail HTML often is; whatever it misreads can
// only come out as text or as an allowed tag, never as markup.
import { type ResolvedLink, resolveLink } from "./links";

export type AllowedTag = (typeof ALLOWED)[number];
export type SafeNode = string | SafeElement;
export interface SafeElement {
  tag: AllowedTag;
  /** Only on "a", and only a link resolveLink accepts. */
  link?: ResolvedLink;
  children: SafeNode[];
}

const ALLOWED = [
  "p",
  "br",
  "hr",
  "div",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "del",
  "ins",
  "sub",
  "sup",
  "small",
  "mark",
  "code",
  "pre",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "a",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
] as const;
const allowed = new Set<string>(ALLOWED);

/** Elements without content. */
const VOID = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "wbr",
  "col",
  "area",
  "base",
  "embed",
  "param",
  "source",
  "track",
  "keygen",
]);
/** Their content is raw text up to the closing tag: dropped whole. */
const RAW_TEXT = new Set([
  "script",
  "style",
  "title",
  "textarea",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
]);
/** Dropped with everything inside them (it is not mail text). */
const DROP_WITH_CONTENT = new Set([
  "head",
  "template",
  "svg",
  "math",
  "object",
  "select",
  "button",
  "form",
  "audio",
  "video",
]);
/** Where whitespace between tags is layout, not text. */
const NO_TEXT = new Set(["table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl"]);
/** Opening one of these closes an open sibling of the listed tags first (<li>a<li>b). */
const CLOSES: Readonly<Record<string, readonly string[]>> = {
  p: ["p"],
  li: ["li"],
  dt: ["dt", "dd"],
  dd: ["dt", "dd"],
  tr: ["tr", "td", "th"],
  td: ["td", "th"],
  th: ["td", "th"],
  thead: ["tbody", "tfoot", "tr", "td", "th"],
  tbody: ["thead", "tbody", "tfoot", "tr", "td", "th"],
  tfoot: ["thead", "tbody", "tr", "td", "th"],
};
const MAX_DEPTH = 40;
const MAX_INPUT = 500_000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  bull: "•",
  middot: "·",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  deg: "°",
  times: "×",
  divide: "÷",
  laquo: "«",
  raquo: "»",
};

/** Text with its character references replaced ("&amp;" → "&", "&#8364;" → "€"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (match, ref: string) => {
    if (ref.startsWith("#")) {
      const code =
        ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? match;
  });
}

/** True when the text has tags in it; plain text is shown as text, line breaks kept. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][\s\S]*?>/i.test(text) || /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
}

interface Frame {
  /** The tag as written; null for an unwrapped (disallowed) element, whose children go to its parent. */
  tag: string;
  element: SafeElement | undefined;
}

/** Reads HTML into a tree of allowed elements and text. */
export function sanitizeHtml(html: string): SafeNode[] {
  const input = html.length > MAX_INPUT ? html.slice(0, MAX_INPUT) : html;
  const root: SafeNode[] = [];
  const stack: Frame[] = [];
  /** How many dropped elements we are inside (their content is skipped). */
  let dropping = 0;
  const dropStack: string[] = [];

  const container = (): SafeNode[] => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const element = stack[i]?.element;
      if (element) return element.children;
    }
    return root;
  };
  const innermostTag = (): string | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const element = stack[i]?.element;
      if (element) return element.tag;
    }
    return undefined;
  };
  const depth = () => stack.filter((frame) => frame.element).length;

  const addText = (raw: string) => {
    if (dropping > 0 || raw === "") return;
    const text = decodeEntities(raw);
    const parent = innermostTag();
    if (parent && NO_TEXT.has(parent) && text.trim() === "") return;
    const children = container();
    const last = children[children.length - 1];
    if (typeof last === "string") children[children.length - 1] = last + text;
    else children.push(text);
  };

  const close = (tag: string) => {
    const index = stack.map((frame) => frame.tag).lastIndexOf(tag);
    if (index >= 0) stack.length = index;
  };

  const open = (tag: string, attributes: Map<string, string>, selfClosing: boolean) => {
    if (dropping > 0) {
      if (DROP_WITH_CONTENT.has(tag) && !selfClosing) {
        dropping++;
        dropStack.push(tag);
      }
      return;
    }
    if (DROP_WITH_CONTENT.has(tag)) {
      if (!selfClosing) {
        dropping++;
        dropStack.push(tag);
      }
      return;
    }
    const closes = CLOSES[tag];
    if (closes) {
      // Only siblings within the nearest list or table close: a nested list keeps its parent item.
      const scope = tag === "li" ? ["ul", "ol"] : tag === "dt" || tag === "dd" ? ["dl"] : ["table"];
      for (let i = stack.length - 1; i >= 0; i--) {
        const frameTag = stack[i]?.tag ?? "";
        if (scope.includes(frameTag)) break;
        if (closes.includes(frameTag)) {
          stack.length = i;
          break;
        }
      }
    }
    if (!allowed.has(tag) || depth() >= MAX_DEPTH) {
      // Not allowed: its text stays, the tag goes. Void ones (img, input) leave nothing.
      if (!VOID.has(tag) && !selfClosing) stack.push({ tag, element: undefined });
      return;
    }
    const element: SafeElement = { tag: tag as AllowedTag, children: [] };
    if (tag === "a") {
      const link = resolveLink(decodeEntities(attributes.get("href") ?? ""));
      if (link) element.link = link;
    }
    if (tag === "tr" && innermostTag() === "table") {
      // React wants rows inside a table section.
      const body: SafeElement = { tag: "tbody", children: [] };
      container().push(body);
      stack.push({ tag: "tbody", element: body });
    }
    container().push(element);
    if (!VOID.has(tag) && !selfClosing) stack.push({ tag, element });
  };

  let i = 0;
  while (i < input.length) {
    const lt = input.indexOf("<", i);
    if (lt < 0) {
      addText(input.slice(i));
      break;
    }
    addText(input.slice(i, lt));
    i = lt;
    if (input.startsWith("<!--", i)) {
      const end = input.indexOf("-->", i + 4);
      i = end < 0 ? input.length : end + 3;
      continue;
    }
    if (input[i + 1] === "!" || input[i + 1] === "?") {
      const end = input.indexOf(">", i);
      i = end < 0 ? input.length : end + 1;
      continue;
    }
    const closing = input[i + 1] === "/";
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/.exec(input.slice(i + (closing ? 2 : 1), i + 64));
    if (!nameMatch) {
      // A "<" that starts no tag is text ("a < b").
      addText("<");
      i++;
      continue;
    }
    const tag = nameMatch[0].toLowerCase();
    const { attributes, end, selfClosing } = readAttributes(
      input,
      i + (closing ? 2 : 1) + nameMatch[0].length,
    );
    i = end;
    if (closing) {
      if (dropping > 0) {
        if (dropStack[dropStack.length - 1] === tag) {
          dropStack.pop();
          dropping--;
        }
        continue;
      }
      close(tag);
      continue;
    }
    if (RAW_TEXT.has(tag)) {
      if (!selfClosing) {
        const closer = new RegExp(`</${tag}\\s*>`, "i").exec(input.slice(i));
        i = closer ? i + closer.index + closer[0].length : input.length;
      }
      continue;
    }
    open(tag, attributes, selfClosing);
  }
  return root;
}

/** Reads a tag's attributes from `start` to its ">"; names are lower-cased. */
function readAttributes(
  input: string,
  start: number,
): { attributes: Map<string, string>; end: number; selfClosing: boolean } {
  const attributes = new Map<string, string>();
  let i = start;
  const selfClosing = false;
  while (i < input.length) {
    const char = input[i] ?? "";
    if (char === ">") return { attributes, end: i + 1, selfClosing };
    if (char === "/" && input[i + 1] === ">") return { attributes, end: i + 2, selfClosing: true };
    if (/\s|\//.test(char)) {
      i++;
      continue;
    }
    const name = /^[^\s/>=]+/.exec(input.slice(i))?.[0] ?? char;
    i += name.length;
    while (/\s/.test(input[i] ?? "")) i++;
    let value = "";
    if (input[i] === "=") {
      i++;
      while (/\s/.test(input[i] ?? "")) i++;
      const quote = input[i];
      if (quote === '"' || quote === "'") {
        const close = input.indexOf(quote, i + 1);
        value = input.slice(i + 1, close < 0 ? input.length : close);
        i = close < 0 ? input.length : close + 1;
      } else {
        value = /^[^\s>]*/.exec(input.slice(i))?.[0] ?? "";
        i += value.length;
      }
    }
    if (!attributes.has(name.toLowerCase())) attributes.set(name.toLowerCase(), value);
  }
  return { attributes, end: input.length, selfClosing };
}

/** The text of a tree, for previews and tests. */
export function textOf(nodes: readonly SafeNode[]): string {
  return nodes.map((node) => (typeof node === "string" ? node : textOf(node.children))).join("");
}
