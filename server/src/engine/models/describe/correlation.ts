// Pearson correlation matrix with two-sided p-values as R's cor.test (t = r·√((n−2)/(1−r²)) on n − 2 df) and
// significance stars. Missing values (NaN) are deleted pair by pair (default, as cor.test per pair and Stata's
// pwcorr) or listwise (rows complete in every variable, as cor(use = "complete.obs")).
import { twoSidedP } from '../../stats/distributions.js';
import { ModelInputError } from './frame.js';
import type { NumericColumn } from '../frame.js';

export interface CorrelationOptions {
  /** Default `pairwise`. */
  deletion?: 'pairwise' | 'listwise';
  /** p-value thresholds for one, two, three … stars, p < threshold (default 0.1, 0.05, 0.01). */
  stars?: readonly number[];
}

export interface CorrelationMatrix {
  names: string[];
  /** Observations used for each pair. */
  n: number[][];
  r: number[][];
  /** Two-sided; 0 on the diagonal (as the oracle); values below ~1e-300 underflow to 0. */
  p: number[][];
  stars: string[][];
}

export const DEFAULT_STAR_THRESHOLDS = [0.1, 0.05, 0.01] as const;

export function correlationMatrix(columns: readonly NumericColumn[], options: CorrelationOptions = {}): CorrelationMatrix {
  const { deletion = 'pairwise', stars: thresholds = DEFAULT_STAR_THRESHOLDS } = options;
  const rows = columns[0]?.values.length ?? 0;
  for (const c of columns) if (c.values.length !== rows) throw new ModelInputError(`${c.name} has ${c.values.length} rows, ${columns[0].name} ${rows}`);
  const complete = (i: number) => columns.every((c) => !Number.isNaN(c.values[i]));
  const listwise = deletion === 'listwise' ? Array.from({ length: rows }, (_, i) => complete(i)) : undefined;
  const k = columns.length;
  const square = <T>(fill: T) => Array.from({ length: k }, () => Array<T>(k).fill(fill));
  const result: CorrelationMatrix = { names: columns.map((c) => c.name), n: square(0), r: square(1), p: square(0), stars: square('') };
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const used = (i: number) => (listwise ? listwise[i] : !Number.isNaN(columns[a].values[i]) && !Number.isNaN(columns[b].values[i]));
      const pair = pearson(columns[a], columns[b], used);
      for (const [i, j] of [[a, b], [b, a]]) {
        result.n[i][j] = pair.n;
        if (a === b) continue;
        result.r[i][j] = pair.r;
        result.p[i][j] = pair.p;
        result.stars[i][j] = '*'.repeat(thresholds.filter((t) => pair.p < t).length);
      }
    }
  }
  return result;
}

function pearson(x: NumericColumn, y: NumericColumn, used: (i: number) => boolean): { n: number; r: number; p: number } {
  const rows = Array.from({ length: x.values.length }, (_, i) => i).filter(used);
  const n = rows.length;
  if (n < 3) throw new ModelInputError(`${x.name} and ${y.name} have ${n} complete observations; a correlation test needs at least 3`);
  const mean = (v: Float64Array) => rows.reduce((s, i) => s + v[i], 0) / n;
  const mx = mean(x.values);
  const my = mean(y.values);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const i of rows) {
    const dx = x.values[i] - mx;
    const dy = y.values[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  for (const [c, ss] of [[x, sxx], [y, syy]] as const) if (ss === 0) throw new ModelInputError(`${c.name} is constant over the ${n} observations used, so its correlations are undefined`);
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  return { n, r, p: twoSidedP(r * Math.sqrt(df / (1 - r * r)), df) };
}
