// Classing values into k classes: Jenks natural breaks, quantiles or equal intervals — for tie and node
// tiers (maps), the geographical detector's strata and `classify(…)` models. Breaks are [min, upper bound
// of class 1, …, max]. Classes are right-closed by default with the minimum in class 1 (b_{c−1} < x ≤ b_c),
// as R's cut(x, breaks, include.lowest = TRUE), classInt's jenks and ArcGIS print them; left-closed
// (b_{c−1} ≤ x < b_c, the maximum in class k) is classInt's closure for its other styles:
// - jenks: Fisher's exact optimum, breaks at data values (jenks.ts);
// - quantile: R's quantiles of the chosen type (7 by default, as classInt "quantile" and GD "quantile") at
//   0, 1/k, …, 1 (as R's seq makes them); coinciding breaks are merged, leaving fewer classes;
// - equal: k intervals of equal width between min and max (classInt "equal", GD "equal").
import { classOf, jenks, sumSquares } from './jenks.js';
import { quantile, type QuantileType } from './quantile.js';

export type ClassMethod = 'jenks' | 'quantile' | 'equal';
export type Closure = 'right' | 'left';

export interface ClassOptions {
  closure: Closure;
  /** The Hyndman–Fan type of `quantile` breaks. */
  quantileType: QuantileType;
}

const DEFAULTS: ClassOptions = { closure: 'right', quantileType: 7 };

export interface Classes {
  breaks: number[];
  /** The class (1..k) of each value, aligned with the input. */
  codes: Int32Array;
}

/** Throws for Jenks with more classes than distinct values. */
export function classify(values: readonly number[], method: ClassMethod, k: number, options: Partial<ClassOptions> = {}): Classes {
  const { closure, quantileType } = { ...DEFAULTS, ...options };
  const breaks = BREAKS[method](values, k, quantileType);
  return { breaks, codes: Int32Array.from(values, (v) => classIndex(v, breaks, closure)) };
}

/** One class: its interval (lower, upper] (or [lower, upper) left-closed), and the values that fall in it. */
export interface ClassSummary { lower: number; upper: number; count: number; min: number | null; max: number | null }

export interface ClassTable extends Classes {
  classes: ClassSummary[];
  /** Goodness of variance fit 1 − SDCM/SDAM: the share of the squared deviations the classes account for. */
  gvf: number;
}

/** The classes with their counts, smallest and largest values, and GVF. */
export function classTable(values: readonly number[], method: ClassMethod, k: number, options: Partial<ClassOptions> = {}): ClassTable {
  const classed = classify(values, method, k, options);
  const members = classed.breaks.slice(1).map(() => [] as number[]);
  values.forEach((v, i) => members[classed.codes[i] - 1].push(v));
  const classes = members.map((m, c) => ({
    lower: classed.breaks[c], upper: classed.breaks[c + 1], count: m.length,
    min: m.length ? m.reduce((a, b) => Math.min(a, b)) : null, max: m.length ? m.reduce((a, b) => Math.max(a, b)) : null,
  }));
  const sdam = sumSquares(values);
  const sdcm = members.reduce((s, m) => s + sumSquares(m), 0);
  return { ...classed, classes, gvf: sdam === 0 ? 1 : 1 - sdcm / sdam };
}

/** The class (1..k) of a value; values beyond the extremes fall in the first or last class. */
export function classIndex(value: number, breaks: readonly number[], closure: Closure = 'right'): number {
  if (closure === 'right') return classOf(value, breaks);
  for (let c = 1; c < breaks.length - 1; c++) if (value < breaks[c]) return c;
  return breaks.length - 1;
}

const BREAKS: Record<ClassMethod, (values: readonly number[], k: number, type: QuantileType) => number[]> = {
  jenks: (values, k) => jenks(values, k).breaks,
  // The probabilities as R's seq(0, 1, by = 1/k) makes them (0.2 · 3 = 0.6000000000000001), so that a break
  // interpolated between two values equals classInt's to the last bit and ties fall in the same class.
  quantile: (values, k, type) => [...new Set(Array.from({ length: k + 1 }, (_, i) => quantile(values, Math.min(1, i * (1 / k)), type)))],
  equal: (values, k) => {
    const min = values.reduce((m, v) => Math.min(m, v), Infinity);
    const max = values.reduce((m, v) => Math.max(m, v), -Infinity);
    // As R's seq(min, max, length.out = k + 1): i steps of (max − min)/k, and max itself last, so rounding
    // in the step never leaves the maximum outside class k.
    const step = (max - min) / k;
    return Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * step));
  },
};
