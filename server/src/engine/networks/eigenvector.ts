// Eigenvector centrality of an undirected view, igraph's `eigen_centrality` (weights used, scale = TRUE:
// the largest score is 1). igraph asks ARPACK for the leading eigenvector; power iteration on A + I reaches
// the same vector (the shift keeps a bipartite component from oscillating between ±λ).
import type { Matrix } from './measures.js';

const TOLERANCE = 1e-13;
const MAX_ITERATIONS = 100_000;

export function eigenvectorCentrality(u: Matrix): number[] {
  // Region networks are sparse: iterate over each node's ties only.
  const ties = u.w.map((row, i) => row.flatMap((w, j) => (i !== j && w > 0 ? [{ j, w }] : [])));
  // igraph gives every node 1 when there is no tie at all.
  if (ties.every((t) => !t.length)) return u.nodes.map(() => 1);
  // igraph's start: the degrees (strengths), so isolates stay 0.
  let x = ties.map((t) => t.reduce((s, { w }) => s + w, 0));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = ties.map((t, i) => t.reduce((s, { j, w }) => s + w * x[j], x[i]));
    const top = Math.max(...next);
    let change = 0;
    for (let i = 0; i < next.length; i++) {
      next[i] /= top;
      change = Math.max(change, Math.abs(next[i] - x[i]));
    }
    x = next;
    if (change < TOLERANCE) break;
  }
  return x;
}
