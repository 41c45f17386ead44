// What changed between two definitions of a flow, step by step: steps added, removed, renamed and
// changed (each change down to the field), and steps moved to another branch. This is what a person
// reads before publishing ("what am I about to publish?") and when comparing a version with the one
// before it or with the draft.
//
// Steps are matched by name (names are unique across a definition). A step that disappeared under
// one name and appeared under another with the same content is a rename; the older definition is then
// renamed the same way (references in expressions and runAfter included) before it is compared, so a
// rename shows as one change instead of one on every step that mentions the name.
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { canonicalActionType } from "./action-types";
import { type ContainerRef, sameContainer } from "./branches";
import { renameAction } from "./edits/rename";
import { buildGraph, type FlowGraph } from "./graph";
import type { WdlDefinition } from "./types";

export type StepChangeKind = "added" | "removed" | "renamed" | "changed";

/** One value that differs; `undefined` on a side where the field is not written. */
export interface ValueChange {
  path: readonly string[];
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

export interface StepChange {
  kind: StepChangeKind;
  /** The step's name: in the newer definition, or in the older one for a removed step. */
  name: string;
  /** For a renamed step: its name in the older definition. */
  previousName?: string;
  isTrigger: boolean;
  /** The step's JSON on each side (a scope with its branches' contents). */
  before?: JsonObject;
  after?: JsonObject;
  /** Set when the step sits in another branch than before. */
  moved?: { from: ContainerRef; to: ContainerRef };
  /** The step's own fields that differ (a scope's contents are steps of their own). */
  fields: ValueChange[];
}

export interface FlowDiff {
  /** Triggers, then the newer definition's steps in document order, then removed steps. */
  steps: StepChange[];
  /** Definition fields outside triggers and actions (parameters, outputs…). */
  definition: ValueChange[];
  /** Steps present on both sides with nothing changed. */
  unchanged: number;
}

/** More field changes than this on one step are not listed one by one. */
export const MAX_FIELD_CHANGES = 40;

/** The field-by-field differences between two JSON values, at most `limit` of them. */
export function valueChanges(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  limit = MAX_FIELD_CHANGES,
): ValueChange[] {
  const out: ValueChange[] = [];
  collect(before, after, [], out, limit);
  return out;
}

/** Nothing differs: no step and no definition field. */
export function diffIsEmpty(diff: FlowDiff): boolean {
  return diff.steps.length === 0 && diff.definition.length === 0;
}

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isJsonObject(a)) {
    if (!isJsonObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}

function collect(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: string[],
  out: ValueChange[],
  limit: number,
): void {
  if (out.length >= limit || jsonEqual(before, after)) return;
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const key of Object.keys(after))
      collect(Object.hasOwn(before, key) ? before[key] : undefined, after[key], [...path, key], out, limit);
    for (const key of Object.keys(before))
      if (!Object.hasOwn(after, key)) collect(before[key], undefined, [...path, key], out, limit);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    for (let i = 0; i < before.length; i++) collect(before[i], after[i], [...path, String(i)], out, limit);
    return;
  }
  out.push({ path, before, after });
}

/** A step without the contents of its branches (those are steps of their own); case values stay. */
export function ownFields(step: JsonObject): JsonObject {
  const type = canonicalActionType(typeof step.type === "string" ? step.type : "");
  if (type !== "If" && type !== "Switch" && type !== "Foreach" && type !== "Until" && type !== "Scope")
    return step;
  const own: JsonObject = { ...step };
  delete own.actions;
  for (const key of ["else", "default"] as const) {
    const branch = own[key];
    if (isJsonObject(branch)) {
      const { actions: _contents, ...rest } = branch;
      if (Object.keys(rest).length > 0) own[key] = rest;
      else delete own[key];
    }
  }
  if (isJsonObject(own.cases)) {
    const cases: JsonObject = {};
    for (const [name, value] of Object.entries(own.cases)) {
      if (isJsonObject(value)) {
        const { actions: _contents, ...rest } = value;
        cases[name] = rest;
      } else cases[name] = value;
    }
    own.cases = cases;
  }
  return own;
}

function withoutRunAfter(step: JsonObject): JsonObject {
  const { runAfter: _order, ...rest } = ownFields(step);
  return rest;
}

/**
 * Pairs of (older name, newer name): a step only in the older definition and one only in the newer,
 * of the same type and with the same content apart from runAfter, taken in document order.
 */
function detectRenames(before: FlowGraph, after: FlowGraph): [string, string][] {
  const added = [...after.byActionName.values()].filter((n) => !before.byActionName.has(n.name));
  const pairs: [string, string][] = [];
  const taken = new Set<string>();
  for (const removed of before.byActionName.values()) {
    if (after.byActionName.has(removed.name)) continue;
    const own = withoutRunAfter(removed.action as unknown as JsonObject);
    const match = added.find(
      (candidate) =>
        !taken.has(candidate.name) &&
        candidate.type === removed.type &&
        jsonEqual(withoutRunAfter(candidate.action as unknown as JsonObject), own),
    );
    if (match) {
      taken.add(match.name);
      pairs.push([removed.name, match.name]);
    }
  }
  return pairs;
}

