// How many applicants (or inventors) a patent lists: mostly one, sometimes
// several, rarely many. Expressed as explicit probabilities for 1..k so the
// shape is visible and easy to tune.
import type { Rng } from '../prng.js';
import { WeightedSampler } from './sampling.js';

/** P(k) for k = 1..6 applicants: ~58% single-applicant patents. Mean ≈ 1.8. */
export const APPLICANTS_PER_PATENT = [0.58, 0.2, 0.1, 0.06, 0.035, 0.025] as const;

/** P(k) for k = 1..8 inventors: team inventions are the norm. Mean ≈ 2.8. */
export const INVENTORS_PER_PATENT = [0.3, 0.25, 0.17, 0.11, 0.07, 0.05, 0.03, 0.02] as const;

/**
 * The same shape tilted (p_k·θ^k, renormalised) so that the mean count is `mean`; used to scale a
 * benchmark's rows per patent without inventing a new distribution. θ is found by bisection on log θ.
 */
export function withMeanCount(probabilities: readonly number[], mean: number): number[] {
  const tilted = (logTheta: number) => {
    const w = probabilities.map((p, i) => p * Math.exp(logTheta * (i + 1)));
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  };
  const meanOf = (ps: number[]) => ps.reduce((s, p, i) => s + p * (i + 1), 0);
  if (!(mean > 1 && mean < probabilities.length)) throw new Error(`mean count must lie strictly between 1 and ${probabilities.length}, got ${mean}`);
  let lo = -20;
  let hi = 20;
  for (let step = 0; step < 100; step++) {
    const mid = (lo + hi) / 2;
    if (meanOf(tilted(mid)) < mean) lo = mid;
    else hi = mid;
  }
  return tilted((lo + hi) / 2);
}

export class CountSampler {
  private readonly sampler: WeightedSampler;

  constructor(probabilities: readonly number[]) {
    this.sampler = new WeightedSampler(probabilities);
  }

  /** A count in 1..probabilities.length. */
  sample(rng: Rng): number {
    return this.sampler.sample(rng) + 1;
  }
}
