// Risk detector: the mean of Y in each stratum and Welch t-tests between every pair of strata.
import { criticalValue, twoSidedP } from '../../stats/distributions.js';
import { roundR } from '../../stats/round.js';
import type { ConventionRules } from './conventions.js';
import { GeoDetectorInputError } from './errors.js';
import { summarize, type Strata } from './strata.js';
import type { RiskDetectorResult, RiskTest } from './types.js';

export interface RiskOptions {
  alpha: number;
  singletons: 'skip' | 'error';
}

export function riskDetector(
  factor: string, y: Float64Array, strata: Strata, rules: ConventionRules, options: RiskOptions, notes: string[],
): RiskDetectorResult {
  const summaries = summarize(y, strata);
  const means = summaries.map((s, h) => ({ stratum: strata.labels[h], n: s.n, mean: s.mean }));
  const singletons = means.filter((m) => m.n < 2).map((m) => m.stratum);
  if (singletons.length && options.singletons === 'error') {
    throw new GeoDetectorInputError(`risk detector: factor "${factor}" has strata with one observation (${singletons.join(', ')}); a t-test needs two in each stratum`);
  }
  if (singletons.length) notes.push(`risk detector, ${factor}: pairs with one-observation strata skipped (${singletons.join(', ')})`);
  const tests: RiskTest[] = [];
  for (let i = 0; i < summaries.length; i++) {
    for (let j = i + 1; j < summaries.length; j++) {
      const a = summaries[i];
      const b = summaries[j];
      if (a.n < 2 || b.n < 2) continue;
      const va = a.ss / (a.n - 1) / a.n;
      const vb = b.ss / (b.n - 1) / b.n;
      const se = Math.sqrt(va + vb);
      if (se === 0) {
        notes.push(`risk detector, ${factor}: strata ${strata.labels[i]} and ${strata.labels[j]} are both constant; no t-test`);
        continue;
      }
      const t = (a.mean - b.mean) / se;
      const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
      const p = twoSidedP(t, df);
      const significant = rules.riskSignificance === 'pValue'
        ? p < options.alpha
        : Math.abs(t) > criticalValue(1 - options.alpha, roundR(df));
      tests.push({ stratum1: strata.labels[i], stratum2: strata.labels[j], t, df, p, significant });
    }
  }
  return { factor, means, tests };
}
