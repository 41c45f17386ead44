// The flow list as the renderer knows it, kept fresh by flows.changed events from any window.
import { create } from "zustand";
import type { DefinitionPayload, DeletedFlow, Flow, FlowKind, FlowSummary } from "../../shared/api";
import { api } from "../api/client";

interface FlowsState {
  flows: FlowSummary[] | undefined;
  deleted: DeletedFlow[];
  error: unknown;
  load(): Promise<void>;
  create(name: string, kind: FlowKind, definition?: DefinitionPayload): Promise<Flow>;
  rename(flow: Pick<FlowSummary, "id" | "revision">, name: string): Promise<FlowSummary>;
  duplicate(id: string): Promise<FlowSummary>;
  remove(id: string): Promise<DeletedFlow>;
  restore(id: string): Promise<FlowSummary>;
}

/** Reads of the list started so far: the answer of an older one never replaces a newer one's. */
let reads = 0;

export const useFlows = create<FlowsState>((set, get) => ({
  flows: undefined,
  deleted: [],
  error: undefined,
  async load() {
    const read = ++reads;
    try {
      const [flows, deleted] = await Promise.all([
        api.call("flows.list", {}),
        api.call("flows.listDeleted", {}),
      ]);
      // Only the newest read is shown: one started before a change may answer after the one it caused.
      if (read === reads) set({ flows, deleted, error: undefined });
    } catch (error) {
      if (read === reads) set({ error });
    }
  },
  async create(name, kind, definition) {
    const flow = await api.call("flows.create", definition ? { name, kind, definition } : { name, kind });
    await get().load();
    return flow;
  },
  async rename(flow, name) {
    const renamed = await api.call("flows.rename", { id: flow.id, revision: flow.revision, name });
    await get().load();
    return renamed;
  },
  async duplicate(id) {
    const copy = await api.call("flows.duplicate", { id });
    await get().load();
    return copy;
  },
  async remove(id) {
    const deleted = await api.call("flows.delete", { id });
    await get().load();
    return deleted;
  },
  async restore(id) {
    const restored = await api.call("flows.restore", { id });
    await get().load();
    return restored;
  },
}));

let subscribed = false;
/** Reloads the list whenever any window changes a flow. Installed once, by the app frame. */
export function followFlowChanges(): void {
  if (subscribed) return;
  subscribed = true;
  // Once the list was asked for (it may still be on its way: a change heard meanwhile reads again).
  api.subscribe((message) => {
    if (message.event === "flows.changed" && reads > 0) void useFlows.getState().load();
  });
  // Changes made while the event stream was not yet (or no longer) open were not heard: read again.
  api.onEventsOpened(() => {
    if (reads > 0) void useFlows.getState().load();
  });
}
