// App-wide dialogs that any page (and the File menu) can open.
import { create } from "zustand";

interface UiState {
  createOpen: boolean;
  aboutOpen: boolean;
  openCreate(): void;
  closeCreate(): void;
  openAbout(): void;
  closeAbout(): void;
}

export const useUi = create<UiState>((set) => ({
  createOpen: false,
  aboutOpen: false,
  openCreate: () => set({ createOpen: true }),
  closeCreate: () => set({ createOpen: false }),
  openAbout: () => set({ aboutOpen: true }),
  closeAbout: () => set({ aboutOpen: false }),
}));
