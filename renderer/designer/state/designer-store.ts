// One open flow in the designer: its definition, designer data, selection, undo/redo history and
// save state. Every change to the definition goes through apply(), which is what undo replays.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Flow } from "../../../shared/api";
import {
  actionIndex,
  actionNameOfNodeId,
  EditError,
  jsonEqual,
  triggerNodeId,
  type WdlDefinition,
} from "../../../shared/flow";
import type { JsonValue } from "../../../shared/json";
import { type DesignerData, readDesignerData } from "./designer-data";
import { editSubject } from "./edit-subject";

/** The focus field that asks the properties panel to put the cursor in the step's name (F2, Rename). */
export const RENAME_FIELD = "#name";
/** The focus field of the step's note (the context menu's Add a note). */
export const NOTE_FIELD = "#note";

export interface Snapshot {
  definition: WdlDefinition;
  designer: DesignerData;
}

export interface HistoryEntry extends Snapshot {
  /** What the edit did, for the Edit menu and the toast ("Undo: Delete “Compose”"). */
  label: string;
  /** Consecutive edits with the same key (typing in one field) make one undo step. */
  coalesce?: string;
  at?: number;
}

export interface ApplyOptions {
  /** Node id to select after the edit. */
  select?: string;
  /** Merge with the previous edit when it had the same key and was made moments ago. */
  coalesce?: string;
}

export type SaveState =
  | { state: "saved"; at?: string }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "error"; message: string }
  | { state: "conflict"; message: string };

export interface DesignerState extends Snapshot {
  flowId: string;
  name: string;
  kind: Flow["kind"];
  /** The revision the last save (or the load) returned: the next save must carry it. */
  revision: number;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Node id of the selected card (action, trigger or note), if any. */
  selected: string | undefined;
  /**
   * Other steps selected with it (Ctrl+click, a Shift box, Ctrl+A), as node ids: copy, cut, delete and wrap act
   * on them all. Cleared by a plain selection and by every edit.
   */
  alsoSelected: readonly string[];
  /** Whether the properties panel shows the selected card. */
  panelOpen: boolean;
  /** Focus request for the properties panel: a field of the selected step (from the checker). */
  focusField: string | undefined;
  save: SaveState;
  /** Changes since the last successful save. */
  dirty: boolean;
  readOnly: boolean;

  apply(label: string, edit: (definition: WdlDefinition) => WdlDefinition, options?: ApplyOptions): boolean;
  applyDesigner(label: string, edit: (designer: DesignerData) => DesignerData): void;
  /** The person left the field: the next keystroke begins a new undo step, however soon. */
  endBurst(): void;
  undo(): HistoryEntry | undefined;
  redo(): HistoryEntry | undefined;
  select(id: string | undefined, options?: { openPanel?: boolean; field?: string }): void;
  /** Ctrl+click: adds a step to the selection, or takes it out. */
  toggleSelected(id: string): void;
  /** Selects these steps (node ids), the last one as the primary. */
  selectSteps(ids: readonly string[]): void;
  closePanel(): void;
  setName(name: string, revision: number): void;
  markSaving(): void;
  markSaved(revision: number, at: string, savedSnapshot: Snapshot): void;
  markSaveFailed(save: Extract<SaveState, { state: "error" | "conflict" }>): void;
  replaceFromServer(flow: Flow): void;
  /**
   * The server's draft replaced this one (a version restored as the draft): shown, saved, and
   * one Undo away from the draft it replaced.
   */
  adoptFromServer(flow: Flow, label: string): void;
}

export type DesignerStore = StoreApi<DesignerState>;

/** Undo goes back this many edits: plenty for a session, bounded for memory. */
export const HISTORY_LIMIT = 200;
/** Typing pauses shorter than this stay in the same undo step. */
export const COALESCE_MS = 1500;

export type EditFailure = (message: string) => void;

