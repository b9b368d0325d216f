// Strata: each observation's stratum as a code 0..L−1, with labels in ascending order (numerically when every
// label is a number, else by code point), and the per-stratum sums the detectors are built from.

export interface Strata {
  labels: string[];
  codes: Int32Array;
}

export interface StratumSummary {
  n: number;
  mean: number;
  /** Σ (y − mean)² within the stratum. */
  ss: number;
}

/** Codes for already-validated labels (no missing values). */
export function stratify(values: readonly (number | string)[] | Int32Array): Strata {
  const keys = Array.from(values as ArrayLike<number | string>, (v) => String(v));
  const distinct = [...new Set(keys)];
  const numeric = distinct.every((k) => k.trim() !== '' && Number.isFinite(Number(k)));
  const labels = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((l, i) => [l, i]));
  return { labels, codes: Int32Array.from(keys, (k) => index.get(k)!) };
}

/** The strata of X1 ∩ X2: one per observed pair of strata, labelled "x1_x2" as both R packages paste them. */
export function crossStrata(a: Strata, b: Strata): Strata {
  return stratify(Array.from(a.codes, (c, i) => `${a.labels[c]}_${b.labels[b.codes[i]]}`));
}

export function summarize(y: Float64Array, strata: Strata): StratumSummary[] {
  const L = strata.labels.length;
  const n = new Array<number>(L).fill(0);
  const sum = new Array<number>(L).fill(0);
  strata.codes.forEach((c, i) => { n[c]++; sum[c] += y[i]; });
  const mean = sum.map((s, h) => s / n[h]);
  const ss = new Array<number>(L).fill(0);
  strata.codes.forEach((c, i) => { ss[c] += (y[i] - mean[c]) ** 2; });
  return mean.map((m, h) => ({ n: n[h], mean: m, ss: ss[h] }));
}

/** Σ (y − ȳ)² over the observations where `keep` is true (all when omitted). */
export function totalSumOfSquares(y: Float64Array, keep?: (i: number) => boolean): number {
  let n = 0;
  let sum = 0;
  y.forEach((v, i) => { if (!keep || keep(i)) { n++; sum += v; } });
  const mean = sum / n;
  let ss = 0;
  y.forEach((v, i) => { if (!keep || keep(i)) ss += (v - mean) ** 2; });
  return ss;
}
