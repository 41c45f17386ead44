import { createElement, type ReactNode, useMemo } from "react";
import { type Block, type Inline, parseMarkdown, type TableAlign } from "./markdown";

/**
 * Approval details and card text: markdown rendered as React elements, never as HTML. Links open
 * outside the app with rel="noopener noreferrer"; the sandbox's own go to its pages.
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const blocks = useMemo(() => parseMarkdown(text), [text]);
  return <div className={className ? `sbx-markdown ${className}` : "sbx-markdown"}>{blocks.map(block)}</div>;
}

function block(value: Block, index: number): ReactNode {
  switch (value.kind) {
    case "paragraph":
      return <p key={index}>{inline(value.content, `${index}`)}</p>;
    case "heading":
      return createElement(`h${value.level + 2}`, { key: index }, inline(value.content, `${index}`));
    case "list": {
      const items = value.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place
        <li key={i}>{inline(item, `${index}.${i}`)}</li>
      ));
      return value.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
    }
    case "code":
      return (
        <pre key={index}>
          <code>{value.text}</code>
        </pre>
      );
    case "rule":
      return <hr key={index} />;
    case "table":
      // Wide tables scroll inside their own frame rather than widening the page.
      return (
        <div key={index} className="sbx-markdown-table">
          <table>
            <thead>
              <tr>
                {value.header.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns have no identity but their place
                  <th key={c} scope="col" className={alignClass(value.align[c])}>
                    {inline(cell, `${index}.h${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {value.rows.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity but their place
                    <td key={c} className={alignClass(value.align[c])}>
                      {inline(cell, `${index}.${r}.${c}`)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

function alignClass(align: TableAlign): string | undefined {
  return align ? `align-${align}` : undefined;
}

function inline(parts: readonly Inline[], path: string): ReactNode[] {
  return parts.map((part, index) => {
    const key = `${path}.${index}`;
    switch (part.kind) {
      case "text":
        return part.text;
      case "break":
        return <br key={key} />;
      case "code":
        return <code key={key}>{part.text}</code>;
      case "strong":
        return <strong key={key}>{inline(part.children, key)}</strong>;
      case "em":
        return <em key={key}>{inline(part.children, key)}</em>;
      case "link":
        if (!part.link) return <span key={key}>{inline(part.children, key)}</span>;
        return part.link.kind === "external" ? (
          <a key={key} href={part.link.href} target="_blank" rel="noopener noreferrer">
            {inline(part.children, key)}
          </a>
        ) : (
          <a key={key} href={part.link.href}>
            {inline(part.children, key)}
          </a>
        );
    }
    return null;
  });
}
