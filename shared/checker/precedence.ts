// Which steps are sure to have run before each step, for every step at once: the rule of
// shared/flow's predecessorsOf (runAfter predecessors transitively, the same for each enclosing
// scope, plus the always-run contents of preceding Scope and Do until bodies), computed once as
// bit rows in dependency order instead of one graph walk per step and per reference.
// Also the runAfter cycles (strongly connected components), which the order must step around.
import type { FlowGraph } from "../flow";
import { BitMatrix } from "./bitset";

export interface PrecedenceInput {
  graph: FlowGraph;
  /** Action names in document order; indices below are into this list. */
  names: readonly string[];
  /** Index of the scope action a step sits in, -1 at the top level. */
  parents: readonly number[];
  /** Scope (Scope) and Do until (Until): their contents always run. */
  alwaysRunsBody: readonly boolean[];
}

export interface Precedence {
  /** Is action `before` sure to have run when action `step` starts? */
  sureBefore(step: number, before: number): boolean;
  /** Is `inner` sure to have run once the Scope / Do until `scope` has finished? */
  inSureContents(scope: number, inner: number): boolean;
  /** Sure predecessors of a step, as indices in document order. */
  sureBeforeList(step: number): number[];
  /** runAfter predecessors (within the step's branch) of each action. */
  predecessors: readonly (readonly number[])[];
  /** Every action index, each after its scope and its runAfter predecessors (cycles last, as found). */
  order: readonly number[];
  /** Cycles of runAfter: each a list of action indices (a step that runs after itself is one too). */
  cycles: readonly (readonly number[])[];
  /** Index → the cycle it belongs to, when it belongs to one. */
  cycleOf: ReadonlyMap<number, number>;
}

export function computePrecedence(input: PrecedenceInput): Precedence {
  const { graph, names, parents, alwaysRunsBody } = input;
  const n = names.length;
  const indexOf = new Map<string, number>();
  names.forEach((name, i) => {
    if (!indexOf.has(name)) indexOf.set(name, i);
  });

  const predecessors: number[][] = names.map((name) => {
    const out: number[] = [];
    for (const edge of graph.incoming.get(graph.byActionName.get(name)?.id ?? name) ?? []) {
      if (edge.kind !== "runAfter") continue;
      const source = graph.byId.get(edge.source);
      const p = source?.kind === "action" ? indexOf.get(source.name) : undefined;
      if (p !== undefined) out.push(p);
    }
    return out;
  });
  const children: number[][] = names.map(() => []);
  parents.forEach((parent, i) => {
    if (parent >= 0) children[parent]?.push(i);
  });

  // Contents that always run, bottom-up: children come after their scope in document order.
  const contents = new BitMatrix(n, n);
  for (let i = n - 1; i >= 0; i--) {
    if (!alwaysRunsBody[i]) continue;
    for (const c of children[i] ?? []) {
      contents.set(i, c);
      contents.orRow(i, c);
    }
  }

  const { cycles, cycleOf } = findCycles(n, predecessors);

  // sure(i) = sure(parent) ∪ ⋃ over runAfter predecessors p: {p} ∪ contents(p) ∪ sure(p).
  // Kahn's order over "parent before child" and "predecessor before follower"; steps on or behind a
  // cycle are done last with what is known (the cycle itself is reported by its own rule).
  const sure = new BitMatrix(n, n);
  const waiting = new Int32Array(n);
  const followers: number[][] = names.map(() => []);
  for (let i = 0; i < n; i++) {
    const parent = parents[i] ?? -1;
    if (parent >= 0) {
      waiting[i] = (waiting[i] ?? 0) + 1;
      followers[parent]?.push(i);
    }
    for (const p of predecessors[i] ?? []) {
      waiting[i] = (waiting[i] ?? 0) + 1;
      followers[p]?.push(i);
    }
  }
  const done = new Uint8Array(n);
  const compute = (i: number): void => {
    done[i] = 1;
    const parent = parents[i] ?? -1;
    if (parent >= 0) sure.orRow(i, parent);
    for (const p of predecessors[i] ?? []) {
      sure.set(i, p);
      sure.orRow(i, p, contents);
      sure.orRow(i, p);
    }
  };
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head] as number;
    compute(i);
    for (const f of followers[i] ?? []) {
      waiting[f] = (waiting[f] ?? 0) - 1;
      if (waiting[f] === 0) queue.push(f);
    }
  }
  for (let i = 0; i < n; i++) {
    if (done[i]) continue;
    compute(i);
    queue.push(i);
  }

  return {
    sureBefore: (step, before) => sure.has(step, before),
    inSureContents: (scope, inner) => contents.has(scope, inner),
    sureBeforeList: (step) => sure.columns(step),
    predecessors,
    order: queue,
    cycles,
    cycleOf,
  };
}

/** Tarjan's strongly connected components, iteratively (a 5,000-step chain must not overflow the stack). */
function findCycles(
  n: number,
  predecessors: readonly (readonly number[])[],
): { cycles: number[][]; cycleOf: Map<number, number> } {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cycles: number[][] = [];
  const cycleOf = new Map<number, number>();
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; next: number };
      const edges = predecessors[frame.node] ?? [];
      if (frame.next < edges.length) {
        const m = edges[frame.next++] as number;
        if (index[m] === -1) {
          index[m] = low[m] = counter++;
          stack.push(m);
          onStack[m] = 1;
          work.push({ node: m, next: 0 });
        } else if (onStack[m]) {
          low[frame.node] = Math.min(low[frame.node] as number, index[m] as number);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node] as number, low[frame.node] as number);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let m: number;
        do {
          m = stack.pop() as number;
          onStack[m] = 0;
          component.push(m);
        } while (m !== frame.node);
        const selfLoop = component.length === 1 && (predecessors[frame.node] ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) {
          component.sort((a, b) => a - b);
          for (const c of component) cycleOf.set(c, cycles.length);
          cycles.push(component);
        }
      }
    }
  }
  return { cycles, cycleOf };
}
