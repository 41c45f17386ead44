// Debian's Chromium, never a browser downloaded by Playwright (these machines cannot download it).
import { existsSync } from "node:fs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error("Chromium was not found: install Debian's chromium package or set CHROMIUM_PATH.");
  return found;
}
