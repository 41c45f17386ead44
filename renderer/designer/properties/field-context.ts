import { createContext, useContext } from "react";
import type { ContentLabels } from "../expressions/chips";
import type { TokenInputHandle } from "../expressions/TokenInput";

/** What every field of the properties panel needs to offer dynamic content. */
export interface FieldContext {
  labels: ContentLabels;
  openPicker: (anchor: DOMRect, field: TokenInputHandle) => void;
  readOnly: boolean;
}

export const FieldContextValue = createContext<FieldContext | null>(null);

export function useFieldContext(): FieldContext {
  const value = useContext(FieldContextValue);
  if (!value) throw new Error("fields must sit inside the properties panel");
  return value;
}
