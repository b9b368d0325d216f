// Eigenvector centrality of an undirected view, igraph's `eigen_centrality` (weights used, scale = TRUE:
// the largest score is 1). igraph asks ARPACK for the leading eigenvector; power iteration on A + I reaches
// the same vector (the shift keeps a bipartite component from oscillating between ±λ).
import { nodeCount, type Adjacency } from './adjacency.js';

const TOLERANCE = 1e-13;
const MAX_ITERATIONS = 100_000;

export function eigenvectorCentrality(u: Adjacency): number[] {
  // Each node's positive ties, in column order.
  const ties = Array.from({ length: nodeCount(u) }, (_, i) => {
    const row: { j: number; w: number }[] = [];
    for (let k = u.offsets[i]; k < u.offsets[i + 1]; k++) if (u.weights[k] > 0) row.push({ j: u.targets[k], w: u.weights[k] });
    return row;
  });
  // igraph gives every node 1 when there is no tie at all.
  if (ties.every((t) => !t.length)) return ties.map(() => 1);
  // igraph's start: the degrees (strengths), so isolates stay 0.
  let x = ties.map((t) => t.reduce((s, { w }) => s + w, 0));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = ties.map((t, i) => t.reduce((s, { j, w }) => s + w * x[j], x[i]));
    const top = next.reduce((m, x) => Math.max(m, x), -Infinity);
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
