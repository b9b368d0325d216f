// Classing a measure into tiers (maps, tie strength): Jenks natural breaks, quantiles or equal intervals.
// Breaks are upper bounds and classes right-closed, as ArcGIS and classInt print them.
import { classOf, jenks } from './jenks.js';
import { quantile } from './quantile.js';

export type ClassMethod = 'jenks' | 'quantiles' | 'equal';

export interface Classes {
  method: ClassMethod;
  /** [min, upper bound of class 1, …, max] */
  breaks: number[];
  /** The class (1..k) of each value, aligned with the input. */
  classes: number[];
}

export function classify(values: readonly number[], method: ClassMethod, k: number): Classes {
  const min = Math.min(...values);
  const max = Math.max(...values);
  let breaks: number[];
  if (method === 'jenks') breaks = jenks(values, k).breaks;
  // classInt's style = "quantile": R type-7 quantiles at 0, 1/k, …, 1.
  else if (method === 'quantiles') breaks = Array.from({ length: k + 1 }, (_, i) => quantile(values, i / k, 7));
  else breaks = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + ((max - min) * i) / k));
  return { method, breaks, classes: values.map((v) => classOf(v, breaks)) };
}
