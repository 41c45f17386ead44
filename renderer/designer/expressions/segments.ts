// A WDL string value seen as text and tokens: "Invoice @{triggerBody()?['number']} for @{…}" is
// text, token, text, token. The token input edits segments and writes the value back.
import { expressionRegions } from "../../../shared/expr";

export type Segment = { kind: "text"; text: string } | { kind: "token"; expression: string };

/** Splits a stored value into text and tokens (expressions, without their @ or @{ }). */
export function toSegments(value: string): Segment[] {
  if (value.startsWith("@@")) return [{ kind: "text", text: value.slice(1) }];
  const regions = expressionRegions(value);
  const out: Segment[] = [];
  let at = 0;
  for (const region of regions) {
    if (region.start > at) out.push({ kind: "text", text: value.slice(at, region.start) });
    const expression = value.slice(region.exprStart, region.exprEnd).trim();
    const literal = region.interpolated ? LITERALS[expression] : undefined;
    if (literal !== undefined) out.push({ kind: "text", text: literal });
    else out.push({ kind: "token", expression });
    at = region.end;
  }
  if (at < value.length) out.push({ kind: "text", text: value.slice(at) });
  return mergeText(out);
}

/**
 * Writes segments back. A lone token keeps its type ("@outputs(…)"), as Power Automate writes it;
 * tokens among text are interpolated ("@{…}"). Text that would read as an expression is escaped:
 * plain text starting with "@" the usual way ("@@…", which makes the whole value literal), and
 * otherwise by interpolating the literal ("@{'@'}", "@{'@{'}").
 */
export function fromSegments(segments: readonly Segment[]): string {
  const parts = mergeText(segments.filter((s) => s.kind === "token" || s.text !== ""));
  if (parts.length === 1 && parts[0]?.kind === "token") return `@${parts[0].expression}`;
  if (parts.length === 1 && parts[0]?.kind === "text" && parts[0].text.startsWith("@"))
    return `@${parts[0].text}`;
  let out = "";
  for (const [index, part] of parts.entries()) {
    if (part.kind === "token") out += `@{${part.expression}}`;
    else {
      let text = part.text.replaceAll("@{", `@{${LITERAL_OPEN}}`);
      if (index === 0 && text.startsWith("@") && !text.startsWith(`@{${LITERAL_OPEN}}`))
        text = `@{${LITERAL_AT}}${text.slice(1)}`;
      out += text;
    }
  }
  return out;
}

/** Literal text that the writer had to express as a string expression. */
const LITERALS: Readonly<Record<string, string>> = { "'@{'": "@{", "'@'": "@" };
const LITERAL_OPEN = "'@{'";
const LITERAL_AT = "'@'";

function mergeText(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (segment.kind === "text" && last?.kind === "text")
      out[out.length - 1] = { kind: "text", text: last.text + segment.text };
    else out.push(segment);
  }
  return out;
}
