// flows.*, settings.* and app.*: the foundation's methods.
import type { AppInfo, Settings } from "../../../shared/api";
import type { EventBus } from "../events";
import type { FlowStore } from "../flows/store";
import type { SettingsStore } from "../settings/store";
import type { Handlers } from "./dispatch";

export interface FlowHandlerDeps {
  flows: FlowStore;
  settings: SettingsStore;
  events: EventBus;
  info: () => AppInfo;
  dismissNotice: (id: string) => void;
  /**
   * A flow moved to the recycle bin stops running: its published workflow is turned off, in the
   * transaction that deletes it. True when the flow is published (it leaves the workflow list).
   */
  onFlowDeleted?: (id: string) => boolean;
  /** Whether a restored flow is published (it comes back to the workflow list, turned off). */
  isPublished?: (id: string) => boolean;
  /** After a settings change is saved (run history's retention acts on it at once). */
  onSettingsChanged?: (before: Settings, after: Settings) => void;
}

type FlowMethods = Pick<Handlers, `app.${string}` & keyof Handlers> &
  Omit<Pick<Handlers, `flows.${string}` & keyof Handlers>, "flows.export" | "flows.import"> &
  Pick<Handlers, `settings.${string}` & keyof Handlers>;

export function flowHandlers({
  flows,
  settings,
  events,
  info,
  dismissNotice,
  onFlowDeleted,
  isPublished,
  onSettingsChanged,
}: FlowHandlerDeps): FlowMethods {
  return {
    "app.info": () => info(),
    "app.dismissNotice": ({ id }) => {
      dismissNotice(id);
      return {};
    },

    "flows.list": () => flows.list(),
    "flows.listDeleted": () => flows.listDeleted(),
    "flows.get": ({ id }) => flows.get(id),
    "flows.create": (input) => {
      const flow = flows.create(input);
      events.emit("flows.changed", { id: flow.id, reason: "created", revision: flow.revision });
      return flow;
    },
    "flows.rename": ({ id, revision, name }) => {
      const flow = flows.rename(id, revision, name);
      events.emit("flows.changed", { id, reason: "renamed", revision: flow.revision });
      return flow;
    },
    "flows.duplicate": ({ id, name }) => {
      const flow = flows.duplicate(id, name);
      events.emit("flows.changed", { id: flow.id, reason: "duplicated", revision: flow.revision });
      return flow;
    },
    "flows.delete": ({ id }) => {
      let published = false;
      const flow = flows.delete(id, () => {
        published = onFlowDeleted?.(id) ?? false;
      });
      events.emit("flows.changed", { id, reason: "deleted", revision: flow.revision });
      if (published) events.emit("workflows.changed", { id });
      return flow;
    },
    "flows.restore": ({ id }) => {
      const flow = flows.restore(id);
      events.emit("flows.changed", { id, reason: "restored", revision: flow.revision });
      if (isPublished?.(id)) events.emit("workflows.changed", { id });
      return flow;
    },
    "flows.saveDraft": (input) => {
      const saved = flows.saveDraft(input);
      events.emit("flows.changed", { id: input.id, reason: "saved", revision: saved.revision });
      return saved;
    },

    "settings.get": () => settings.get(),
    "settings.update": (patch) => {
      const before = settings.get();
      const after = settings.update(patch);
      onSettingsChanged?.(before, after);
      return after;
    },
  };
}
