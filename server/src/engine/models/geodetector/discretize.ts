// Discretisation of a continuous factor into strata 1..k before the detectors run, by the shared
// classifier (stats/classify.ts: breaks, right-closed classes, merged quantile breaks), with the
// detector's input errors.
import { classify, type Classes } from '../../stats/classify.js';
import { GeoDetectorInputError } from './errors.js';
import type { DiscretizationMethod } from './types.js';

export type Discretized = Classes;

export const DEFAULT_CLASSES = 5;

export function discretize(values: readonly number[], method: DiscretizationMethod, classes = DEFAULT_CLASSES): Discretized {
  if (!Number.isInteger(classes) || classes < 2) throw new GeoDetectorInputError(`discretisation needs a whole number of classes ≥ 2, not ${classes}`);
  const distinct = new Set(values).size;
  if (method === 'jenks' && classes > distinct) throw new GeoDetectorInputError(`Jenks cannot form ${classes} classes from ${distinct} distinct values`);
  return classify(values, method, classes);
}
