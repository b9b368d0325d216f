// Ecological detector: do two factors explain Y to significantly different extents? Both R packages take
// F = q(X2)/q(X1) against the F(N − 1, N − 1) quantile at 0.9 (labelled "0.05"), in both directions;
// Wang et al. (2010) use F = SSW(X1)/SSW(X2) (their N_X1 = N_X2 = N here).
import { fP } from '../../stats/distributions.js';
import type { FactorStatistics } from './factorDetector.js';
import type { EcologicalRow } from './types.js';

export interface EcologicalOptions {
  statistic: 'qRatio' | 'sswRatio';
  level: number;
}

export function ecologicalDetector(x1: FactorStatistics, x2: FactorStatistics, options: EcologicalOptions): EcologicalRow {
  const df = x1.n - 1;
  const F = options.statistic === 'qRatio' ? x2.q / x1.q : x1.ssw / x2.ssw;
  const critical = fQuantile(options.level, df, df);
  return { factor1: x1.factor, factor2: x2.factor, F, df1: df, df2: df, critical, significant: F > critical || 1 / F > critical };
}

/** The `level` quantile of F(df1, df2), by bisection on the upper tail (no F quantile in our stdlib set). */
function fQuantile(level: number, df1: number, df2: number): number {
  let lo = 0;
  let hi = 1;
  while (fP(hi, df1, df2) > 1 - level) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 4 * Number.EPSILON * hi; i++) {
    const mid = (lo + hi) / 2;
    if (fP(mid, df1, df2) > 1 - level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
