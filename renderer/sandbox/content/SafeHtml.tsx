import { createElement, type ReactNode, useMemo } from "react";
import { looksLikeHtml, type SafeNode, sanitizeHtml } from "./safe-html";

/**
 * HTML a flow wrote (a mail body, a Teams message), shown safely: the tree from sanitizeHtml
 * becomes React elements, so nothing from the flow reaches innerHTML. Plain text keeps its lines.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const content = useMemo(() => (looksLikeHtml(html) ? render(sanitizeHtml(html), "n") : null), [html]);
  if (content === null) {
    return <div className={className ? `${className} sbx-plain-text` : "sbx-plain-text"}>{html}</div>;
  }
  return <div className={className}>{content}</div>;
}

function render(nodes: readonly SafeNode[], path: string): ReactNode[] {
  return nodes.map((node, index) => {
    const key = `${path}.${index}`;
    if (typeof node === "string") return node;
    const children = node.children.length > 0 ? render(node.children, key) : undefined;
    if (node.tag === "a") {
      const link = node.link;
      if (!link) return createElement("span", { key }, children);
      return link.kind === "external"
        ? createElement("a", { key, href: link.href, target: "_blank", rel: "noopener noreferrer" }, children)
        : createElement("a", { key, href: link.href }, children);
    }
    return createElement(node.tag, { key }, children);
  });
}
