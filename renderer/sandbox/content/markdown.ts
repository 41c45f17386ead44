// The little markdown that approval details and adaptive cards' text blocks use: paragraphs,
// headings, bulleted and numbered lists, **bold**, *italic*, `code` and [links](https://…). Read
// into a tree that Markdown.tsx renders as React elements (no HTML is ever produced). HTML in the
// text stays text.
import { type ResolvedLink, resolveLink } from "./links";

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; link: ResolvedLink | undefined; children: Inline[] }
  | { kind: "break" };

export type Block =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "heading"; level: 1 | 2 | 3; content: Inline[] }
  | { kind: "list"; ordered: boolean; items: Inline[][] }
  | { kind: "code"; text: string }
  | { kind: "rule" };

const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", content: parseInline(paragraph.join("\n")) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (line.trim().startsWith("```")) {
      flush();
      const code: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith("```")) code.push(lines[i++] ?? "");
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    if (RULE.test(line)) {
      flush();
      blocks.push({ kind: "rule" });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(3, heading[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, content: parseInline(heading[2] ?? "") });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const ordered = numbered !== null;
      const pattern = ordered ? NUMBERED : BULLET;
      const items: Inline[][] = [];
      let j = i;
      while (j < lines.length) {
        const match = pattern.exec(lines[j] ?? "");
        if (!match) break;
        items.push(parseInline(match[1] ?? ""));
        j++;
      }
      blocks.push({ kind: "list", ordered, items });
      i = j - 1;
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Bold, italics, code, links and line breaks within a block. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const pushText = () => {
    if (buffer !== "") out.push({ kind: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? "";
    if (char === "\\" && i + 1 < text.length && /[\\`*_[\]()#+\-.!]/.test(text[i + 1] ?? "")) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (char === "\n") {
      pushText();
      out.push({ kind: "break" });
      i++;
      continue;
    }
    if (char === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i + 1) {
        pushText();
        out.push({ kind: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((char === "*" || char === "_") && text[i + 1] === char) {
      const marker = char + char;
      const end = text.indexOf(marker, i + 2);
      if (end > i + 2) {
        pushText();
        out.push({ kind: "strong", children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if (char === "*" || char === "_") {
      const end = text.indexOf(char, i + 1);
      // "_" inside a word (snake_case) is not emphasis.
      const wordy = char === "_" && /\w/.test(text[i - 1] ?? "");
      if (end > i + 1 && !wordy && text[i + 1] !== " ") {
        pushText();
        out.push({ kind: "em", children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (char === "[") {
      const match = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (match) {
        pushText();
        out.push({
          kind: "link",
          link: resolveLink(match[2] ?? ""),
          children: parseInline(match[1] ?? ""),
        });
        i += match[0].length;
        continue;
      }
    }
    buffer += char;
    i++;
  }
  pushText();
  return out;
}

/** The plain text of inline content. */
export function inlineText(content: readonly Inline[]): string {
  return content
    .map((part) => {
      switch (part.kind) {
        case "text":
        case "code":
          return part.text;
        case "break":
          return "\n";
        default:
          return inlineText(part.children);
      }
    })
    .join("");
}
