// Insertion points: every place a step can go (after a step, or at the start of the top level or of
// a branch, empty or not), and canDrop, the designer's rules for dropping a step there.
import { canonicalActionType } from "../action-types";
import { type BranchSpec, branchesOf, type ContainerRef } from "../branches";
import type { FlowGraph, GraphEdge } from "../graph";
import {
  actionNodeId,
  branchNodeId,
  containerId,
  escapeIdPart,
  ROOT_CONTAINER_ID,
  triggerNodeId,
} from "../node-ids";
import { getOwn } from "../own";
import type { WdlActions, WdlDefinition } from "../types";
import { actionIndex, allActions } from "../walk";
import { EditError, type EditErrorCode } from "./errors";
import { type Index, requireAction, requireContainer } from "./tree";

/** At most this many scopes around any step (Power Automate's nesting limit). */
export const MAX_ACTION_NESTING_DEPTH = 8;

/**
 * after: right after a step, in its branch; the new step takes over the steps that ran after it
 * (only `follower` when given: the "+" on one edge of a parallel fan-out).
 * start: first in a branch (null: the top level, right after the trigger); the new step takes over
 * the branch's first steps (only `follower` when given).
 */
export type InsertionPoint =
  | { kind: "after"; action: string; follower?: string }
  | { kind: "start"; container: ContainerRef; follower?: string };

export type ListedInsertionPoint = {
  id: string;
  point: InsertionPoint;
  /** The branch the new step lands in. */
  container: ContainerRef;
  /** The node the "+" hangs below: the step, the branch node, or the trigger (or "#root" without one). */
  nodeId: string;
  /** Depth the new step would have. */
  depth: number;
  /** A start point of a branch with no steps yet: the "+" drawn inside an empty branch. */
  emptyBranch: boolean;
};

export function insertionPointId(point: InsertionPoint): string {
  const head =
    point.kind === "after" ? `after:${escapeIdPart(point.action)}` : `start:${containerId(point.container)}`;
  return point.follower === undefined ? head : `${head}>${escapeIdPart(point.follower)}`;
}

/** The point an id of insertionPointId stands for, or undefined for a string that is not one. */
export function insertionPointFromId(id: string): InsertionPoint | undefined {
  const [head = "", followerPart, extra] = id.split(">");
  if (extra !== undefined) return undefined;
  const follower = followerPart === undefined ? {} : { follower: unescapeIdPart(followerPart) };
  if (head.startsWith("after:")) return { kind: "after", action: unescapeIdPart(head.slice(6)), ...follower };
  if (!head.startsWith("start:")) return undefined;
  const rest = head.slice(6);
  if (rest === ROOT_CONTAINER_ID) return { kind: "start", container: null, ...follower };
  const m = /^#branch\/([^/]*)\/(yes|no|default|body|case\/([^/]*))$/.exec(rest);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const scope = unescapeIdPart(m[1]);
  const spec: BranchSpec =
    m[3] !== undefined
      ? { kind: "case", caseName: unescapeIdPart(m[3]) }
      : { kind: m[2] as "yes" | "no" | "default" | "body" };
  return { kind: "start", container: { ...spec, scope }, ...follower };
}

