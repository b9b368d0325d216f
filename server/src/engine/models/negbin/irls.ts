// Iteratively reweighted least squares for a log-link count GLM, as R's `glm.fit`: Poisson (θ = ∞), used for
// glm.nb's initial fit, or NB2 with θ held fixed. Converged when |dev − dev_old| / (|dev| + 0.1) < ε.
import type { Checkpoint } from '../../cancel.js';
import { ConvergenceError } from '../describe/frame.js';
import { leastSquares, type LeastSquaresFit } from '../panel/leastSquares.js';

export interface IrlsControl {
  maxit: number;
  epsilon: number;
  /** Throws when the run is cancelled; called every iteration. */
  checkpoint?: Checkpoint;
}

export interface IrlsFit {
  /** The weighted least-squares solve of the last iteration: coefficients, aliasing, (X'WX)⁻¹. */
  solve: LeastSquaresFit;
  mu: Float64Array;
  deviance: number;
  iterations: number;
}

/** NB2 deviance (the Poisson deviance when θ = ∞), summed over observations. */
export function deviance(y: Float64Array, mu: ArrayLike<number>, theta: number): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const m = mu[i];
    total += Number.isFinite(theta)
      ? 2 * (yi * Math.log(Math.max(1, yi) / m) - (yi + theta) * Math.log((yi + theta) / (m + theta)))
      : 2 * ((yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m));
  }
  return total;
}

/** NB2 variance; θ = ∞ gives the Poisson μ. */
const variance = (mu: number, theta: number) => (Number.isFinite(theta) ? mu + (mu * mu) / theta : mu);

/**
 * Fits log μ = Xβ for fixed θ. Without a starting linear predictor it starts like glm.fit's Poisson family
 * (μ = y + 0.1).
 */
export function fitLogLinkGlm(X: readonly Float64Array[], y: Float64Array, theta: number, control: IrlsControl, etaStart?: Float64Array): IrlsFit {
  const n = y.length;
  let eta = etaStart ?? y.map((v) => Math.log(v + 0.1));
  let mu = eta.map(Math.exp);
  let devOld = deviance(y, mu, theta);
  for (let iteration = 1; iteration <= control.maxit; iteration++) {
    control.checkpoint?.();
    // Log link: dμ/dη = μ, so z = η + (y − μ)/μ and w = μ²/V(μ).
    const z = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
      weights[i] = (mu[i] * mu[i]) / variance(mu[i], theta);
    }
    const solve = leastSquares(X, z, weights);
    eta = solve.fitted;
    mu = eta.map(Math.exp);
    const dev = deviance(y, mu, theta);
    if (!Number.isFinite(dev)) throw new ConvergenceError(`the IRLS iterations diverged (deviance ${dev} at iteration ${iteration}); check for separation or extreme regressors`);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < control.epsilon) return { solve, mu, deviance: dev, iterations: iteration };
    devOld = dev;
  }
  throw new ConvergenceError(`IRLS did not converge in ${control.maxit} iterations`);
}
