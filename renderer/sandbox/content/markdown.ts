// The little markdown that approval details and adaptive cards' text blocks use: paragraphs,
// headings, bulleted and numbered lists, tables (GitHub's pipes, as Power Automate's approval
// details take them), **bold**, *italic*, `code`, [links](https://…) and bare web and mail addresses
// (autolinks). Read into a tree that Markdown.tsx renders as React elements (no HTML is ever
// produced). HTML in the text stays text; only http, https and mailto links are links.
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
  | { kind: "rule" }
  | { kind: "table"; align: TableAlign[]; header: Inline[][]; rows: Inline[][][] };

export type TableAlign = "left" | "center" | "right" | undefined;

const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
/** A table's second line: "|---|:---:|--:|" (outer pipes optional, one cell at least). */
const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table line: split on pipes that are not escaped ("\\|" is a pipe in a cell). */
export function tableCells(line: string): string[] {
  let text = line.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && text[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (char === "|") {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): TableAlign {
  const left = cell.startsWith(":");
  const right = cell.endsWith(":");
  return left && right ? "center" : right ? "right" : left ? "left" : undefined;
}

/** A table starting at lines[i] (its header, then the delimiter line), or undefined. */
function readTable(lines: readonly string[], i: number): { block: Block; next: number } | undefined {
  const headerLine = lines[i] ?? "";
  const delimiterLine = lines[i + 1] ?? "";
  if (!headerLine.includes("|") || !DELIMITER.test(delimiterLine)) return undefined;
  const header = tableCells(headerLine);
  const align = tableCells(delimiterLine).map(alignOf);
  if (header.length !== align.length) return undefined;
  const rows: Inline[][][] = [];
  let j = i + 2;
  while (j < lines.length) {
    const line = lines[j] ?? "";
    if (line.trim() === "" || !line.includes("|")) break;
    const cells = tableCells(line);
    // Short rows are filled, long ones cut, to the header's width.
    rows.push(header.map((_, c) => parseInline(cells[c] ?? "")));
    j++;
  }
  return { block: { kind: "table", align, header: header.map((cell) => parseInline(cell)), rows }, next: j };
}

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
    const table = readTable(lines, i);
    if (table) {
      flush();
      blocks.push(table.block);
      i = table.next - 1;
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

/** "https://…" and "www.…" up to a space or "<"; mail addresses. */
const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<]+/i;
const BARE_EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const ANGLE_LINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>/i;

/**
 * Where a bare address ends, as GitHub reads it: trailing punctuation ("see https://x.example.")
 * is the sentence's, and a closing parenthesis only the link's when it opened one.
 */
function trimAutolink(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1] ?? "";
    if (/[?!.,:;*_~'"]/.test(last)) {
      end--;
      continue;
    }
    if (last === ")") {
      const part = url.slice(0, end);
      const opened = (part.match(/\(/g) ?? []).length;
      const closed = (part.match(/\)/g) ?? []).length;
      if (closed > opened) {
        end--;
        continue;
      }
    }
    return url.slice(0, end);
  }
}

/** Bold, italics, code, links, bare addresses and line breaks within a block. */
export function parseInline(text: string, autolinks = true): Inline[] {
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
        out.push({ kind: "strong", children: parseInline(text.slice(i + 2, end), autolinks) });
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
        out.push({ kind: "em", children: parseInline(text.slice(i + 1, end), autolinks) });
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
          // A link's own words are not links again.
          children: parseInline(match[1] ?? "", false),
        });
        i += match[0].length;
        continue;
      }
    }
    if (autolinks && char === "<") {
      const match = ANGLE_LINK.exec(text.slice(i));
      if (match) {
        const target = match[1] ?? "";
        pushText();
        out.push(autolink(target, /^(https?|mailto):/i.test(target) ? target : `mailto:${target}`));
        i += match[0].length;
        continue;
      }
    }
    // A bare address starts a word (or follows an opening parenthesis or emphasis marker).
    if (autolinks && (i === 0 || /[\s(*_~]/.test(text[i - 1] ?? ""))) {
      const url = BARE_URL.exec(text.slice(i));
      if (url) {
        const shown = trimAutolink(url[0]);
        const href = /^www\./i.test(shown) ? `http://${shown}` : shown;
        if (shown.length > 4 && shown.includes(".")) {
          pushText();
          out.push(autolink(shown, href));
          i += shown.length;
          continue;
        }
      }
      const mail = BARE_EMAIL.exec(text.slice(i));
      if (mail) {
        const shown = trimAutolink(mail[0]);
        pushText();
        out.push(autolink(shown, `mailto:${shown}`));
        i += shown.length;
        continue;
      }
    }
    buffer += char;
    i++;
  }
  pushText();
  return out;
}

function autolink(shown: string, href: string): Inline {
  return { kind: "link", link: resolveLink(href), children: [{ kind: "text", text: shown }] };
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
