// The inverses pgmm takes, with its choices: weighting matrices fall back to a Moore–Penrose inverse when
// singular (as pgmm does with MASS::ginv), the bread of the estimator must be regular (pgmm uses solve()).
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition, inverse, pseudoInverse } from 'ml-matrix';
import { GmmError } from './spec.ts';

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

/** Σ over items of f(item), for matrices of equal shape. */
export function sumOf<T>(items: readonly T[], f: (item: T) => Matrix): Matrix {
  let total: Matrix | undefined;
  for (const item of items) {
    const m = f(item);
    total = total ? total.add(m) : m.clone();
  }
  if (!total) throw new GmmError('no units');
  return total;
}

/** The quadratic form a′ M a of a column vector a. */
export function quadraticForm(a: Matrix, m: Matrix): number {
  return a.transpose().mmul(m).mmul(a).get(0, 0);
}
