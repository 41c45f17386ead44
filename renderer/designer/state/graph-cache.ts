// One graph per definition, shared by the canvas, the properties panel and the pickers: definitions
// are immutable, so the definition object itself is the key.
import { buildGraph, type FlowGraph, type WdlDefinition } from "../../../shared/flow";

const graphs = new WeakMap<WdlDefinition, FlowGraph>();

export function graphOf(definition: WdlDefinition): FlowGraph {
  let graph = graphs.get(definition);
  if (!graph) {
    graph = buildGraph(definition);
    graphs.set(definition, graph);
  }
  return graph;
}
