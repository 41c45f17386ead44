import type { WdlAction, WdlDefinition } from "../types";
import { actionIndex } from "../walk";

/** The step called `name`, at any depth, typed as the caller says; throws when it is missing. */
export function step<T extends WdlAction = WdlAction>(definition: WdlDefinition, name: string): T {
  const entry = actionIndex(definition).get(name);
  if (!entry) throw new Error(`no step ${name}`);
  return entry.action as T;
}
