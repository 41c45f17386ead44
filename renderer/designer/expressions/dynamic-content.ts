// What a step may use as dynamic content: the outputs of the trigger and of every step sure to have
// run before it (shared/flow's predecessor rules), the current item of enclosing loops, and the
// variables initialized before it. Each entry carries the WDL expression that reads it.
import {
  connectorOf,
  type OperationDeclaration,
  type OutputDeclaration,
  operationOfAction,
  outputExpression,
  outputsOf,
} from "../../../shared/connectors";
import {
  type ActionNode,
  ancestorsOf,
  type FlowGraph,
  isActionType,
  predecessorsOf,
} from "../../../shared/flow";
import type { JsonObject, JsonValue } from "../../../shared/json";
import { t } from "../../i18n";
import { displayName } from "../card-info";

export interface ContentItem {
  title: string;
  type: string;
  description: string;
  expression: string;
}

export interface ContentGroup {
  /** The step (or "Variables") the items come from. */
  title: string;
  source: string;
  items: ContentItem[];
}

const asObject = (value: JsonValue | undefined): JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};

function stepGroup(
  name: string,
  step: JsonValue,
  isTrigger: boolean,
  loopName?: string,
): ContentGroup | undefined {
  const operation = operationOfAction(step);
  if (!operation) return undefined;
  const items = outputsOf(operation, asObject(step))
    .filter((output) => (output.itemOf === undefined) !== (loopName !== undefined))
    .map((output) => item(name, operation, isTrigger, output, loopName));
  if (items.length === 0) return undefined;
  return {
    title: isTrigger ? t("designer.content.triggerGroup", { step: displayName(name) }) : displayName(name),
    source: name,
    items,
  };
}

function item(
  name: string,
  operation: OperationDeclaration,
  isTrigger: boolean,
  output: OutputDeclaration,
  loopName?: string,
): ContentItem {
  return {
    title: output.title,
    type: output.type,
    description: output.description,
    expression: outputExpression({ name, operation, isTrigger }, output, loopName),
  };
}

/** Dynamic content for a step (by action name), or for the trigger when name is undefined. */
export function availableContent(graph: FlowGraph, name: string | undefined): ContentGroup[] {
  const groups: ContentGroup[] = [];
  const trigger = graph.triggers[0];
  if (trigger) {
    const group = stepGroup(trigger.name, trigger.trigger, true);
    if (group) groups.push(group);
  }
  if (name === undefined) return groups;
  const node = graph.byActionName.get(name);
  if (!node) return groups;

  // The current item of each loop around the step.
  for (const ancestor of ancestorsOf(graph, node.id)) {
    if (ancestor.kind !== "action" || !isActionType(ancestor.action, "Foreach")) continue;
    groups.push(loopGroup(graph, ancestor));
  }
  const predecessors = predecessorsOf(graph, name);
  const variables: ContentItem[] = [];
  for (const predecessor of predecessors) {
    if (isActionType(predecessor.action, "InitializeVariable")) {
      for (const variable of variableDeclarations(predecessor.action)) {
        variables.push({
          title: variable.name,
          type: variable.type,
          description: t("designer.content.variable", { name: variable.name }),
          expression: `variables('${variable.name.replaceAll("'", "''")}')`,
        });
      }
      continue;
    }
    const group = stepGroup(predecessor.name, predecessor.action, false);
    if (group) groups.push(group);
  }
  if (variables.length > 0)
    groups.push({ title: t("designer.content.variables"), source: "#variables", items: variables });
  return groups;
}

function loopGroup(graph: FlowGraph, loop: ActionNode): ContentGroup {
  const foreach = asObject(loop.action as unknown as JsonValue).foreach;
  const items: ContentItem[] = [
    {
      title: t("designer.content.currentItem"),
      type: "any",
      description: t("designer.content.currentItemDescription", { loop: displayName(loop.name) }),
      expression: `items('${loop.name.replaceAll("'", "''")}')`,
    },
  ];
  // Fields of the items, when the loop runs over a step's array output that declares them.
  if (typeof foreach === "string") {
    for (const source of graph.nodes) {
      if (source.kind !== "action" && source.kind !== "trigger") continue;
      const step = source.kind === "action" ? source.action : source.trigger;
      const operation = operationOfAction(step);
      if (!operation) continue;
      const outputs = outputsOf(operation, asObject(step));
      for (const array of outputs.filter((o) => o.type === "array")) {
        const arrayExpression = outputExpression(
          { name: source.name, operation, isTrigger: source.kind === "trigger" },
          array,
        );
        if (foreach.replace(/^@\{?|\}$/g, "") !== arrayExpression) continue;
        for (const field of outputs.filter((o) => o.itemOf === array.path)) {
          items.push(item(source.name, operation, source.kind === "trigger", field, loop.name));
        }
      }
    }
  }
  return {
    title: t("designer.content.loopGroup", { loop: displayName(loop.name) }),
    source: loop.name,
    items,
  };
}

function variableDeclarations(action: unknown): { name: string; type: string }[] {
  const inputs = asObject((action as { inputs?: JsonValue }).inputs);
  const list = Array.isArray(inputs.variables) ? inputs.variables : [];
  return list.flatMap((entry) => {
    const variable = asObject(entry);
    return typeof variable.name === "string"
      ? [{ name: variable.name, type: typeof variable.type === "string" ? variable.type : "any" }]
      : [];
  });
}

/** Friendly labels for token chips: expression → "Outcome" from “Start and wait…”, for every step. */
export function tokenLabels(graph: FlowGraph): Map<string, { title: string; source: string }> {
  const labels = new Map<string, { title: string; source: string }>();
  const add = (group: ContentGroup | undefined) => {
    for (const entry of group?.items ?? [])
      labels.set(normalize(entry.expression), { title: entry.title, source: group?.title ?? "" });
  };
  for (const node of graph.nodes) {
    if (node.kind === "trigger") add(stepGroup(node.name, node.trigger, true));
    else if (node.kind === "action") {
      add(stepGroup(node.name, node.action, false));
      if (isActionType(node.action, "Foreach")) add(loopGroup(graph, node));
    }
  }
  return labels;
}

const labelCache = new WeakMap<FlowGraph, Map<string, { title: string; source: string }>>();

/** tokenLabels, computed once per graph. */
export function labelsOf(graph: FlowGraph): Map<string, { title: string; source: string }> {
  let labels = labelCache.get(graph);
  if (!labels) {
    labels = tokenLabels(graph);
    labelCache.set(graph, labels);
  }
  return labels;
}

/** Spacing differences do not make a different token. */
export function normalize(expression: string): string {
  return expression.replace(/\s+/g, "");
}

export { connectorOf };
