// Pivoted Cholesky factorisation of a dense symmetric positive semi-definite matrix, scaled to a unit
// diagonal first so that the rank tolerance is relative to each column's own size (the Gram matrices here mix
// columns of very different weights). Dependent columns get coefficient 0 in solutions, as R's pivoting QR.
import type { Checkpoint } from '../../cancel.js';

export interface PivotedCholesky {
  rank: number;
  /** A solution of A β = b (the dependent columns' coefficients 0). */
  solve(b: Float64Array): Float64Array;
}

/** Factors `A` (m × m, row-major; overwritten by the factor) with pivots kept while ≥ `tol` after scaling. */
export function pivotedCholesky(A: Float64Array, m: number, tol = 1e-10, checkpoint?: Checkpoint): PivotedCholesky {
  // A diagonal at round-off level next to the largest is a zero column, not a column to scale up.
  let maxDiag = 0;
  for (let j = 0; j < m; j++) maxDiag = Math.max(maxDiag, A[j * m + j]);
  const scale = new Float64Array(m);
  for (let j = 0; j < m; j++) scale[j] = A[j * m + j] > maxDiag * 1e-13 ? 1 / Math.sqrt(A[j * m + j]) : 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] *= scale[i] * scale[j];
  // perm[position] = the original column at that position; rows and columns are swapped physically.
  const perm = Int32Array.from({ length: m }, (_, k) => k);
  const column = new Float64Array(m);
  let rank = 0;
  for (let k = 0; k < m; k++, rank++) {
    if (k % 64 === 0) checkpoint?.();
    let pivot = k;
    for (let i = k + 1; i < m; i++) if (A[i * m + i] > A[pivot * m + pivot]) pivot = i;
    if (!(A[pivot * m + pivot] > tol)) break;
    if (pivot !== k) swap(A, m, perm, k, pivot);
    const d = Math.sqrt(A[k * m + k]);
    A[k * m + k] = d;
    // Column k of the factor (kept below the diagonal; row k keeps it times d, which the back substitution reads).
    for (let i = k + 1; i < m; i++) column[i] = A[i * m + k] /= d;
    // Schur complement of the pivot on the trailing block (both triangles, rows contiguous).
    for (let i = k + 1; i < m; i++) {
      const lik = column[i];
      if (lik === 0) continue;
      const row = i * m;
      for (let j = k + 1; j < m; j++) A[row + j] -= lik * column[j];
    }
  }
  return {
    rank,
    solve(b: Float64Array): Float64Array {
      const y = new Float64Array(rank);
      for (let k = 0; k < rank; k++) {
        let s = b[perm[k]] * scale[perm[k]];
        for (let l = 0; l < k; l++) s -= A[k * m + l] * y[l];
        y[k] = s / A[k * m + k];
      }
      const beta = new Float64Array(m);
      for (let k = rank - 1; k >= 0; k--) {
        const d = A[k * m + k];
        let s = y[k];
        for (let l = k + 1; l < rank; l++) s -= (A[k * m + l] / d) * y[l];
        y[k] = s / d;
        beta[perm[k]] = y[k] * scale[perm[k]];
      }
      return beta;
    },
  };
}

/** Swaps rows and columns `a` and `b` of the full matrix (and their factor rows), and their labels. */
function swap(A: Float64Array, m: number, perm: Int32Array, a: number, b: number): void {
  for (let j = 0; j < m; j++) {
    const t = A[a * m + j];
    A[a * m + j] = A[b * m + j];
    A[b * m + j] = t;
  }
  for (let i = 0; i < m; i++) {
    const t = A[i * m + a];
    A[i * m + a] = A[i * m + b];
    A[i * m + b] = t;
  }
  const t = perm[a];
  perm[a] = perm[b];
  perm[b] = t;
}