/** Renames the older definition's steps as the newer one names them; a rename that cannot be done is left out. */
function applyRenames(
  definition: WdlDefinition,
  pairs: [string, string][],
): [WdlDefinition, [string, string][]] {
  let renamed = definition;
  const done: [string, string][] = [];
  for (const [from, to] of pairs) {
    try {
      renamed = renameAction(renamed, { from, to });
      done.push([from, to]);
    } catch {
      // Another step of the older flow already has the newer name: compare them as they are.
    }
  }
  return [renamed, done];
}

export function diffDefinitions(before: WdlDefinition, after: WdlDefinition): FlowDiff {
  const afterGraph = buildGraph(after);
  const originalGraph = buildGraph(before);
  const [renamedBefore, renames] = applyRenames(before, detectRenames(originalGraph, afterGraph));
  const beforeGraph = buildGraph(renamedBefore);
  const previousNames = new Map(renames.map(([from, to]) => [to, from]));
  const steps: StepChange[] = [];
  let unchanged = 0;

  const beforeTriggers = before.triggers ?? {};
  const afterTriggers = after.triggers ?? {};
  for (const [name, trigger] of Object.entries(afterTriggers)) {
    const older = Object.hasOwn(beforeTriggers, name) ? beforeTriggers[name] : undefined;
    const newer = trigger as unknown as JsonObject;
    if (older === undefined) {
      // A flow has one trigger: another name in its place is that trigger changed, not a second one.
      const [previousName, previous] = Object.entries(beforeTriggers).find(
        ([other]) => !Object.hasOwn(afterTriggers, other),
      ) ?? [undefined, undefined];
      if (previousName !== undefined && previous !== undefined) {
        const fields = valueChanges(previous as unknown as JsonObject, newer);
        steps.push({
          kind: "renamed",
          name,
          previousName,
          isTrigger: true,
          before: previous as unknown as JsonObject,
          after: newer,
          fields,
        });
      } else steps.push({ kind: "added", name, isTrigger: true, after: newer, fields: [] });
      continue;
    }
    const fields = valueChanges(older as unknown as JsonObject, newer);
    if (fields.length === 0) unchanged++;
    else
      steps.push({
        kind: "changed",
        name,
        isTrigger: true,
        before: older as unknown as JsonObject,
        after: newer,
        fields,
      });
  }
  for (const [name, trigger] of Object.entries(beforeTriggers)) {
    if (Object.hasOwn(afterTriggers, name)) continue;
    if (steps.some((s) => s.isTrigger && s.previousName === name)) continue;
    steps.push({
      kind: "removed",
      name,
      isTrigger: true,
      before: trigger as unknown as JsonObject,
      fields: [],
    });
  }

  for (const node of afterGraph.byActionName.values()) {
    const newer = node.action as unknown as JsonObject;
    const olderNode = beforeGraph.byActionName.get(node.name);
    if (!olderNode) {
      steps.push({ kind: "added", name: node.name, isTrigger: false, after: newer, fields: [] });
      continue;
    }
    const older = olderNode.action as unknown as JsonObject;
    const fields = valueChanges(ownFields(older), ownFields(newer));
    const moved = sameContainer(olderNode.container, node.container)
      ? undefined
      : { from: olderNode.container, to: node.container };
    const previousName = previousNames.get(node.name);
    if (previousName !== undefined) {
      // The older step as it was written, under its old name.
      const original = originalGraph.byActionName.get(previousName)?.action as unknown as JsonObject;
      steps.push({
        kind: "renamed",
        name: node.name,
        previousName,
        isTrigger: false,
        before: original,
        after: newer,
        ...(moved ? { moved } : {}),
        fields,
      });
    } else if (fields.length > 0 || moved)
      steps.push({
        kind: "changed",
        name: node.name,
        isTrigger: false,
        before: older,
        after: newer,
        ...(moved ? { moved } : {}),
        fields,
      });
    else unchanged++;
  }
  for (const node of beforeGraph.byActionName.values()) {
    if (afterGraph.byActionName.has(node.name)) continue;
    steps.push({
      kind: "removed",
      name: node.name,
      isTrigger: false,
      before: node.action as unknown as JsonObject,
      fields: [],
    });
  }

  const { triggers: _bt, actions: _ba, ...beforeRest } = before as unknown as JsonObject;
  const { triggers: _at, actions: _aa, ...afterRest } = after as unknown as JsonObject;
  return { steps, definition: valueChanges(beforeRest, afterRest), unchanged };
}
