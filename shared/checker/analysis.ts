// The analysis every rule reads, built once per check: the graph, one record per step with its
// operation and expressions, which steps are sure to run before which, the variables declared.
import {
  type ConnectorDeclaration,
  flowKindOf as catalogFlowKind,
  type FlowKind,
  type InputDeclaration,
  type OperationDeclaration,
} from "../connectors";
import {
  type ActionNode,
  buildGraph,
  type ConnectorRef,
  canonicalActionType,
  canonicalTriggerType,
  type FlowGraph,
  ROOT_CONTAINER_ID,
  type TriggerNode,
  triggerFlowKind,
  type WdlDefinition,
  type WdlTrigger,
} from "../flow";
import type { JsonObject } from "../json";
import { computePrecedence, type Precedence } from "./precedence";
import { type StepExpression, stepValues } from "./step-values";
import type { CheckOptions, ConnectorPolicy } from "./types";

export interface Step {
  kind: "trigger" | "action";
  name: string;
  nodeId: string;
  node: ActionNode | TriggerNode;
  /** Position among the graph's nodes: the document order findings are sorted by. */
  order: number;
  /** Index among the actions (see Analysis.actions); -1 for a trigger. */
  index: number;
  object: JsonObject;
  /** Canonical type ("If", "OpenApiConnection"…), or as written when unknown. */
  type: string;
  /** True when Flowsmith knows the type (canonical action / trigger type). */
  knownType: boolean;
  depth: number;
  /** The scope action this step sits in. */
  parent: Step | undefined;
  /** Action indices of the enclosing scopes, outermost first, then the step itself (empty for a trigger). */
  chain: number[];
  operation: OperationDeclaration | undefined;
  /** The catalog connector of a connector call (never a built-in). */
  connector: ConnectorDeclaration | undefined;
  /** How the step names its connector, for connector calls (also those the catalog does not know). */
  connectorRef: ConnectorRef | undefined;
  expressions: StepExpression[];
  /** The inputs of the step's form (record fields expanded); empty when the operation is unknown. */
  inputs: InputDeclaration[];
}

export interface VariableDeclaration {
  name: string;
  /** The declared type as written ("integer"), or undefined. */
  type: string | undefined;
  step: Step;
  /** Position in the step's inputs.variables. */
  position: number;
}

export interface Analysis {
  definition: WdlDefinition;
  graph: FlowGraph;
  /** The flow's kind: as the options say, else as its trigger makes it. */
  kind: FlowKind;
  /** The kind its (first) trigger makes it; undefined without a trigger. */
  triggerKind: FlowKind | undefined;
  policy: ConnectorPolicy | undefined;
  triggers: Step[];
  /** Every action in document order (a scope before its contents). */
  actions: Step[];
  /** Triggers then actions. */
  steps: Step[];
  /** Actions by lower-cased name (WDL compares names without letter case); the first one wins. */
  byName: ReadonlyMap<string, Step>;
  precedence: Precedence;
  /** Initialized variables by lower-cased name, in document order. */
  variables: ReadonlyMap<string, VariableDeclaration[]>;
  /** Node id for findings about the whole flow: the trigger's, or "#root". */
  flowNodeId: string;
}

const SCOPE_TYPES = new Set(["If", "Switch", "Foreach", "Until", "Scope"]);

export function analyze(definition: WdlDefinition, options: CheckOptions = {}): Analysis {
  const graph = buildGraph(definition);
  const triggers: Step[] = [];
  const actions: Step[] = [];
  const byName = new Map<string, Step>();
  const byNodeId = new Map<string, Step>();

  graph.nodes.forEach((node, order) => {
    if (node.kind === "branch") return;
    const object = (node.kind === "trigger" ? node.trigger : node.action) as JsonObject;
    const rawType = typeof object.type === "string" ? object.type : "";
    const canonical = node.kind === "trigger" ? canonicalTriggerType(rawType) : canonicalActionType(rawType);
    const type = canonical ?? rawType;
    const values = stepValues(object, node.kind === "action" && SCOPE_TYPES.has(type));
    const branch =
      node.kind === "action" && node.parentId !== null ? graph.byId.get(node.parentId) : undefined;
    const parent = branch?.kind === "branch" ? byNodeId.get(branch.parentId) : undefined;
    const index = node.kind === "action" ? actions.length : -1;
    const step: Step = {
      kind: node.kind,
      name: node.name,
      nodeId: node.id,
      node,
      order,
      index,
      object,
      type,
      knownType: canonical !== undefined,
      depth: node.kind === "action" ? node.depth : 0,
      parent,
      chain: node.kind === "action" ? [...(parent?.chain ?? []), index] : [],
      operation: values.operation,
      connector: values.connector,
      connectorRef: values.connectorRef,
      expressions: values.expressions,
      inputs: values.inputs,
    };
    byNodeId.set(node.id, step);
    if (node.kind === "trigger") triggers.push(step);
    else {
      actions.push(step);
      const key = node.name.toLowerCase();
      if (!byName.has(key)) byName.set(key, step);
    }
  });

  const precedence = computePrecedence({
    graph,
    names: actions.map((a) => a.name),
    parents: actions.map((a) => a.parent?.index ?? -1),
    alwaysRunsBody: actions.map((a) => a.type === "Scope" || a.type === "Until"),
  });

  const variables = new Map<string, VariableDeclaration[]>();
  for (const step of actions) {
    if (step.type !== "InitializeVariable") continue;
    const inputs = step.object.inputs;
    const list =
      inputs && typeof inputs === "object" && !Array.isArray(inputs) ? inputs.variables : undefined;
    if (!Array.isArray(list)) continue;
    list.forEach((declaration, position) => {
      if (!declaration || typeof declaration !== "object" || Array.isArray(declaration)) return;
      const name = declaration.name;
      if (typeof name !== "string" || name.trim() === "") return;
      const type = typeof declaration.type === "string" ? declaration.type : undefined;
      const key = name.toLowerCase();
      const entry: VariableDeclaration = { name, type, step, position };
      const existing = variables.get(key);
      if (existing) existing.push(entry);
      else variables.set(key, [entry]);
    });
  }

  const first = triggers[0];
  const firstTrigger = first?.node.kind === "trigger" ? first.node.trigger : undefined;
  const triggerKind = firstTrigger ? kindOf(firstTrigger) : undefined;
  return {
    definition,
    graph,
    kind: options.kind ?? triggerKind ?? "automated",
    triggerKind,
    policy: options.policy,
    triggers,
    actions,
    steps: [...triggers, ...actions],
    byName,
    precedence,
    variables,
    flowNodeId: first?.nodeId ?? ROOT_CONTAINER_ID,
  };
}

// The catalog knows its connectors' instant triggers; shared/flow tells the rest by their shape.
function kindOf(trigger: WdlTrigger): FlowKind {
  return catalogFlowKind(trigger) ?? triggerFlowKind(trigger);
}
