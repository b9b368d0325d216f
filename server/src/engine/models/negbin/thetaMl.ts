// θ by maximum likelihood for fixed means, as MASS's `theta.ml`: Newton steps on the score from the moment
// estimate n / Σ(y/μ − 1)², stopping when a step is below ε^¼; the SE is 1/√information at the last step's start.
import type { Checkpoint } from '../../cancel.js';
import { ConvergenceError } from '../describe/frame.js';
import type { Nb2Likelihood } from './likelihood.js';

const STEP_TOLERANCE = Number.EPSILON ** 0.25;

export interface ThetaEstimate {
  theta: number;
  se: number;
}

export function thetaMl(likelihood: Nb2Likelihood, mu: Float64Array, limit: number, checkpoint?: Checkpoint): ThetaEstimate {
  const y = likelihood.y;
  let spread = 0;
  y.forEach((v, i) => (spread += (v / mu[i] - 1) ** 2));
  let theta = y.length / spread;
  if (!Number.isFinite(theta)) throw new ConvergenceError('θ is infinite: the counts equal their fitted means, so there is no overdispersion to estimate (fit a Poisson model)');
  let step = 1;
  let information = NaN;
  let iteration = 0;
  while (++iteration < limit && Math.abs(step) > STEP_TOLERANCE) {
    checkpoint?.();
    theta = Math.abs(theta);
    information = likelihood.thetaInformation(theta, mu);
    step = likelihood.thetaScore(theta, mu) / information;
    theta += step;
  }
  if (!(theta >= 0)) throw new ConvergenceError(`θ's Newton iterations left the parameter space (θ = ${theta}); the data may not be overdispersed`);
  if (iteration === limit) throw new ConvergenceError(`θ did not converge in ${limit} Newton iterations (last θ = ${theta}, step ${step}); the data may not be overdispersed`);
  return { theta, se: Math.sqrt(1 / information) };
}
