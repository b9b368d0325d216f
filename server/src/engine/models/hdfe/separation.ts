// Observations separated by the regressors and fixed effects together, found by the ReLU check of Correia,
// Guimarães & Zylkin (2021, ppmlhdfe's `separation(relu)`): a zero outcome is separated when some linear
// combination z of the regressors and fixed effects is 0 wherever y > 0, ≥ 0 wherever y = 0 and > 0 there.
// Its Poisson coefficient combination runs to −∞; without the observation the estimates exist.
import type { Checkpoint } from '../../cancel.js';
import { FixedEffectsDemeaner } from './demean.js';
import { EstimationError } from './errors.js';
import type { DenseFactor } from './factors.js';
import { residuals, solveNormalEquations } from './leastSquares.js';
import { partialRegressors } from './prepare.js';
import type { NumericColumn } from '../frame.js';

export interface ReluOptions {
  /** |ẑ| below this counts as 0 (u starts at 1 on the zero outcomes). */
  tol: number;
  /** Weight of the y > 0 observations, which holds ẑ at 0 there; what leaks through must stay below `tol`. */
  positiveWeight: number;
  maxIter: number;
  /** Sweeps allowed to each partialling of the fixed effects; the check gives up (with a note) past them. */
  fixefMaxIter: number;
  collinearityTol: number;
  checkpoint: Checkpoint;
}

export const RELU_DEFAULTS = { tol: 1e-4, positiveWeight: 1e8, maxIter: 100 } as const;

export interface ReluResult {
  /** Indices (into `y`) of the separated observations, ascending. */
  separated: number[];
  iterations: number;
  /**
   * False when maxIter passed before every ẑ on a zero outcome was ≥ 0, or the fixed effects could not be
   * partialled out under the heavy weights (then nothing is reported separated).
   */
  converged: boolean;
}

/**
 * The rectifier iteration: regress u on the regressors and fixed effects, weighting y > 0 observations heavily;
 * when every fitted value on a zero outcome is ≥ 0 the positive ones are separated, else u ← max(ẑ, 0) and repeat.
 */
export function reluSeparation(y: Float64Array, X: NumericColumn[], fe: DenseFactor[], options: ReluOptions): ReluResult {
  const n = y.length;
  const zeros: number[] = [];
  for (let i = 0; i < n; i++) if (y[i] === 0) zeros.push(i);
  if (zeros.length === 0) return { separated: [], iterations: 0, converged: true };
  try {
    return rectify(y, X, fe, zeros, options);
  } catch (e) {
    // The heavy weights can keep the fixed effects' partialling from converging on large panels.
    if (e instanceof EstimationError) return { separated: [], iterations: 0, converged: false };
    throw e;
  }
}

function rectify(y: Float64Array, X: NumericColumn[], fe: DenseFactor[], zeros: number[], options: ReluOptions): ReluResult {
  const n = y.length;
  const w = Float64Array.from(y, (v) => (v > 0 ? options.positiveWeight : 1));
  const demeaner = new FixedEffectsDemeaner(fe, w);
  const demeanOptions = { tol: 1e-9, maxIter: options.fixefMaxIter, collinearityTol: options.collinearityTol, checkpoint: options.checkpoint };
  const { Xd } = partialRegressors(X, w, demeaner, demeanOptions, []);
  const u = Float64Array.from(y, (v) => (v > 0 ? 0 : 1));
  for (let iteration = 1; iteration <= options.maxIter; iteration++) {
    options.checkpoint();
    const ud = demeaner.demean(u, demeanOptions, undefined, 'the separation check\'s outcome').resid;
    const e = residuals(ud, Xd, solveNormalEquations(Xd, ud, w).beta);
    let negative = false;
    const zhat = new Float64Array(n);
    for (const i of zeros) {
      const z = u[i] - e[i];
      zhat[i] = Math.abs(z) < options.tol ? 0 : z;
      if (zhat[i] < 0) negative = true;
    }
    if (!negative) return { separated: zeros.filter((i) => zhat[i] > 0), iterations: iteration, converged: true };
    for (const i of zeros) u[i] = Math.max(zhat[i], 0);
  }
  return { separated: [], iterations: options.maxIter, converged: false };
}
