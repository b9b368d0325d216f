// Eigenvector centrality of an undirected view, igraph's `eigen_centrality` (weights used, scale = TRUE:
// the largest score is 1). igraph asks ARPACK for the leading eigenvector; power iteration on A + I reaches
// the same vector (the shift keeps a bipartite component from oscillating between ±λ).
import type { Matrix } from './measures.js';

const TOLERANCE = 1e-13;
const MAX_ITERATIONS = 100_000;

export function eigenvectorCentrality(u: Matrix): number[] {
  const n = u.nodes.length;
  const a = u.w.map((row, i) => row.map((x, j) => (i === j ? 0 : x)));
  // igraph gives every node 1 when there is no tie at all.
  if (a.every((row) => row.every((x) => x === 0))) return Array<number>(n).fill(1);
  // igraph's start: the degrees (strengths), so isolates stay 0.
  let x = a.map((row) => row.reduce((s, v) => s + v, 0));
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = x.map((xi, i) => xi + a[i].reduce((s, v, j) => s + v * x[j], 0));
    const top = Math.max(...next);
    const scaled = next.map((v) => v / top);
    const change = Math.max(...scaled.map((v, i) => Math.abs(v - x[i])));
    x = scaled;
    if (change < TOLERANCE) break;
  }
  return x;
}