function unescapeIdPart(part: string): string {
  return part.replace(/%(25|2F|3E)/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Every insertion point: the top level's start, after each step, the start of each branch. Document order. */
export function insertionPoints(definition: WdlDefinition): ListedInsertionPoint[] {
  const firstTrigger = Object.keys(definition.triggers ?? {})[0];
  const rootEmpty = Object.keys(definition.actions ?? {}).length === 0;
  const out: ListedInsertionPoint[] = [
    listed(
      { kind: "start", container: null },
      null,
      firstTrigger ? triggerNodeId(firstTrigger) : ROOT_CONTAINER_ID,
      0,
      rootEmpty,
    ),
  ];
  for (const entry of allActions(definition)) {
    out.push(
      listed(
        { kind: "after", action: entry.name },
        entry.container,
        actionNodeId(entry.name),
        entry.depth,
        false,
      ),
    );
    for (const branch of branchesOf(entry.action)) {
      const container = { ...branch.spec, scope: entry.name };
      const empty = Object.keys(branch.actions).length === 0;
      out.push(
        listed({ kind: "start", container }, container, branchNodeId(container), entry.depth + 1, empty),
      );
    }
  }
  return out;
}

function listed(
  point: InsertionPoint,
  container: ContainerRef,
  nodeId: string,
  depth: number,
  emptyBranch: boolean,
): ListedInsertionPoint {
  return { id: insertionPointId(point), point, container, nodeId, depth, emptyBranch };
}

export type ResolvedPoint = {
  container: ContainerRef;
  /** The step the new one runs after; null at the start of a branch. */
  anchor: string | null;
  follower?: string;
  /** Depth of a step placed there. */
  depth: number;
};

/** Where a point is, checked against the definition (EditError "notFound" when it is not there). */
export function resolvePoint(definition: WdlDefinition, index: Index, point: InsertionPoint): ResolvedPoint {
  let resolved: ResolvedPoint;
  if (point.kind === "after") {
    const anchor = requireAction(index, point.action);
    resolved = { container: anchor.container, anchor: point.action, depth: anchor.depth };
  } else {
    requireContainer(definition, point.container, index);
    const depth = point.container === null ? 0 : requireAction(index, point.container.scope).depth + 1;
    resolved = { container: point.container, anchor: null, depth };
  }
  if (point.follower !== undefined) {
    const siblings = requireContainer(definition, resolved.container, index);
    const follower = getOwn(siblings, point.follower);
    const runAfter = follower?.runAfter ?? {};
    const follows =
      resolved.anchor === null
        ? Object.keys(runAfter).length === 0
        : Object.hasOwn(runAfter, resolved.anchor);
    if (!follower || !follows) {
      throw new EditError(
        "notFound",
        `"${point.follower}" is not a step that comes right after ${resolved.anchor === null ? "the start of that branch" : `"${resolved.anchor}"`}.`,
      );
    }
    resolved.follower = point.follower;
  }
  return resolved;
}

/**
 * What is dropped: an existing step (by name), several existing steps moved together, a new step of
 * a type, or a set of steps (a paste).
 */
export type DropSubject = string | { steps: readonly string[] } | { type: string } | { actions: WdlActions };

export type DropCheck = { ok: true } | { ok: false; code: EditErrorCode; reason: string };

/** Whether the subject may be dropped at the point, and if not, why (a sentence for people). */
export function canDrop(definition: WdlDefinition, subject: DropSubject, point: InsertionPoint): DropCheck {
  try {
    checkDrop(definition, actionIndex(definition), subject, point);
    return { ok: true };
  } catch (e) {
    if (e instanceof EditError) return { ok: false, code: e.code, reason: e.message };
    throw e;
  }
}

/** canDrop's rules, throwing EditError; returns the resolved point. */
export function checkDrop(
  definition: WdlDefinition,
  index: Index,
  subject: DropSubject,
  point: InsertionPoint,
): ResolvedPoint {
  const resolved = resolvePoint(definition, index, point);
  const moving = movingSteps(subject);
  for (const name of moving) {
    requireAction(index, name);
    // Right above a step that moves with others is a place (the others join it there); right
    // above or below a step moved alone, or right after one that moves, is not.
    if (moving.length === 1 && (resolved.anchor === name || resolved.follower === name)) {
      throw new EditError("samePlace", `"${name}" is already there.`);
    }
    if (resolved.anchor === name) {
      throw new EditError("samePlace", `The steps cannot go right after "${name}", which moves with them.`);
    }
    // Refuse a point inside a moving step: its container's scope chain would contain it.
    for (
      let scope = resolved.container?.scope;
      scope !== undefined;
      scope = index.get(scope)?.container?.scope
    ) {
      if (scope === name) {
        throw new EditError("intoItself", `"${name}" cannot be moved inside itself.`);
      }
    }
  }
  checkPlacement(subjectTops(index, subject), resolved.container !== null, resolved.depth);
  return resolved;
}

/** The existing steps a subject moves (none for a new step or a paste). */
function movingSteps(subject: DropSubject): readonly string[] {
  if (typeof subject === "string") return [subject];
  return "steps" in subject ? subject.steps : [];
}

/** A dropped step: its type and how many scope levels it holds inside (0 for a plain step). */
export type PlacedStep = { type: string; height: number };

export function subjectTops(index: Index, subject: DropSubject): PlacedStep[] {
  if (typeof subject === "string" || "steps" in subject) {
    return movingSteps(subject).map((name) => {
      const moving = requireAction(index, name);
      let height = 0;
      for (const e of index.values()) {
        if (e.scopePath.some((b) => b.scope === name)) height = Math.max(height, e.depth - moving.depth);
      }
      return { type: moving.action.type, height };
    });
  }
  if ("type" in subject) return [{ type: subject.type, height: 0 }];
  const inner = allActions({ actions: subject.actions });
  return Object.entries(subject.actions).map(([name, action]) => ({
    type: action.type,
    height: Math.max(0, ...inner.filter((e) => e.scopePath[0]?.scope === name).map((e) => e.depth)),
  }));
}

/** The rules on where steps may be: variables are initialized at the top level; nesting is limited. */
export function checkPlacement(steps: readonly PlacedStep[], insideScope: boolean, depth: number): void {
  for (const step of steps) {
    if (insideScope && canonicalActionType(step.type) === "InitializeVariable") {
      throw new EditError(
        "notAllowedHere",
        "Initialize variable can only be at the top level of a flow, not inside a condition, loop or scope.",
      );
    }
    if (depth + step.height > MAX_ACTION_NESTING_DEPTH) {
      throw new EditError(
        "notAllowedHere",
        `Steps can be nested at most ${MAX_ACTION_NESTING_DEPTH} scopes deep; this would nest them ${depth + step.height} deep.`,
      );
    }
  }
}

/**
 * The point of the "+" drawn on an edge: between its source and its target only, so a parallel
 * fan-out keeps its other branches. Undefined for an edge that does not lead to an action.
 */
export function edgeInsertionPoint(graph: FlowGraph, edge: GraphEdge): InsertionPoint | undefined {
  const source = graph.byId.get(edge.source);
  const target = graph.byId.get(edge.target);
  if (source === undefined || target?.kind !== "action") return undefined;
  switch (source.kind) {
    case "action":
      return { kind: "after", action: source.name, follower: target.name };
    case "trigger":
      return { kind: "start", container: null, follower: target.name };
    case "branch":
      return { kind: "start", container: source.ref, follower: target.name };
  }
}
