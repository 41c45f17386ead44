// Undo and Redo while typing in a step's field. Every keystroke in a field is already an edit of the
// flow (bursts of typing make one undo step), so the browser's own undo in that field would replay
// characters one at a time behind the designer's back, each replay an edit of its own. Instead, when
// the edit on top of the history is this field's typing, Ctrl+Z in the field undoes that burst
// through the designer's history; other fields and other edits keep the browser's undo.
import { useEffect, useRef } from "react";
import { type FieldHistory, useFieldHistory } from "../../app/commands";
import type { DesignerStore, HistoryEntry } from "./designer-store";

/**
 * Remembers which field each typing burst came from, and answers Undo/Redo in that field with
 * `undo`/`redo` (the designer's, with their toast).
 */
export function useFieldUndo(
  store: DesignerStore,
  undo: () => HistoryEntry | undefined,
  redo: () => HistoryEntry | undefined,
): void {
  // Entries are replaced as a burst grows, so the map follows the entry objects themselves.
  const typedIn = useRef(new WeakMap<HistoryEntry, Element>());

  useEffect(() => {
    let before: HistoryEntry | undefined;
    let startedAt = 0;
    // Around React's own handlers (on the app's root): capture runs before them, bubble after.
    const onInputCapture = () => {
      before = store.getState().past.at(-1);
      startedAt = Date.now();
    };
    const onInput = (event: Event) => {
      const top = store.getState().past.at(-1);
      const field = event.target;
      // A new or grown burst (a burst typed back to where it began is gone, and the entry under it
      // is older than this keystroke: not this field's).
      if (top && top !== before && (top.at ?? 0) >= startedAt && field instanceof Element)
        typedIn.current.set(top, field);
    };
    // Leaving a field closes its burst: coming back to it begins a new undo step.
    const onFocusOut = () => store.getState().endBurst();
    document.addEventListener("input", onInputCapture, true);
    document.addEventListener("input", onInput);
    document.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("input", onInputCapture, true);
      document.removeEventListener("input", onInput);
      document.removeEventListener("focusout", onFocusOut);
    };
  }, [store]);

  const history: FieldHistory = (command, field) => {
    const state = store.getState();
    const next = command === "edit.undo" ? state.past.at(-1) : state.future.at(-1);
    if (!next || typedIn.current.get(next) !== field) return false;
    if (!(command === "edit.undo" ? undo() : redo())) return false;
    // The entry that now stands for the burst on the other stack belongs to the field too.
    const after = store.getState();
    const moved = command === "edit.undo" ? after.future.at(-1) : after.past.at(-1);
    if (moved) typedIn.current.set(moved, field);
    return true;
  };
  useFieldHistory(history);
}
