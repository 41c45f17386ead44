// Edits on a record's card that were not saved when the person left it (a link, another tab of the
// sandbox, the Automate menu): kept for the rest of the session and put back when the card opens
// again, as Business Central keeps a card's changes rather than drop them.
import type { JsonObject } from "../../../shared/json";

export type CardForm = Record<string, string | boolean>;

export interface KeptEdits {
  form: CardForm;
  /** The record as it was when the edits began: what Save compares them with. */
  base: JsonObject;
}

const kept = new Map<string, KeptEdits>();

const keyOf = (table: string, id: string) => `${table}/${id}`;

export function keptEdits(table: string, id: string): KeptEdits | undefined {
  return kept.get(keyOf(table, id));
}

/** Keeps the card's edits, or forgets them (saved, cancelled, nothing changed). */
export function keepEdits(table: string, id: string, edits: KeptEdits | undefined): void {
  if (edits) kept.set(keyOf(table, id), edits);
  else kept.delete(keyOf(table, id));
}

/** Whether any card holds edits not saved (the page asks before it is closed). */
export function anyKeptEdits(): boolean {
  return kept.size > 0;
}

// Closing or reloading the window would lose kept edits: the page asks first.
if (typeof window !== "undefined")
  window.addEventListener("beforeunload", (event) => {
    if (anyKeptEdits()) event.preventDefault();
  });
