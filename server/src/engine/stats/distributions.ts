// Central distributions for p-values and critical values, from stdlib's ports of Cephes/Boost
// (accurate to ~1e-15; hand-written continued fractions are not worth the risk).
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import gammainc from "@stdlib/math-base-special-gammainc";
import betainc from "@stdlib/math-base-special-betainc";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** Two-sided p-value of a t statistic; `df = Infinity` gives the normal (z) p-value. */
export function twoSidedP(stat: number, df: number): number {
  const a = -Math.abs(stat);
  return 2 * (Number.isFinite(df) ? tCdf(a, df) : normalCdf(a, 0, 1));
}

/** Critical value for a two-sided (1 − level) interval: t_{df} or z when `df = Infinity`. */
export function criticalValue(level: number, df: number): number {
  const q = 1 - (1 - level) / 2;
  return Number.isFinite(df) ? tQuantile(q, df) : normalQuantile(q, 0, 1);
}

// Upper tails come straight from the complemented incomplete functions, so tiny p-values keep their digits.

/** Upper-tail p-value of a χ² statistic. */
export function chiSquareP(stat: number, df: number): number {
  return stat <= 0 ? 1 : gammainc(stat / 2, df / 2, true, true);
}

/** Upper-tail p-value of an F statistic: P(F > f) = I_{d2/(d2+d1·f)}(d2/2, d1/2). */
export function fP(stat: number, df1: number, df2: number): number {
  return stat <= 0 ? 1 : betainc(df2 / (df2 + df1 * stat), df2 / 2, df1 / 2, true, false);
}

/** Two-sided normal p-value. */
export function normalP(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}
