// Discretisation of a continuous factor into classes 1..k before the detectors run. Breaks are
// [min, upper bound of class 1, …, max] and classes are right-closed with the minimum in class 1
// (b_{c−1} < x ≤ b_c), as R's cut(x, breaks, include.lowest = TRUE) in GD and ArcGIS-style Jenks:
// - jenks: Fisher's exact optimum, breaks at data values (stats/jenks.ts);
// - quantile: R's type-7 quantiles at 0, 1/k, …, 1 (GD's disc(method = "quantile"), classInt "quantile");
//   coinciding breaks are merged, leaving fewer classes;
// - equal: k intervals of equal width between min and max (GD "equal", classInt "equal").
import { classOf, jenks } from '../../stats/jenks.js';
import { quantile } from '../../stats/quantile.js';
import { GeoDetectorInputError } from './errors.js';
import type { DiscretizationMethod } from './types.js';

export interface Discretized {
  breaks: number[];
  /** Class 1..k of each value. */
  codes: Int32Array;
}

export const DEFAULT_CLASSES = 5;

export function discretize(values: readonly number[], method: DiscretizationMethod, classes = DEFAULT_CLASSES): Discretized {
  if (!Number.isInteger(classes) || classes < 2) throw new GeoDetectorInputError(`discretisation needs a whole number of classes ≥ 2, not ${classes}`);
  const breaks = BREAKS[method](values, classes);
  return { breaks, codes: Int32Array.from(values, (v) => classOf(v, breaks)) };
}

const BREAKS: Record<DiscretizationMethod, (values: readonly number[], k: number) => number[]> = {
  jenks: (values, k) => {
    const distinct = new Set(values).size;
    if (k > distinct) throw new GeoDetectorInputError(`Jenks cannot form ${k} classes from ${distinct} distinct values`);
    return jenks(values, k).breaks;
  },
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
