// What the engine needs to know about a definition's actions by name: their type, which loops
// enclose them (to find "the" result of an action inside a Foreach), the children of scopes (for
// result('Scope')), and whose results an expression can read at all. Built once per definition
// snapshot.
import { analyzeValue, getFunctionInfo } from "../../../shared/expr";
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
import { isJsonObject, type JsonValue } from "../../../shared/json";

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
  /**
   * The actions whose results an expression of the definition can read (outputs(), body(),
   * actions(), result()…), or undefined when any can (a name is computed). A run keeps the
   * results of these only: most steps of most flows are never read back.
   */
  readResults: ReadonlySet<string> | undefined;
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
  const resolve = (name: string) => actions.get(name) ?? folded.get(name.replace(/ /g, "_").toLowerCase());
  const index: DefinitionIndex = {
    actions,
    anySecured: [...actions.values()].some((info) => info.secured.inputs || info.secured.outputs),
    resolve,
    readResults: readResults(actions, resolve),
  };
  cache.set(definition, index);
  return index;
}

/** See DefinitionIndex.readResults. */
function readResults(
  actions: ReadonlyMap<string, ActionInfo>,
  resolve: (name: string) => ActionInfo | undefined,
): Set<string> | undefined {
  const read = new Set<string>();
  for (const info of actions.values()) {
    const analysis = analyzeValue(info.action as JsonValue);
    // An expression that does not parse, or names its action by a computed value: it could be any.
    if (analysis.errors.length > 0 || analysis.references.dynamic) return undefined;
    if (callsResultReader(conditionOf(info))) return undefined;
    for (const name of analysis.references.actions) {
      const target = resolve(name);
      if (target) read.add(target.name);
    }
    for (const name of analysis.references.scopes) {
      for (const child of resolve(name)?.children ?? []) read.add(child);
    }
  }
  return read;
}

/** A condition in the builder's form (If and Until expressions, Query's where). */
function conditionOf(info: ActionInfo): JsonValue | undefined {
  const action = info.action as { expression?: JsonValue; inputs?: JsonValue };
  if (info.type === "If" || info.type === "Until") return action.expression;
  if (info.type === "Query" && isJsonObject(action.inputs)) return action.inputs.where;
  return undefined;
}

/** Whether a condition's builder form calls outputs(), body(), result()… by a key ({"body": "X"}). */
function callsResultReader(value: JsonValue | undefined): boolean {
  if (Array.isArray(value)) return value.some(callsResultReader);
  if (!isJsonObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => {
    const references = getFunctionInfo(key)?.references;
    return references === "action" || references === "scope" || callsResultReader(inner);
  });
}
