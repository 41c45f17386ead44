// "Find a step": every step of a flow (the trigger, then each action at any depth, collapsed scopes
// included) as people read it on the cards, and the ones a query matches. Pure: no React, no DOM.
import { ancestorsOf, type FlowGraph } from "../../../shared/flow";
import { branchHeadLabel, cardInfo } from "../card-info";

export interface FoundStep {
  /** The card's node id (an action's name, "#trigger/…" for the trigger). */
  id: string;
  isTrigger: boolean;
  /** The step's name as its card shows it ("Send an email (V2)"). */
  title: string;
  /** What it does: the operation's display name, or its WDL type. */
  operation: string;
  /** Where it is, outermost first, as the canvas labels it: ["Condition", "Yes"]; empty at the top level. */
  path: string[];
  /** Names of the scope actions around it, outermost first: a collapsed one hides it. */
  scopes: string[];
  /** What a query is matched against: title, name, operation and connector, normalised. */
  text: string;
}

/** Lower case, "_" read as a space (as cards show names), runs of spaces as one. */
export function normalizeQuery(query: string): string {
  return query.toLowerCase().replaceAll("_", " ").replace(/\s+/g, " ").trim();
}

const cache = new WeakMap<FlowGraph, FoundStep[]>();

/** Every step of the flow in the order the canvas reads: the trigger, then actions depth first. */
export function stepsOf(graph: FlowGraph): FoundStep[] {
  const cached = cache.get(graph);
  if (cached) return cached;
  const steps: FoundStep[] = [];
  for (const node of graph.nodes) {
    if (node.kind === "branch") continue;
    const step = node.kind === "trigger" ? node.trigger : node.action;
    const info = cardInfo(node.name, step);
    const path: string[] = [];
    const scopes: string[] = [];
    if (node.kind === "action") {
      // Nearest first: branch, its scope, the branch around that scope…
      for (const ancestor of ancestorsOf(graph, node.id).reverse()) {
        if (ancestor.kind === "action") {
          scopes.push(ancestor.name);
          path.push(cardInfo(ancestor.name, ancestor.action).title);
        } else if (ancestor.kind === "branch") {
          // Only a Condition's or a Switch's branch says something the scope's name does not.
          const scope = graph.byId.get(ancestor.parentId);
          if (scope?.kind === "action" && scope.branchIds.length > 1)
            path.push(branchHeadLabel(ancestor.label, ancestor.caseValue, scope.type));
        }
      }
    }
    steps.push({
      id: node.id,
      isTrigger: node.kind === "trigger",
      title: info.title,
      operation: info.subtitle,
      path,
      scopes,
      text: [info.title, node.name, info.subtitle, info.connectorName].map(normalizeQuery).join("\n"),
    });
  }
  cache.set(graph, steps);
  return steps;
}

/** The steps whose title, name, operation or connector contains the query (any case); none for an empty query. */
export function matchSteps(steps: readonly FoundStep[], query: string): FoundStep[] {
  const wanted = normalizeQuery(query);
  if (wanted === "") return [];
  return steps.filter((step) => step.text.includes(wanted));
}

/** The scopes that hide a step: the collapsed ones around it, outermost first. */
export function hiddenBy(step: FoundStep, collapsed: readonly string[]): string[] {
  return step.scopes.filter((scope) => collapsed.includes(scope));
}

/**
 * The match to go to from `current` (-1: none yet) one step forward or back, wrapping around;
 * from none, forward is the first and back the last. -1 when there is no match.
 */
export function stepIndex(current: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The title cut around the query's first occurrence, to mark it; undefined when the title has none. */
export function splitTitle(
  title: string,
  query: string,
): { before: string; match: string; after: string } | undefined {
  const wanted = normalizeQuery(query);
  if (wanted === "") return undefined;
  // Only case and "_" change, so positions carry over (unless lower case changes the length).
  const lowered = title.toLowerCase().replaceAll("_", " ");
  const at = lowered.length === title.length ? lowered.indexOf(wanted) : -1;
  if (at < 0) return undefined;
  return {
    before: title.slice(0, at),
    match: title.slice(at, at + wanted.length),
    after: title.slice(at + wanted.length),
  };
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
type Px = `${number}px`;

/** Room a found card needs around it: a card at a readable zoom, with some margin. */
const ROOM = { width: 380, height: 140, margin: 40, gap: 24 };

/**
 * Padding for zooming to a found step (fitView's, per side) that keeps the card clear of the find
 * box over the canvas's top-right corner: beside the box when the canvas is wide enough, else below
 * it, else (a tiny canvas) as if the box were not there.
 */
export function paddingClearOf(
  canvas: Rect,
  box: Rect | undefined,
): { top: Px; right: Px; bottom: Px; left: Px } {
  const { margin, gap } = ROOM;
  let top = margin;
  let right = margin;
  if (box) {
    const beside = canvas.left + canvas.width - box.left + gap;
    const below = box.top + box.height - canvas.top + gap;
    if (canvas.width - beside - margin >= ROOM.width) right = Math.max(margin, beside);
    else if (canvas.height - below - margin >= ROOM.height) top = Math.max(margin, below);
  }
  const px = (n: number): Px => `${Math.round(n)}px`;
  return { top: px(top), right: px(right), bottom: px(margin), left: px(margin) };
}
