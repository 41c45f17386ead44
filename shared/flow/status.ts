// Run-after statuses. WDL reads them case-insensitively ("SUCCEEDED" appears in real exports),
// so definitions keep what was written and code compares through normalizeStatus.

export const RUN_AFTER_STATUSES = ["Succeeded", "Failed", "Skipped", "TimedOut"] as const;
export type RunAfterStatus = (typeof RUN_AFTER_STATUSES)[number];

const byLowerCase = new Map<string, RunAfterStatus>(RUN_AFTER_STATUSES.map((s) => [s.toLowerCase(), s]));

/** The canonical spelling of a run-after status written in any letter case, or undefined. */
export function normalizeStatus(status: string): RunAfterStatus | undefined {
  return byLowerCase.get(status.toLowerCase());
}

export function isRunAfterStatus(status: string): boolean {
  return byLowerCase.has(status.toLowerCase());
}

/** Canonical, de-duplicated statuses in the fixed order of RUN_AFTER_STATUSES; unknown ones dropped. */
export function normalizeStatuses(statuses: readonly string[]): RunAfterStatus[] {
  const seen = new Set<RunAfterStatus>();
  for (const s of statuses) {
    const n = normalizeStatus(s);
    if (n) seen.add(n);
  }
  return RUN_AFTER_STATUSES.filter((s) => seen.has(s));
}
