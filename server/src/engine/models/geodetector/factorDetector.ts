// Factor detector: q = 1 − SSW/SST, the share of Y's variance the strata of X explain, and its p-value from
// the noncentral F(L − 1, N − L, λ) of Wang & Xu, with
//   F = (N − L)/(L − 1) · q/(1 − q),   λ = [Σ_h Ȳ_h² − (Σ_h √N_h Ȳ_h)²/N] / σ².
import { noncentralFSurvival, noncentralFSurvivalAsR } from '../../stats/noncentralF.js';
import type { ConventionRules } from './conventions.js';
import { GeoDetectorInputError } from './errors.js';
import { summarize, totalSumOfSquares, type Strata, type StratumSummary } from './strata.js';
import type { FactorDetectorRow } from './types.js';

export interface FactorStatistics extends FactorDetectorRow {
  /** Within-strata sum of squares, for the ecological detector's 'sswRatio' statistic. */
  ssw: number;
}

interface Decomposition {
  q: number;
  ssw: number;
  sst: number;
  /** The strata q is computed over, and their number of observations. */
  kept: StratumSummary[];
  nKept: number;
  /** Observations in each stratum, before any is dropped. */
  strataSizes: number[];
}

/** q of a stratification; GD first removes the observations of one-observation strata. */
export function decompose(y: Float64Array, strata: Strata, rules: ConventionRules): Decomposition {
  const all = summarize(y, strata);
  const kept = rules.dropSingletonStrata ? all.filter((s) => s.n > 1) : all;
  const keepRow = rules.dropSingletonStrata ? (i: number) => all[strata.codes[i]].n > 1 : undefined;
  const sst = totalSumOfSquares(y, keepRow);
  const ssw = kept.reduce((s, h) => s + h.ss, 0);
  return { q: 1 - ssw / sst, ssw, sst, kept, nKept: kept.reduce((s, h) => s + h.n, 0), strataSizes: all.map((h) => h.n) };
}

export function factorDetector(
  factor: string, y: Float64Array, strata: Strata, rules: ConventionRules, pValue: 'R' | 'accurate',
): FactorStatistics {
  const N = y.length;
  const L = strata.labels.length;
  // GD keeps the original L and N for the df and in λ even after removing one-observation strata.
  const df1 = L - 1;
  const df2 = N - L;
  if (df2 < 1) throw new GeoDetectorInputError(`factor "${factor}" has ${L} strata for ${N} observations; the F test needs fewer strata than observations`);
  const { q, ssw, sst, kept, nKept } = decompose(y, strata, rules);
  if (kept.length < 2) throw new GeoDetectorInputError(`factor "${factor}" has fewer than 2 strata with more than one observation`);
  const sampleVariance = sst / (nKept - 1);
  const variance = rules.lambdaVariance === 'sample' ? sampleVariance : (sampleVariance * (N - 1)) / N;
  const squaredMeans = kept.reduce((s, h) => s + h.mean ** 2, 0);
  const weightedMeans = kept.reduce((s, h) => s + Math.sqrt(h.n) * h.mean, 0);
  // λ ≥ 0 by Cauchy–Schwarz; rounding can leave it a hair below when all stratum means are equal.
  const lambda = Math.max(0, (squaredMeans - weightedMeans ** 2 / N) / variance);
  const F = (df2 * q) / (df1 * (1 - q));
  const survival = pValue === 'R' ? noncentralFSurvivalAsR : noncentralFSurvival;
  return { factor, strata: L, n: N, q, F, df1, df2, lambda, p: survival(F, df1, df2, lambda), ssw };
}
