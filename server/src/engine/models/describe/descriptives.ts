// Descriptive statistics of numeric columns as R reports them: SD with n − 1, quartiles of type 7 (R's and
// numpy's default). Missing values (NaN) are left out column by column; N counts the rest. Skewness and
// kurtosis are left out until a reference tool's convention for them is chosen.
import { max, min } from 'simple-statistics';
import { quantile } from '../../stats/quantile.js';
import type { NumericColumn } from '../frame.js';

export interface Descriptives {
  name: string;
  n: number;
  missing: number;
  mean: number;
  sd: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

export function describeColumns(columns: readonly NumericColumn[]): Descriptives[] {
  return columns.map(describeColumn);
}

function describeColumn({ name, values }: NumericColumn): Descriptives {
  const x = Array.from(values).filter((v) => !Number.isNaN(v));
  const n = x.length;
  if (n === 0) return { name, n, missing: values.length, mean: NaN, sd: NaN, min: NaN, p25: NaN, median: NaN, p75: NaN, max: NaN };
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const ss = x.reduce((s, v) => s + (v - mean) ** 2, 0);
  return {
    name,
    n,
    missing: values.length - n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    min: min(x), // not Math.min(...x): spreading a panel's rows overflows the call stack
    p25: quantile(x, 0.25),
    median: quantile(x, 0.5),
    p75: quantile(x, 0.75),
    max: max(x),
  };
}
