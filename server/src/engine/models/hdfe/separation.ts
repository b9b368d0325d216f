// Observations separated by a combination of regressors and fixed effects (their Poisson MLE has μ → 0): the
// ReLU test of Correia, Guimarães and Zylkin (2021), as ppmlhdfe applies it. A certificate z = Xγ + Dα is
// sought with z = 0 where y > 0 and z ≥ 0 where y = 0; observations with z > 0 are separated. It is found by
// repeated weighted least squares of u on X and the FE (heavy weight on y > 0), with u = max(fitted, 0) on y = 0.
import { FixedEffectsDemeaner } from './demean.ts';
import { EstimationError } from './errors.ts';
import { residuals, solveNormalEquations } from './leastSquares.ts';
import { partialRegressors, type EstimationData } from './prepare.ts';

/** Weight of the y > 0 observations, which must be fitted (almost) exactly at zero. */
const POSITIVE_WEIGHT = 1e6;
/** Fitted values within this distance of zero count as zero. */
const ZERO_TOL = 1e-5;
const MAX_ROUNDS = 1000;

export interface SeparationOptions {
  fixefMaxIter: number;
  collinearityTol: number;
}

/** Rows of the input frame (from `data.rows`) separated in the estimation sample `data`. */
export function detectSeparation(data: EstimationData, options: SeparationOptions): number[] {
  const { y } = data;
  const n = y.length;
  const weights = Float64Array.from(y, (v) => (v > 0 ? POSITIVE_WEIGHT : 1));
  const demeaner = new FixedEffectsDemeaner(
    data.fixedEffects.map((f) => f.factor),
    weights,
  );
  // Tight partialling: the fitted values are compared with zero at ZERO_TOL.
  const demeanOptions = { tol: 1e-10, maxIter: options.fixefMaxIter, collinearityTol: options.collinearityTol };
  const { Xd, gram } = partialRegressors(data.X, weights, demeaner, demeanOptions, []);
  const u = Float64Array.from(y, (v) => (v > 0 ? 0 : 1));
  let warm: Float64Array | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ud = demeaner.demean(u, demeanOptions, warm, 'the separation certificate');
    warm = ud.alpha;
    const { beta } = solveNormalEquations(Xd, ud.resid, weights, gram);
    const e = residuals(ud.resid, Xd, beta);
    let settled = true;
    for (let i = 0; i < n; i++) {
      if (y[i] > 0) continue;
      const fitted = u[i] - e[i];
      if (fitted < -ZERO_TOL) settled = false;
      u[i] = Math.max(fitted, 0);
    }
    if (settled) {
      const separated: number[] = [];
      for (let i = 0; i < n; i++) if (y[i] === 0 && u[i] > ZERO_TOL) separated.push(data.rows[i]);
      return separated;
    }
  }
  throw new EstimationError(`The separation test (ReLU) did not settle in ${MAX_ROUNDS} rounds; use separation: 'none'.`);
}
