// The renderer is served from app://flowsmith/, a privileged standard scheme, not file://:
// it has a real origin (so the CSP's 'self' means something) and cannot read the disk.
import { loadStaticFile, type StaticFile } from "../server/static-files";

export const APP_SCHEME = "app";
export const APP_HOST = "flowsmith";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file an app:// request asks for, or undefined for a foreign host or a path outside root. */
export function resolveAppRequest(url: string, rendererDir: string): StaticFile | undefined {
  if (!isAppUrl(url)) return undefined;
  return loadStaticFile(rendererDir, new URL(url).pathname);
}
