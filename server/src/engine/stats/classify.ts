// Classing values into k classes: Jenks natural breaks, quantiles or equal intervals — for tie and node
// tiers (maps) and for the geographical detector's strata. Breaks are [min, upper bound of class 1, …,
// max] and classes right-closed with the minimum in class 1 (b_{c−1} < x ≤ b_c), as R's
// cut(x, breaks, include.lowest = TRUE), classInt and ArcGIS print them:
// - jenks: Fisher's exact optimum, breaks at data values (jenks.ts);
// - quantile: R's type-7 quantiles at 0, 1/k, …, 1 (classInt "quantile", GD "quantile"); coinciding
//   breaks are merged, leaving fewer classes;
// - equal: k intervals of equal width between min and max (classInt "equal", GD "equal").
import { classOf, jenks } from './jenks.js';
import { quantile } from './quantile.js';

export type ClassMethod = 'jenks' | 'quantile' | 'equal';

export interface Classes {
  breaks: number[];
  /** The class (1..k) of each value, aligned with the input. */
  codes: Int32Array;
}

/** Throws for Jenks with more classes than distinct values. */
export function classify(values: readonly number[], method: ClassMethod, k: number): Classes {
  const breaks = BREAKS[method](values, k);
  return { breaks, codes: Int32Array.from(values, (v) => classOf(v, breaks)) };
}

const BREAKS: Record<ClassMethod, (values: readonly number[], k: number) => number[]> = {
  jenks: (values, k) => jenks(values, k).breaks,
  quantile: (values, k) => [...new Set(Array.from({ length: k + 1 }, (_, i) => quantile(values, i / k, 7)))],
  equal: (values, k) => {
    const min = values.reduce((m, v) => Math.min(m, v), Infinity);
    const max = values.reduce((m, v) => Math.max(m, v), -Infinity);
    // As R's seq(min, max, length.out = k + 1): i steps of (max − min)/k, and max itself last, so rounding
    // in the step never leaves the maximum outside class k.
    const step = (max - min) / k;
    return Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * step));
  },
};
