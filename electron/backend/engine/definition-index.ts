// What the engine needs to know about a definition's actions by name: their type, which loops
// enclose them (to find "the" result of an action inside a Foreach), and the children of scopes
// (for result('Scope')). Built once per definition snapshot.
import {
  allActions,
  branchesOf,
  canonicalActionType,
  type SecuredData,
  securedData,
  type WdlAction,
  type WdlActionType,
  type WdlDefinition,
} from "../../../shared/flow";

export interface ActionInfo {
  name: string;
  action: WdlAction;
  type: WdlActionType | undefined;
  /** Foreach and Until loops around it, outermost first. */
  loops: string[];
  /** For a scope action: the names of the actions in its branches (first level only). */
  children: string[];
  /** runtimeConfiguration.secureData: these values are hidden from history and sealed in the journal. */
  secured: SecuredData;
}

export interface DefinitionIndex {
  actions: Map<string, ActionInfo>;
  /** Some action secures its inputs or outputs (most definitions: none, and nothing is looked up). */
  anySecured: boolean;
  /** Names as expressions may write them: exact, with spaces as underscores, any case. */
  resolve(name: string): ActionInfo | undefined;
}

const cache = new WeakMap<WdlDefinition, DefinitionIndex>();

export function isLoopType(type: WdlActionType | undefined): boolean {
  return type === "Foreach" || type === "Until";
}

export function definitionIndex(definition: WdlDefinition): DefinitionIndex {
  const cached = cache.get(definition);
  if (cached) return cached;
  const actions = new Map<string, ActionInfo>();
  for (const entry of allActions(definition)) {
    const loops: string[] = [];
    for (const branch of entry.scopePath) {
      if (isLoopType(actions.get(branch.scope)?.type)) loops.push(branch.scope);
    }
    actions.set(entry.name, {
      name: entry.name,
      action: entry.action,
      type: canonicalActionType(entry.action.type),
      loops,
      children: branchesOf(entry.action).flatMap((b) => Object.keys(b.actions)),
      secured: securedData(entry.action),
    });
  }
  const folded = new Map<string, ActionInfo>();
  for (const info of actions.values()) {
    const key = info.name.replace(/ /g, "_").toLowerCase();
    if (!folded.has(key)) folded.set(key, info);
  }
  const index: DefinitionIndex = {
    actions,
    anySecured: [...actions.values()].some((info) => info.secured.inputs || info.secured.outputs),
    resolve: (name) => actions.get(name) ?? folded.get(name.replace(/ /g, "_").toLowerCase()),
  };
  cache.set(definition, index);
  return index;
}
