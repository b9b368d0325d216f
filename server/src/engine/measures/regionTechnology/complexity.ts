// Economic complexity of regions (KCI) and technologies (TCI) by EconGeo's eigenvector method (Hidalgo &
// Hausmann 2009): the eigenvector of the second largest eigenvalue of the projected region × region
// (technology × technology) Markov matrix of the binary RCA matrix — rounded to 4 digits by EconGeo before the
// eigen decomposition — divided by its sum (which also fixes its scale), then signed by EconGeo's rules.
import { secondEigenvector } from './eigen.js';
import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { colSums, rounded, rowSums, transpose, type Rounding } from './matrix.js';

/** KCI(mat, RCA = TRUE): signed to correlate positively with the 20th method-of-reflections step (MORc). */
export function kci(binary: readonly number[][], rounding: Rounding): number[] {
  const values = complexity(projected(binary, rounding));
  return correlation(values, reflections(binary, 20), sampleCorrelation) < 0 ? values.map((v) => -v) : values;
}

/** TCI(mat, RCA = TRUE): signed to correlate negatively (Spearman) with ubiquity, as EconGeo does. */
export function tci(binary: readonly number[][], rounding: Rounding): number[] {
  const values = complexity(projected(transpose(binary), rounding));
  return correlation(values, colSums(binary), sampleRankCorrelation) > 0 ? values.map((v) => -v) : values;
}

/**
 * (M / rowSums) · (Mᵀ / colSums): the rows' Markov matrix over their shared columns, rounded to 4 digits.
 * M is binary and mostly zeros, so each column adds only to the pairs of rows it holds.
 */
function projected(m: readonly number[][], rounding: Rounding): number[][] {
  const rows = rowSums(m);
  const cols = colSums(m);
  const holders = transpose(m).map((col) => col.flatMap((x, r) => (x ? [r] : [])));
  const out = m.map(() => new Float64Array(m.length));
  m.forEach((row, i) => row.forEach((x, t) => {
    if (!x) return;
    const share = x / rows[i];
    for (const k of holders[t]) out[i][k] += share * (m[k][t] / cols[t]);
  }));
  return out.map((row) => Array.from(row, (x) => rounded(x, 4, rounding)));
}

/** v/Σv for the eigenvector of the eigenvalue second by modulus. */
function complexity(m: number[][]): number[] {
  const v = secondEigenvector(m);
  const sum = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / sum);
}

/**
 * MORc(mat, steps): Hidalgo & Hausmann's method of reflections, rows' and columns' values averaged over each
 * other in turn from diversity and ubiquity; from the third step on each is rescaled to 0–100.
 */
function reflections(m: readonly number[][], steps: number): number[] {
  const diversity = rowSums(m);
  const ubiquity = colSums(m);
  const mt = transpose(m);
  const rescale = (x: number[]) => {
    const lo = x.reduce((a, v) => Math.min(a, v), Infinity);
    const hi = x.reduce((a, v) => Math.max(a, v), -Infinity);
    return x.map((v) => ((v - lo) / (hi - lo)) * 100);
  };
  const average = (rows: readonly number[][], by: readonly number[], size: readonly number[]) => rows.map((row, r) => row.reduce((s, x, k) => s + x * by[k], 0) / size[r]);
  let regions = average(m, ubiquity, diversity);
  let technologies = average(mt, diversity, ubiquity);
  for (let step = 2; step <= steps; step++) {
    const next = average(m, technologies, diversity);
    technologies = average(mt, regions, ubiquity);
    regions = next;
    if (step >= 3) {
      regions = rescale(regions);
      technologies = rescale(technologies);
    }
  }
  return regions;
}

/** A correlation over the pairs both of whose values are numbers (R's pairwise.complete.obs); NaN without two. */
function correlation(x: readonly number[], y: readonly number[], of: (a: number[], b: number[]) => number): number {
  const keep = x.map((_, k) => k).filter((k) => Number.isFinite(x[k]) && Number.isFinite(y[k]));
  return keep.length < 2 ? NaN : of(keep.map((k) => x[k]), keep.map((k) => y[k]));
}
