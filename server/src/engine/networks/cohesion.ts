// Cohesion of a network: components, reachable pairs, local clustering, global transitivity and k-cores,
// with igraph's definitions (components, transitivity, coreness). Clustering and cores are binary and read
// an undirected view (measures.ts `symmetrize`), as igraph ignores direction for them.
import type { Matrix } from './measures.js';

const tie = (m: Matrix, i: number, j: number) => i !== j && m.w[i][j] > 0;

/** Each node's neighbours in an undirected view. */
function neighbours(u: Matrix): number[][] {
  return u.nodes.map((_, i) => u.nodes.flatMap((__, j) => (tie(u, i, j) ? [j] : [])));
}

/** Weak components (arcs read both ways): a component index per node, numbered in node order. */
export function weakComponents(m: Matrix): number[] {
  const n = m.nodes.length;
  const membership = Array<number>(n).fill(-1);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (membership[s] >= 0) continue;
    membership[s] = count;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      for (let w = 0; w < n; w++) {
        if (membership[w] < 0 && (tie(m, v, w) || tie(m, w, v))) { membership[w] = count; queue.push(w); }
      }
    }
    count++;
  }
  return membership;
}

/** Strong components (mutually reachable along arcs), Tarjan's algorithm; equal to weak ones when undirected. */
export function strongComponents(m: Matrix): number[] {
  const n = m.nodes.length;
  const index = Array<number>(n).fill(-1);
  const low = Array<number>(n).fill(0);
  const onStack = Array<boolean>(n).fill(false);
  const membership = Array<number>(n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = true;
    for (let w = 0; w < n; w++) {
      if (!tie(m, v, w)) continue;
      if (index[w] < 0) { visit(w); low[v] = Math.min(low[v], low[w]); } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] !== index[v]) return;
    for (let w = -1; w !== v;) {
      w = stack.pop()!;
      onStack[w] = false;
      membership[w] = count;
    }
    count++;
  };
  for (let v = 0; v < n; v++) if (index[v] < 0) visit(v);
  return membership;
}

/** How many components a membership has, and the largest one's share of the nodes. */
export function componentSummary(membership: readonly number[]): { count: number; largestShare: number } {
  const sizes = new Map<number, number>();
  for (const c of membership) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  return { count: sizes.size, largestShare: membership.length ? Math.max(...sizes.values()) / membership.length : 0 };
}

/** Ties among each node's neighbours and the node's degree, in an undirected view. */
function triads(u: Matrix): { links: number; degree: number }[] {
  return neighbours(u).map((nb) => {
    let links = 0;
    for (const a of nb) for (const b of nb) if (a < b && tie(u, a, b)) links++;
    return { links, degree: nb.length };
  });
}

/**
 * Local clustering of an undirected view (igraph `transitivity(type = "local")`): ties among the node's
 * neighbours over k(k−1)/2. Undefined below degree 2: null (igraph's NaN) or 0 (networkx).
 */
export function localClustering(u: Matrix, belowTwo: 'missing' | 'zero'): (number | null)[] {
  return triads(u).map(({ links, degree }) => (degree < 2 ? (belowTwo === 'zero' ? 0 : null) : links / ((degree * (degree - 1)) / 2)));
}

/** Global transitivity (igraph `type = "global"`): 3 × triangles over connected triples; null without triples. */
export function transitivity(u: Matrix): number | null {
  let closed = 0;
  let triples = 0;
  for (const { links, degree } of triads(u)) {
    closed += links; // each triangle is seen from its three corners
    triples += (degree * (degree - 1)) / 2;
  }
  return triples ? closed / triples : null;
}

/** k-core membership (igraph `coreness`): the largest k such that the node is in a subgraph of minimum degree k. */
export function coreness(u: Matrix): number[] {
  const nb = neighbours(u);
  const degree = nb.map((x) => x.length);
  const core = Array<number>(nb.length).fill(0);
  const removed = Array<boolean>(nb.length).fill(false);
  let k = 0;
  for (let left = nb.length; left > 0; left--) {
    let v = -1;
    for (let i = 0; i < nb.length; i++) if (!removed[i] && (v < 0 || degree[i] < degree[v])) v = i;
    k = Math.max(k, degree[v]);
    core[v] = k;
    removed[v] = true;
    for (const w of nb[v]) if (!removed[w]) degree[w]--;
  }
  return core;
}
