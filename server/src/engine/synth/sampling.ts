// Discrete distributions used to put realistic skew into the data.
import type { Rng } from '../prng.js';

/** Zipf weights 1/r^s for ranks r = 1..n (rank 1 is the largest). */
export function zipfWeights(n: number, exponent: number): number[] {
  const weights: number[] = [];
  for (let r = 1; r <= n; r++) weights.push(1 / Math.pow(r, exponent));
  return weights;
}

/** Draws an index with probability proportional to its weight (cumulative table + binary search). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('WeightedSampler needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      if (!(w >= 0)) throw new Error(`negative or NaN weight at ${i}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedSampler needs a positive total weight');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  sample(rng: Rng): number {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Zipf-like rank in [0, n) without a table, by inverting the continuous
 * power-law CDF. Used for pools far too large to tabulate (external prior art).
 */
export function zipfRank(rng: Rng, n: number, exponent: number): number {
  const u = rng.next();
  let x: number;
  if (Math.abs(exponent - 1) < 1e-9) {
    x = Math.pow(n + 1, u);
  } else {
    const a = 1 - exponent;
    x = Math.pow((Math.pow(n + 1, a) - 1) * u + 1, 1 / a);
  }
  return Math.min(n - 1, Math.max(0, Math.floor(x) - 1));
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest
 * remainder), so per-year patent counts are exact and need no randomness.
 */
export function allocateCounts(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map((x) => Math.floor(x));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, rem: x - Math.floor(x) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let j = 0; missing > 0; j = (j + 1) % byRemainder.length, missing--) {
    counts[byRemainder[j]!.i]!++;
  }
  return counts;
}

/** Weights growing geometrically over consecutive years (patenting grows over time). */
export function growthWeights(firstYear: number, lastYear: number, annualGrowth: number): number[] {
  const weights: number[] = [];
  for (let y = firstYear; y <= lastYear; y++) weights.push(Math.pow(1 + annualGrowth, y - firstYear));
  return weights;
}

/** Places the named items first (in the given order), keeping the rest in their original order. */
export function withLeadersFirst<T>(items: readonly T[], key: (item: T) => string, leaders: readonly string[]): T[] {
  const byKey = new Map(items.map((it) => [key(it), it] as const));
  const front: T[] = [];
  for (const name of leaders) {
    const item = byKey.get(name);
    if (item === undefined) throw new Error(`unknown leader ${name}`);
    front.push(item);
  }
  const frontSet = new Set(front);
  return [...front, ...items.filter((it) => !frontSet.has(it))];
}
