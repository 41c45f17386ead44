// Saves the draft within a second of the last change. A save carries the revision it was based on;
// a conflict stops autosave and lets the person choose (nothing of theirs is dropped), and a failed
// save is retried.
import { useEffect } from "react";
import { ApiError } from "../../../shared/api";
import { definitionAsJson } from "../../../shared/flow";
import { api } from "../../api/client";
import { t } from "../../i18n";
import type { DesignerStore } from "./designer-store";

export const AUTOSAVE_DELAY_MS = 700;
const RETRY_MS = 5000;

const flushers = new WeakMap<DesignerStore, () => Promise<void>>();

/** Saves now what is not saved yet (before a test run, say); resolves once the draft is saved. */
export async function flushSave(store: DesignerStore): Promise<void> {
  await flushers.get(store)?.();
}

export function useAutosave(store: DesignerStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let saving = false;
    let disposed = false;

    const schedule = (delay = AUTOSAVE_DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(() => void save(), delay);
    };

    const save = async (): Promise<void> => {
      const state = store.getState();
      if (!state.dirty || saving || state.readOnly || state.save.state === "conflict") return;
      saving = true;
      const snapshot = { definition: state.definition, designer: state.designer };
      state.markSaving();
      try {
        const result = await api.call("flows.saveDraft", {
          id: state.flowId,
          revision: state.revision,
          definition: definitionAsJson(snapshot.definition) as never,
          designer: snapshot.designer,
        });
        store.getState().markSaved(result.revision, result.updatedAt, snapshot);
      } catch (error) {
        if (error instanceof ApiError && error.code === "conflict") {
          store.getState().markSaveFailed({ state: "conflict", message: error.message });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          store.getState().markSaveFailed({ state: "error", message });
          if (!disposed) schedule(RETRY_MS);
        }
      } finally {
        saving = false;
      }
      if (!disposed && store.getState().dirty && store.getState().save.state === "pending") schedule();
    };

    flushers.set(store, async () => {
      clearTimeout(timer);
      for (let i = 0; i < 50 && saving; i++) await new Promise((r) => setTimeout(r, 50));
      await save();
      const state = store.getState().save;
      if (state.state === "conflict" || state.state === "error")
        throw new Error(t("designer.save.notSaved", { message: state.message }));
    });
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.definition !== previous.definition || state.designer !== previous.designer) {
        if (state.dirty) schedule();
      }
    });
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (store.getState().dirty) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      disposed = true;
      unsubscribe();
      window.removeEventListener("beforeunload", onBeforeUnload);
      clearTimeout(timer);
      // Leaving the designer saves what is left at once.
      if (store.getState().dirty) void save();
    };
  }, [store]);
}
