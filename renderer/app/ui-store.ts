// App-wide dialogs that any page (and the File menu) can open.
import { create } from "zustand";

interface UiState {
  createOpen: boolean;
  templatesOpen: boolean;
  openTemplates(): void;
  closeTemplates(): void;
  aboutOpen: boolean;
  shortcutsOpen: boolean;
  openShortcuts(): void;
  closeShortcuts(): void;
  openCreate(): void;
  closeCreate(): void;
  openAbout(): void;
  closeAbout(): void;
}

export const useUi = create<UiState>((set) => ({
  createOpen: false,
  templatesOpen: false,
  openTemplates: () => set({ templatesOpen: true }),
  closeTemplates: () => set({ templatesOpen: false }),
  aboutOpen: false,
  shortcutsOpen: false,
  openShortcuts: () => set({ shortcutsOpen: true }),
  closeShortcuts: () => set({ shortcutsOpen: false }),
  openCreate: () => set({ createOpen: true }),
  closeCreate: () => set({ createOpen: false }),
  openAbout: () => set({ aboutOpen: true }),
  closeAbout: () => set({ aboutOpen: false }),
}));
