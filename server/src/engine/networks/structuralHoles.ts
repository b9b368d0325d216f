// Burt's structural holes, igraph's `constraint` (weighted) and Burt's effective size (networkx
// `effective_size`; Borgatti's n − 2t/n on binary ties). Both read the mutual weight a_ij = w_ij + w_ji over
// every neighbour, in or out, so a directed network is read as igraph and networkx read it.
import type { Matrix } from './measures.js';

/** Mutual weights a_ij = w_ij + w_ji (diagonal 0) and each node's neighbours (a_ij > 0). */
function mutual(m: Matrix): { a: number[][]; neighbours: number[][] } {
  const a = m.w.map((row, i) => row.map((x, j) => (i === j ? 0 : x + m.w[j][i])));
  return { a, neighbours: a.map((row) => row.flatMap((x, j) => (x > 0 ? [j] : []))) };
}

/** p_ij = a_ij / Σ_k a_ik, the share of i's ties invested in j. */
function proportions(a: number[][]): number[][] {
  return a.map((row) => {
    const total = row.reduce((s, x) => s + x, 0);
    return row.map((x) => (total > 0 ? x / total : 0));
  });
}

/** Burt's constraint Σ_j (p_ij + Σ_q p_iq p_qj)² over i's neighbours j; null for an isolate (igraph's NaN). */
export function constraint(m: Matrix): (number | null)[] {
  const { a, neighbours } = mutual(m);
  const p = proportions(a);
  return neighbours.map((nb, i) => {
    if (!nb.length) return null;
    return nb.reduce((sum, j) => {
      const indirect = nb.reduce((s, q) => (q === j ? s : s + p[i][q] * p[q][j]), 0);
      return sum + (p[i][j] + indirect) ** 2;
    }, 0);
  });
}

/**
 * Burt's effective size Σ_j (1 − Σ_q p_iq m_jq), m_jq = a_jq / max_k a_jk: the neighbours less their
 * redundancy; on a dichotomised undirected matrix, Borgatti's n − 2t/n. Null for an isolate (networkx's NaN).
 */
export function effectiveSize(m: Matrix): (number | null)[] {
  const { a, neighbours } = mutual(m);
  const p = proportions(a);
  const largest = a.map((row) => Math.max(...row));
  return neighbours.map((nb, i) => {
    if (!nb.length) return null;
    return nb.reduce((sum, j) => sum + 1 - nb.reduce((s, q) => (q === j ? s : s + p[i][q] * (a[j][q] / largest[j])), 0), 0);
  });
}
