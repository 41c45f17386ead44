// The person's settings, loaded once and saved through the contract; the theme applies at once.
import { create } from "zustand";
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from "../../shared/api";
import { api } from "../api/client";
import { describeError } from "../ui/errors";
import { toast } from "../ui/toasts";

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  load(): Promise<void>;
  update(patch: SettingsPatch): Promise<void>;
  /** Takes the settings another method answered with (admin.signIn…), as the latest. */
  replace(settings: Settings): void;
}

/**
 * Answers can come back out of order (an update still in flight when a later load returns): only
 * the answer to the latest request is kept, so an older one never overwrites newer settings.
 */
let latestRequest = 0;

export const useSettings = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  async load() {
    const request = ++latestRequest;
    try {
      const settings = await api.call("settings.get", {});
      if (request === latestRequest) set({ settings, loaded: true });
    } catch (error) {
      set({ loaded: true });
      toast.error(describeError(error));
    }
  },
  replace(settings) {
    latestRequest++;
    set({ settings, loaded: true });
  },
  async update(patch) {
    const request = ++latestRequest;
    const previous = get().settings;
    set({ settings: { ...previous, ...patch } });
    try {
      const settings = await api.call("settings.update", patch);
      if (request === latestRequest) set({ settings });
    } catch (error) {
      if (request === latestRequest) set({ settings: previous });
      toast.error(describeError(error));
    }
  },
}));

export type ResolvedTheme = "light" | "dark";

export function systemTheme(): ResolvedTheme {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function resolveTheme(theme: Settings["theme"]): ResolvedTheme {
  return theme === "system" ? systemTheme() : theme;
}

export function toggleTheme(): void {
  const { settings, update } = useSettings.getState();
  void update({ theme: resolveTheme(settings.theme) === "dark" ? "light" : "dark" });
}