export function createDesignerStore(
  flow: Flow,
  options: { onEditError?: EditFailure; readOnly?: boolean } = {},
): DesignerStore {
  const onEditError = options.onEditError ?? (() => {});
  return createStore<DesignerState>((set, get) => {
    let burstOpen = false;
    const push = (label: string, next: Partial<Snapshot>, options: ApplyOptions = {}) => {
      const { definition, designer, past } = get();
      const now = Date.now();
      const last = past[past.length - 1];
      const merge =
        burstOpen &&
        options.coalesce !== undefined &&
        last?.coalesce === options.coalesce &&
        last.at !== undefined &&
        now - last.at < COALESCE_MS;
      const select = options.select;
      // Typing back what the burst started from (the field's own undo, a deleted character typed
      // again) leaves nothing to undo: the burst's entry goes rather than stay as an Undo that does
      // nothing.
      const backToStart =
        merge &&
        (next.designer ?? designer) === last.designer &&
        jsonEqual(
          (next.definition ?? definition) as unknown as JsonValue,
          last.definition as unknown as JsonValue,
        );
      burstOpen = options.coalesce !== undefined;
      set({
        ...next,
        past: backToStart
          ? past.slice(0, -1)
          : merge
            ? [...past.slice(0, -1), { ...last, at: now }]
            : [
                ...past,
                {
                  definition,
                  designer,
                  label,
                  at: now,
                  ...(options.coalesce ? { coalesce: options.coalesce } : {}),
                },
              ].slice(-HISTORY_LIMIT),
        future: [],
        dirty: true,
        save: { state: "pending" },
        alsoSelected: [],
        ...(select !== undefined ? { selected: select } : {}),
      });
    };
    const restore = (from: "past" | "future"): HistoryEntry | undefined => {
      const state = get();
      const stack = state[from];
      const entry = stack[stack.length - 1];
      if (!entry) return undefined;
      burstOpen = false;
      const current: HistoryEntry = {
        definition: state.definition,
        designer: state.designer,
        label: entry.label,
      };
      // The step the edit concerned, so the person sees what came back; else the selection stays.
      const subject = editSubject(entry.definition, state.definition);
      const selected =
        subject ??
        (state.selected && nodeStillExists(entry.definition, state.selected) ? state.selected : undefined);
      set({
        definition: entry.definition,
        designer: entry.designer,
        [from]: stack.slice(0, -1),
        [from === "past" ? "future" : "past"]: [...state[from === "past" ? "future" : "past"], current],
        selected,
        alsoSelected: [],
        panelOpen: state.panelOpen && selected !== undefined,
        dirty: true,
        save: { state: "pending" },
      });
      return entry;
    };

    return {
      flowId: flow.id,
      name: flow.name,
      kind: flow.kind,
      revision: flow.revision,
      definition: flow.definition as unknown as WdlDefinition,
      designer: readDesignerData(flow.designer),
      past: [],
      future: [],
      selected: undefined,
      alsoSelected: [],
      panelOpen: false,
      focusField: undefined,
      save: { state: "saved", at: flow.updatedAt },
      dirty: false,
      readOnly: options.readOnly ?? false,

      apply(label, edit, options) {
        if (get().readOnly) return false;
        let next: WdlDefinition;
        try {
          next = edit(get().definition);
        } catch (error) {
          if (error instanceof EditError) {
            onEditError(error.message);
            return false;
          }
          throw error;
        }
        if (next === get().definition) return false;
        // User Timing marks let the benchmarks (and devtools) see how long an edit takes to show.
        performance.mark("flowsmith:edit");
        push(label, { definition: next }, options);
        return true;
      },
      applyDesigner(label, edit) {
        if (get().readOnly) return;
        push(label, { designer: edit(get().designer) });
      },
      endBurst: () => {
        burstOpen = false;
      },
      undo: () => restore("past"),
      redo: () => restore("future"),
      select(id, opts = {}) {
        set({
          selected: id,
          alsoSelected: [],
          panelOpen: id !== undefined && (opts.openPanel ?? get().panelOpen),
          focusField: opts.field,
        });
      },
      selectSteps(ids) {
        set({
          selected: ids[ids.length - 1],
          alsoSelected: ids.slice(0, -1),
          panelOpen: ids.length === 1 && get().panelOpen,
          focusField: undefined,
        });
      },
      toggleSelected(id) {
        const { selected, alsoSelected } = get();
        // Only steps take part in a selection of several (not the trigger, a branch or a note).
        const isStep = (nodeId: string | undefined) =>
          nodeId !== undefined && !nodeId.startsWith("note:") && actionNameOfNodeId(nodeId) !== undefined;
        if (!isStep(id)) return;
        const all = [selected, ...alsoSelected].filter((n): n is string => isStep(n));
        const next = all.includes(id) ? all.filter((n) => n !== id) : [...all, id];
        set({
          selected: next[next.length - 1],
          alsoSelected: next.slice(0, -1),
          // The panel shows one step: with several selected, it closes.
          panelOpen: next.length === 1 && get().panelOpen,
          focusField: undefined,
        });
      },
      closePanel: () => set({ panelOpen: false, focusField: undefined }),
      setName: (name, revision) => set({ name, revision }),
      markSaving: () => set({ save: { state: "saving" } }),
      markSaved(revision, at, savedSnapshot) {
        const { definition, designer } = get();
        // Edits made while the save was in flight still need saving.
        const unchanged = definition === savedSnapshot.definition && designer === savedSnapshot.designer;
        set({ revision, dirty: !unchanged, save: unchanged ? { state: "saved", at } : { state: "pending" } });
      },
      markSaveFailed: (save) => set({ save }),
      adoptFromServer(fresh, label) {
        const { definition, designer, past, selected, panelOpen } = get();
        const replaced = { definition, designer, label, at: Date.now() };
        const draft = serverDraft(fresh);
        // The card the person is on stays theirs (they may have clicked it while the draft came).
        const kept =
          selected !== undefined && nodeStillExists(draft.definition, selected) ? selected : undefined;
        set({
          ...draft,
          past: [...past, replaced].slice(-HISTORY_LIMIT),
          selected: kept,
          panelOpen: panelOpen && kept !== undefined,
        });
      },
      replaceFromServer(fresh) {
        set({ ...serverDraft(fresh), past: [] });
      },
    };
  });
}

/** The server's draft as the designer shows it: saved, nothing selected, nothing to redo. */
function serverDraft(fresh: Flow) {
  return {
    name: fresh.name,
    kind: fresh.kind,
    revision: fresh.revision,
    definition: fresh.definition as unknown as WdlDefinition,
    designer: readDesignerData(fresh.designer),
    future: [],
    selected: undefined,
    alsoSelected: [],
    panelOpen: false,
    dirty: false,
    save: { state: "saved" as const, at: fresh.updatedAt },
  };
}

function nodeStillExists(definition: WdlDefinition, nodeId: string): boolean {
  const name = actionNameOfNodeId(nodeId);
  if (name !== undefined) return actionIndex(definition).has(name);
  return Object.keys(definition.triggers ?? {}).some((trigger) => triggerNodeId(trigger) === nodeId);
}
