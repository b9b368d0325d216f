// Jenks natural breaks: the partition that minimises the within-class sum of squared deviations
// (Fisher's exact optimum, computed by simple-statistics' ckmeans), reported as ArcGIS does: breaks are
// the data value at each class's upper bound and classes are right-closed (x ≤ b1 → class 1).
import { ckmeans } from 'simple-statistics';

export interface JenksResult {
  /** [min, upper bound of class 1, …, upper bound of class k = max] */
  breaks: number[];
  counts: number[];
  /** Goodness of variance fit: 1 − SDCM/SDAM. */
  gvf: number;
}

export function jenks(values: readonly number[], classes: number): JenksResult {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`Jenks needs a whole number of classes ≥ 1, not ${classes}`);
  const distinct = new Set(values).size;
  if (classes > distinct) throw new Error(`Jenks cannot form ${classes} classes from ${distinct} distinct values`);
  const groups = ckmeans([...values], classes);
  const breaks = [groups[0][0], ...groups.map((g) => g[g.length - 1])];
  const sdam = sumSquares(values);
  const sdcm = groups.reduce((s, g) => s + sumSquares(g), 0);
  return { breaks, counts: groups.map((g) => g.length), gvf: sdam === 0 ? 1 : 1 - sdcm / sdam };
}

/** The class (1..k) of a value under right-closed upper-bound breaks. */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let c = 1; c < breaks.length; c++) if (value <= breaks[c]) return c;
  return breaks.length - 1;
}

/** Σ (x − mean)²; 0 for no values. */
export function sumSquares(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0);
}
