// Cohesion of a network on its sparse adjacency: components and k-cores, with igraph's definitions
// (components, coreness). A tie is a positive value, as in the matrix definitions (METHODS A(b)); cores read an
// undirected view (indicators.ts), as igraph ignores direction for them. Clustering is clustering.ts.
import { binary, nodeCount, type Adjacency } from './adjacency.js';
import { coreNumbers } from './cores.js';

/** Weak components (arcs read both ways): a component index per node, numbered in order of each's first node. */
export function weakComponents(a: Adjacency): number[] {
  const arcs = binary(a);
  const n = nodeCount(arcs);
  const parent = Int32Array.from({ length: n }, (_, v) => v);
  const root = (v: number) => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]]; // path halving
    return v;
  };
  for (let v = 0; v < n; v++) {
    for (let k = arcs.offsets[v]; k < arcs.offsets[v + 1]; k++) {
      const [x, y] = [root(v), root(arcs.targets[k])];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y); // the smaller node stays the root
    }
  }
  const number = new Int32Array(n).fill(-1);
  let count = 0;
  return Array.from({ length: n }, (_, v) => {
    const r = root(v);
    if (number[r] < 0) number[r] = count++;
    return number[r];
  });
}

/**
 * Strong components (mutually reachable along arcs), Tarjan's algorithm with an explicit stack (no recursion on
 * a path's length), neighbours in ascending order; equal to weak ones when undirected.
 */
export function strongComponents(a: Adjacency): number[] {
  const { offsets, targets } = binary(a);
  const n = offsets.length - 1;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const membership = Array<number>(n).fill(-1);
  const stack = new Int32Array(n); // Tarjan's stack of open nodes
  const path = new Int32Array(n); // the search's call stack: a node, and `next[node]` its next arc
  const next = new Int32Array(n);
  let top = 0;
  let visited = 0;
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (index[s] >= 0) continue;
    let depth = 0;
    const enter = (v: number) => {
      index[v] = low[v] = visited++;
      stack[top++] = v;
      onStack[v] = 1;
      next[v] = offsets[v];
      path[depth++] = v;
    };
    enter(s);
    while (depth > 0) {
      const v = path[depth - 1];
      if (next[v] < offsets[v + 1]) {
        const w = targets[next[v]++];
        if (index[w] < 0) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      depth--;
      if (depth > 0) low[path[depth - 1]] = Math.min(low[path[depth - 1]], low[v]);
      if (low[v] !== index[v]) continue;
      for (let w = -1; w !== v;) {
        w = stack[--top];
        onStack[w] = 0;
        membership[w] = count;
      }
      count++;
    }
  }
  return membership;
}

/** How many components a membership has, and the largest one's share of the nodes. */
export function componentSummary(membership: readonly number[]): { count: number; largestShare: number } {
  const sizes = new Map<number, number>();
  for (const c of membership) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  let largest = 0;
  for (const size of sizes.values()) largest = Math.max(largest, size);
  return { count: sizes.size, largestShare: membership.length ? largest / membership.length : 0 };
}

/** k-core membership (igraph `coreness`) of an undirected view: the largest k such that the node is in a subgraph of minimum degree k. */
export function coreness(u: Adjacency): number[] {
  return Array.from(coreNumbers(binary(u)));
}
