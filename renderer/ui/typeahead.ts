// Type-ahead in menus and lists (the WAI-ARIA menu pattern): typing a letter moves to the next item
// that starts with it; typing quickly ("ap") matches the whole prefix; the same letter again cycles.

/** How long after the last key a new key starts a new prefix instead of extending it. */
export const TYPEAHEAD_RESET_MS = 600;

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .toLocaleLowerCase();

/**
 * The index of the item to move to for `typed` (the keys pressed so far), from the item at
 * `current` (-1 for none): the next item after it whose label starts with `typed`, wrapping
 * around; for one letter pressed again and again ("aaa"), the next item that starts with it.
 * -1 when no item matches.
 */
export function typeaheadIndex(labels: readonly string[], current: number, typed: string): number {
  if (labels.length === 0 || typed === "") return -1;
  const folded = fold(typed);
  const repeated = [...folded].every((letter) => letter === folded[0]);
  const prefix = repeated ? (folded[0] ?? "") : folded;
  // A longer prefix may still match the item already on: "ap" after "a" stays on "Approve".
  const start = repeated ? current + 1 : Math.max(current, 0);
  for (let step = 0; step < labels.length; step++) {
    const index = (start + step) % labels.length;
    if (fold(labels[index] ?? "").startsWith(prefix)) return index;
  }
  return -1;
}

/** Keeps the keys typed in quick succession. */
export class TypeaheadBuffer {
  private typed = "";
  private last = 0;

  /** The keys typed so far, with this one. */
  add(key: string, now: number): string {
    if (now - this.last > TYPEAHEAD_RESET_MS) this.typed = "";
    this.last = now;
    this.typed += key;
    return this.typed;
  }
}

/** Whether a key press types a character to search with (not a shortcut, not Space that chooses). */
export function isTypeaheadKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  return event.key.length === 1 && event.key !== " " && !event.ctrlKey && !event.metaKey && !event.altKey;
}
