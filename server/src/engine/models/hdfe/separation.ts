// Observations separated by the regressors and fixed effects together, found by the ReLU check of Correia,
// Guimarães & Zylkin (2021, ppmlhdfe's `separation(relu)`): a zero outcome is separated when some linear
// combination z of the regressors and fixed effects is 0 wherever y > 0, ≥ 0 wherever y = 0 and > 0 there.
// Its Poisson coefficient combination runs to −∞; without the observation the estimates exist.
import type { Checkpoint } from '../../cancel.js';
import { pivotedCholesky } from './cholesky.js';
import type { DenseFactor } from './factors.js';
import type { NumericColumn } from '../frame.js';

export interface ReluOptions {
  /** |ẑ| below this counts as 0 (u starts at 1 on the zero outcomes). */
  tol: number;
  /** u is a combination when its fitted values differ from it by at most this times its largest value. */
  certificateTol: number;
  /** Weight of the y > 0 observations, which holds ẑ at 0 there; what leaks through must stay below `tol`. */
  positiveWeight: number;
  maxIter: number;
  checkpoint: Checkpoint;
}

// The weights leak about 1e-8 into the fitted values: the certificate's tolerance stays well above that and
// well below `tol`, under which rectified values vanish.
export const RELU_DEFAULTS = { tol: 1e-4, certificateTol: 1e-6, positiveWeight: 1e8, maxIter: 1000 } as const;

export interface ReluResult {
  /** Indices (into `y`) of the separated observations, ascending. */
  separated: number[];
  iterations: number;
  /**
   * False when maxIter passed before u became a combination of the regressors and fixed effects, or the design
   * has more than DENSE_RELU_COLUMNS columns (then nothing is reported separated).
   */
  converged: boolean;
}

/**
 * The rectifier iteration: regress u on the regressors and fixed effects, weighting y > 0 observations heavily,
 * and set u ← max(ẑ, 0) on the zero outcomes; stop when u is a combination itself (its positive rows are the
 * separated ones) or 0 (none is).
 */
export function reluSeparation(y: Float64Array, X: NumericColumn[], fe: DenseFactor[], options: ReluOptions): ReluResult {
  const n = y.length;
  const zeros: number[] = [];
  for (let i = 0; i < n; i++) if (y[i] === 0) zeros.push(i);
  if (zeros.length === 0) return { separated: [], iterations: 0, converged: true };
  const w = Float64Array.from(y, (v) => (v > 0 ? options.positiveWeight : 1));
  const fitted = denseFit(X, fe, w, options.checkpoint);
  if (!fitted) return { separated: [], iterations: 0, converged: false };
  const u = Float64Array.from(y, (v) => (v > 0 ? 0 : 1));
  for (let iteration = 1; iteration <= options.maxIter; iteration++) {
    options.checkpoint();
    const z = fitted(u);
    let negative = false;
    for (const i of zeros) {
      if (Math.abs(z[i]) < options.tol) z[i] = 0;
      if (z[i] < 0) negative = true;
      u[i] = Math.max(z[i], 0);
    }
    // u ≥ 0, 0 on y > 0: when it is itself a combination of the regressors and fixed effects, it certifies
    // that its positive rows are separated (a slowly shrinking u that is not one would give false alarms).
    if (!negative && isCombination(u, fitted(u), options.certificateTol)) {
      return { separated: zeros.filter((i) => u[i] > 0), iterations: iteration, converged: true };
    }
  }
  return { separated: [], iterations: options.maxIter, converged: false };
}

/** Whether u equals its own fitted values to within `tol` times its largest value (always when u is 0). */
function isCombination(u: Float64Array, fit: Float64Array, tol: number): boolean {
  let largest = 0;
  let error = 0;
  for (let i = 0; i < u.length; i++) {
    largest = Math.max(largest, u[i]);
    error = Math.max(error, Math.abs(fit[i] - u[i]));
  }
  return error <= tol * Math.max(largest, 1);
}

/** Weighted least-squares fitted values of u on the regressors and fixed-effect dummies. */
type WeightedFit = (u: Float64Array) => Float64Array;

/**
 * Columns of [X, D] up to which the normal equations are factored once, densely (the weights never change).
 * Partialling the fixed effects iteratively instead does not converge under weights of 10⁸.
 */
export const DENSE_RELU_COLUMNS = 1500;

function denseFit(X: NumericColumn[], fe: DenseFactor[], w: Float64Array, checkpoint: Checkpoint): WeightedFit | null {
  const p = X.length;
  const offsets = fe.map((_, q) => p + fe.slice(0, q).reduce((s, f) => s + f.levels, 0));
  const m = p + fe.reduce((s, f) => s + f.levels, 0);
  if (m > DENSE_RELU_COLUMNS) return null;
  const n = w.length;
  // Row i of [X, D]: its p regressor values, then a 1 in one column per fixed effect.
  const row = (i: number, visit: (column: number, value: number) => void) => {
    for (let j = 0; j < p; j++) visit(j, X[j].values[i]);
    fe.forEach((f, q) => visit(offsets[q] + f.codes[i], 1));
  };
  const gram = new Float64Array(m * m);
  for (let i = 0; i < n; i++) row(i, (a, va) => row(i, (b, vb) => (gram[a * m + b] += w[i] * va * vb)));
  const factor = pivotedCholesky(gram, m, 1e-10, checkpoint);
  return (u) => {
    const b = new Float64Array(m);
    for (let i = 0; i < n; i++) if (u[i] !== 0) row(i, (a, v) => (b[a] += w[i] * v * u[i]));
    const beta = factor.solve(b);
    return Float64Array.from(w, (_, i) => {
      let z = 0;
      row(i, (a, v) => (z += v * beta[a]));
      return z;
    });
  };
}
