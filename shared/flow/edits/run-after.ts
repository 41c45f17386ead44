// runAfter rewriting shared by the edits. Statuses keep the spelling they were written with.

import { getOwn, putOwn } from "../own";
import { normalizeStatus } from "../status";
import type { WdlRunAfter } from "../types";

/** Union of two status lists, compared without letter case, first spellings kept. */
export function mergeStatuses(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  const seen = new Set(a.map((s) => normalizeStatus(s) ?? s));
  for (const s of b) {
    const key = normalizeStatus(s) ?? s;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** runAfter with entry `key` replaced, at its position, by the entries of `replacement` (merged when present). */
export function replaceRunAfterKey(
  runAfter: WdlRunAfter,
  key: string,
  replacement: WdlRunAfter,
): WdlRunAfter {
  const out: WdlRunAfter = {};
  const put = (k: string, statuses: string[]): void => {
    const existing = getOwn(out, k);
    putOwn(out, k, existing ? mergeStatuses(existing, statuses) : statuses);
  };
  for (const [k, statuses] of Object.entries(runAfter)) {
    if (k === key) for (const [rk, rs] of Object.entries(replacement)) put(rk, rs);
    else put(k, statuses);
  }
  return out;
}

export function isEmptyRunAfter(runAfter: WdlRunAfter | undefined): boolean {
  return runAfter === undefined || Object.keys(runAfter).length === 0;
}
