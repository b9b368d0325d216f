// Burt's structural holes, igraph's `constraint` (weighted) and Burt's effective size (networkx
// `effective_size`; Borgatti's n − 2t/n on binary ties). Both read the mutual weight a_ij = w_ij + w_ji over
// every neighbour, in or out, so a directed network is read as igraph and networkx read it. On the sparse
// adjacency: a node's sums run over its neighbours in index order, as they did over the matrix's cells (the
// cells left out are zeros), so the numbers are the matrix's to the last bit.
import { combined, nodeCount, type Adjacency } from './adjacency.js';

/** Mutual weights a_ij = w_ij + w_ji: the nonzero ones, by row in column order. */
const mutual = (a: Adjacency) => (a.directed ? combined(a, (x, y) => x + y) : { ...a, weights: a.weights.map((w) => 2 * w) });

/** a_ij, 0 where row i lists no j (binary search: rows are ascending). */
function cell(a: Adjacency, i: number, j: number): number {
  let lo = a.offsets[i];
  let hi = a.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = a.targets[mid];
    if (t === j) return a.weights[mid];
    if (t < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Each node's total Σ_k a_ik, its neighbours (a_ij > 0, ascending) and p_ij = a_ij / Σ_k a_ik over them. */
function shares(a: Adjacency, i: number): { total: number; neighbours: number[]; p: number[] } {
  let total = 0;
  for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) total += a.weights[k];
  const neighbours: number[] = [];
  const p: number[] = [];
  for (let k = a.offsets[i]; k < a.offsets[i + 1]; k++) {
    if (a.weights[k] <= 0) continue;
    neighbours.push(a.targets[k]);
    p.push(total > 0 ? a.weights[k] / total : 0);
  }
  return { total, neighbours, p };
}

/** Burt's constraint Σ_j (p_ij + Σ_q p_iq p_qj)² over i's neighbours j; null for an isolate (igraph's NaN). */
export function constraint(network: Adjacency): (number | null)[] {
  const a = mutual(network);
  const totals = Array.from({ length: nodeCount(a) }, (_, v) => shares(a, v).total);
  const share = (q: number, j: number) => (totals[q] > 0 ? cell(a, q, j) / totals[q] : 0);
  return Array.from({ length: nodeCount(a) }, (_, i) => {
    const { neighbours: nb, p } = shares(a, i);
    if (!nb.length) return null;
    return nb.reduce((sum, j, at) => {
      const indirect = nb.reduce((s, q, k) => (q === j ? s : s + p[k] * share(q, j)), 0);
      return sum + (p[at] + indirect) ** 2;
    }, 0);
  });
}

/**
 * Burt's effective size Σ_j (1 − Σ_q p_iq m_jq), m_jq = a_jq / max_k a_jk: the neighbours less their
 * redundancy; on a dichotomised undirected network, Borgatti's n − 2t/n. Null for an isolate (networkx's NaN).
 */
export function effectiveSize(network: Adjacency): (number | null)[] {
  const a = mutual(network);
  const largest = Array.from({ length: nodeCount(a) }, (_, v) => {
    let max = 0; // the matrix row's diagonal 0 and its empty cells
    for (let k = a.offsets[v]; k < a.offsets[v + 1]; k++) max = Math.max(max, a.weights[k]);
    return max;
  });
  return Array.from({ length: nodeCount(a) }, (_, i) => {
    const { neighbours: nb, p } = shares(a, i);
    if (!nb.length) return null;
    return nb.reduce((sum, j) => sum + 1 - nb.reduce((s, q, k) => (q === j ? s : s + p[k] * (cell(a, j, q) / largest[j])), 0), 0);
  });
}
