// The app's addresses live in the URL's hash, query included: "#/workflows?page=vendors". wouter's
// own hash location puts a query in the page's real search instead ("?page=vendors#/workflows"),
// where it outlives the page that asked for it: every later address kept it, and "Show all" could
// not clear it. Here an address is the whole hash, so going anywhere replaces its query too; the
// real search stays the launch's own (web mode's ?token=).
import { useCallback, useRef, useSyncExternalStore } from "react";

const PREFIX = /^#?\/?/;

function subscribe(onChange: () => void): () => void {
  addEventListener("hashchange", onChange);
  return () => removeEventListener("hashchange", onChange);
}

/** "/workflows" of "#/workflows?page=vendors". */
export function pathOf(hash: string): string {
  return `/${hash.replace(PREFIX, "").split("?")[0] ?? ""}`;
}

/** "page=vendors" of "#/workflows?page=vendors"; "" without a query. */
export function queryOf(hash: string): string {
  const at = hash.indexOf("?");
  return at < 0 ? "" : hash.slice(at + 1);
}

export function navigate(to: string, { replace = false }: { replace?: boolean; state?: unknown } = {}): void {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = `/${to.replace(PREFIX, "")}`;
  if (url.href === oldURL) return;
  history[replace ? "replaceState" : "pushState"](null, "", url.href);
  dispatchEvent(new HashChangeEvent("hashchange", { oldURL, newURL: url.href }));
}

/** wouter's location hook: the hash's path, and navigate. */
export function useHashLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, () => pathOf(location.hash)), navigate];
}
useHashLocation.hrefs = (href: string) => `#${href}`;
useHashLocation.searchHook = useHashSearch;

/** wouter's search hook: the hash's query. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, () => queryOf(location.hash));
}

/**
 * For a navigation a page defers (the search it writes into its address once typing pauses): whether
 * that page is still the one shown. A link followed in the pause has changed the address already,
 * before the page is gone, and the deferred navigation must not replace where the link went.
 */
export function useStillShown(): () => boolean {
  const shown = useRef(pathOf(location.hash));
  shown.current = pathOf(location.hash);
  return useCallback(() => pathOf(location.hash) === shown.current, []);
}
