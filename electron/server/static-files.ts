// Serves the built renderer. Paths are resolved inside the root only; unknown paths get index.html
// so that reloading a deep link still opens the app.
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

const MIME: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Maps a URL path to a file inside root, or undefined when it would leave root or does not exist. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const absoluteRoot = resolve(root);
  const candidate = resolve(absoluteRoot, `.${normalize(`/${decoded}`)}`);
  if (candidate !== absoluteRoot && !candidate.startsWith(absoluteRoot + sep)) return undefined;
  if (!existsSync(candidate)) return undefined;
  const stat = statSync(candidate);
  if (stat.isDirectory()) {
    const index = join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return candidate;
}

export interface StaticFile {
  path: string;
  body: Buffer;
  contentType: string;
  /** Hashed asset names never change content: they may be cached for long. */
  immutable: boolean;
}

export function loadStaticFile(root: string, urlPath: string): StaticFile | undefined {
  const resolved = resolveStaticPath(root, urlPath);
  const isAssetRequest = /\.[a-z0-9]+$/i.test(urlPath.split("?")[0] ?? "");
  const path = resolved ?? (isAssetRequest ? undefined : resolveStaticPath(root, "/index.html"));
  if (!path) return undefined;
  return {
    path,
    body: readFileSync(path),
    contentType: mimeType(path),
    immutable: path.includes(`${sep}assets${sep}`),
  };
}
