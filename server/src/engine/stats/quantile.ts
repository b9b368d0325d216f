// Sample quantiles of the nine Hyndman–Fan types, computed as R's `quantile(x, p, type)` does
// (including its 4·eps fuzz), so that a percentile threshold matches R, numpy and Excel exactly:
// type 7 = R/numpy default = Excel PERCENTILE.INC, type 6 = Excel PERCENTILE.EXC, type 1 = inverted CDF.

export type QuantileType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

const FUZZ = 4 * Number.EPSILON;

/** Plotting-position constants (a, b) of the continuous types 4–9 (R's `quantile.default`). */
const CONTINUOUS: Record<number, [number, number]> = {
  4: [0, 1], 5: [0.5, 0.5], 6: [0, 0], 7: [1, 1], 8: [1 / 3, 1 / 3], 9: [3 / 8, 3 / 8],
};

/** The p-quantile (0 ≤ p ≤ 1) of `values` (missing values must be removed first). */
export function quantile(values: readonly number[], p: number, type: QuantileType = 7): number {
  if (!values.length) throw new Error('quantile of an empty sample');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile probability must be in [0, 1], not ${p}`);
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  // R pads the sorted sample with its extremes, so indices j+2, j+3 (1-based) never fall outside.
  const at = (i: number) => x[Math.min(Math.max(i, 1), n) - 1];
  let nppm: number;
  let h: number;
  let j: number;
  if (type <= 3) {
    nppm = type === 3 ? n * p - 0.5 : n * p;
    j = Math.floor(nppm + FUZZ);
    if (type === 1) h = nppm > j ? 1 : 0;
    else if (type === 2) h = ((nppm > j ? 1 : 0) + 1) / 2;
    else h = nppm !== j || j % 2 === 1 ? 1 : 0;
  } else {
    const [a, b] = CONTINUOUS[type];
    nppm = a + p * (n + 1 - a - b);
    j = Math.floor(nppm + FUZZ);
    h = nppm - j;
    if (Math.abs(h) < FUZZ) h = 0;
  }
  const lo = at(j);
  const hi = at(j + 1);
  if (h === 0 || lo === hi) return lo;
  if (h === 1) return hi;
  return (1 - h) * lo + h * hi;
}
