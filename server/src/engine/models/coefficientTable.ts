// The coefficient rows of a ModelResult from estimates and their covariance: Wald statistics, two-sided
// p-values and intervals from t(df), or from the normal when df = ∞ (z statistics).
import { criticalValue, twoSidedP } from '../stats/distributions.js';
import type { Coefficient } from '../../results/modelResult.js';

export function coefficientTable(terms: readonly string[], estimates: ArrayLike<number>, vcov: readonly (readonly number[])[], df: number, level: number): Coefficient[] {
  const critical = criticalValue(level, df);
  return terms.map((term, k) => {
    const estimate = estimates[k];
    const se = Math.sqrt(vcov[k][k]);
    const stat = estimate / se;
    return { term, estimate, se, stat, p: twoSidedP(stat, df), ciLow: estimate - critical * se, ciHigh: estimate + critical * se };
  });
}
