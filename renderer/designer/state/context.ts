import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { DesignerState, DesignerStore } from "./designer-store";

export const DesignerContext = createContext<DesignerStore | null>(null);

export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerContext);
  if (!store) throw new Error("useDesigner is used outside a DesignerContext");
  return store;
}

/** Reads from the open flow's store; re-renders only when the selected value changes. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}
