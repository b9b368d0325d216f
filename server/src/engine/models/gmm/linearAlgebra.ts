// The inverses pgmm takes, with its choices: weighting matrices fall back to a Moore–Penrose inverse when
// singular (as pgmm does with MASS::ginv), the bread of the estimator must be regular (pgmm uses solve()).
import type { Checkpoint } from '../../cancel.js';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition, inverse, pseudoInverse } from 'ml-matrix';
import { GmmError } from './spec.js';

/** pgmm's threshold on the smallest eigenvalue of a weighting matrix below which it switches to ginv. */
const SINGULAR_EIGENVALUE = 1e-9;
/** MASS::ginv drops singular values below sqrt(machine epsilon) times the largest. */
const GINV_TOLERANCE = Math.sqrt(Number.EPSILON);

export interface WeightInverse {
  inverse: Matrix;
  /** True when the matrix was singular and the Moore–Penrose inverse was used. */
  generalized: boolean;
}

/** Inverse of a symmetric positive semi-definite weighting matrix, generalized when (nearly) singular. */
export function invertWeight(m: Matrix): WeightInverse {
  const eigenvalues = new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues;
  if (Math.min(...eigenvalues) < SINGULAR_EIGENVALUE) {
    // ml-matrix scales its threshold by the larger dimension; undo that to get MASS::ginv's cut.
    return { inverse: pseudoInverse(m, GINV_TOLERANCE / m.rows), generalized: true };
  }
  return { inverse: inverse(m), generalized: false };
}

/** Inverse of a matrix that must be regular; `what` names it in the error. */
export function invertRegular(m: Matrix, what: string): Matrix {
  const s = new SingularValueDecomposition(m, { computeLeftSingularVectors: false, computeRightSingularVectors: false }).diagonal;
  if (!(s[s.length - 1] > s[0] * Number.EPSILON * m.rows)) throw new GmmError(`${what} is singular`);
  return inverse(m);
}

/**
 * a′b. Stacked instrument matrices are mostly zeros (each row carries only its own period's GMM columns), so
 * skipping zero entries of a makes this far cheaper than a dense product.
 */
export function crossProduct(a: Matrix, b: Matrix, checkpoint?: Checkpoint): Matrix {
  const out = Array.from({ length: a.columns }, () => new Float64Array(b.columns));
  for (let r = 0; r < a.rows; r++) {
    if ((r & 255) === 0) checkpoint?.();
    const ar = a.getRow(r);
    const br = b.getRow(r);
    for (let k = 0; k < ar.length; k++) {
      if (ar[k] === 0) continue;
      const target = out[k];
      for (let j = 0; j < br.length; j++) target[j] += ar[k] * br[j];
    }
  }
  return new Matrix(out.map((row) => Array.from(row)));
}

// Stacked matrices hold unit i in rows i·R … (i+1)·R − 1 (see GmmDesign).

/** Column i is M_i′v_i, unit i's block of M against its block of the column vector v (M.columns × units). */
export function perUnit(m: Matrix, v: Matrix, rowsPerUnit: number): Matrix {
  const units = m.rows / rowsPerUnit;
  const out = new Matrix(m.columns, units);
  for (let i = 0; i < units; i++) {
    for (let r = i * rowsPerUnit; r < (i + 1) * rowsPerUnit; r++) {
      const w = v.get(r, 0);
      if (w === 0) continue;
      for (let k = 0; k < m.columns; k++) out.set(k, i, out.get(k, i) + m.get(r, k) * w);
    }
  }
  return out;
}

/** (I_units ⊗ H) M: H applied to each unit's block of rows. */
export function withinUnits(h: Matrix, m: Matrix, checkpoint?: Checkpoint): Matrix {
  const R = h.rows;
  const H = h.to2DArray();
  const rows = Array.from({ length: m.rows }, (_, r) => m.getRow(r));
  const out = rows.map(() => new Array<number>(m.columns).fill(0));
  for (let start = 0; start < m.rows; start += R) {
    checkpoint?.();
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < R; j++) {
        if (H[i][j] === 0) continue;
        const source = rows[start + j];
        const target = out[start + i];
        for (let k = 0; k < source.length; k++) target[k] += H[i][j] * source[k];
      }
    }
  }
  return new Matrix(out);
}

/** M with unit i's rows multiplied by s[i]. */
export function scaleUnits(m: Matrix, s: number[], rowsPerUnit: number): Matrix {
  const out = m.clone();
  for (let r = 0; r < m.rows; r++) out.mulRow(r, s[Math.floor(r / rowsPerUnit)]);
  return out;
}

/** The quadratic form a′ M a of a column vector a. */
export function quadraticForm(a: Matrix, m: Matrix): number {
  return a.transpose().mmul(m).mmul(a).get(0, 0);
}
