// Where a link in sandbox content may go. Flows write the links (mail bodies, approvals' item
// links, notifications), so only plain web and mail addresses leave the app, and the sandbox's own
// "sandbox://" links become routes of its pages; anything else (javascript:, data:, file:) is no link.

export type ResolvedLink = { kind: "internal"; href: string } | { kind: "external"; href: string };

const EXTERNAL = /^(https?:|mailto:)/i;

/** The route a link means, in the hash location of the app ("#/sandbox/bc/purchaseInvoices/…"). */
export function resolveLink(raw: string): ResolvedLink | undefined {
  const uri = raw.trim();
  if (uri === "") return undefined;
  const sandbox = /^sandbox:\/\/([a-z]+)\/(.*)$/i.exec(uri);
  if (sandbox) return internal(sandbox[1]?.toLowerCase() ?? "", sandbox[2] ?? "");
  if (EXTERNAL.test(uri)) {
    try {
      const url = new URL(uri);
      return { kind: "external", href: url.href };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function internal(area: string, rest: string): ResolvedLink | undefined {
  const parts = rest.split("/").filter((part) => part !== "");
  const safe = parts.every((part) => /^[A-Za-z0-9%._:@-]+$/.test(part));
  if (!safe) return undefined;
  switch (area) {
    case "businesscentral":
    case "bc":
      return parts.length >= 1 && parts.length <= 2
        ? { kind: "internal", href: `#/sandbox/bc/${parts.join("/")}` }
        : undefined;
    case "teams":
      return { kind: "internal", href: "#/sandbox/teams" };
    case "approvals":
      return { kind: "internal", href: "#/sandbox/approvals" };
    case "outlook":
    case "mail":
      return { kind: "internal", href: "#/sandbox/outlook" };
    default:
      return undefined;
  }
}
