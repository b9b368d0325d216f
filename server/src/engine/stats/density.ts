// Gaussian kernel density on a grid, with R's density() defaults: bandwidth bw.nrd0 (Silverman's rule of
// thumb), 512 points from min − 3·bw to max + 3·bw. R bins the data and convolves by FFT; this sums the
// kernels exactly, so values differ from R's in the fourth digit or so — a curve to plot, not a statistic.
import { max, min, sampleStandardDeviation } from 'simple-statistics';
import { quantile } from './quantile.js';

export interface Density { x: number[]; density: number[]; bandwidth: number }

/** bw.nrd0: 0.9 · min(sd, IQR/1.34) · n^(−1/5), with R's fallbacks when that is 0. */
export function silvermanBandwidth(values: readonly number[]): number {
  const n = values.length;
  const sd = sampleStandardDeviation(values as number[]);
  const iqr = quantile(values, 0.75, 7) - quantile(values, 0.25, 7);
  let lo = Math.min(sd, iqr / 1.34);
  if (!(lo > 0)) lo = sd || Math.abs(values[0]) || 1;
  return 0.9 * lo * n ** -0.2;
}

export function kernelDensity(values: readonly number[], points = 512): Density {
  const bandwidth = silvermanBandwidth(values);
  const lo = min(values as number[]) - 3 * bandwidth;
  const hi = max(values as number[]) + 3 * bandwidth;
  const x = Array.from({ length: points }, (_, k) => lo + ((hi - lo) * k) / (points - 1));
  const norm = 1 / (values.length * bandwidth * Math.sqrt(2 * Math.PI));
  const density = x.map((at) => norm * values.reduce((s, v) => s + Math.exp(-0.5 * ((at - v) / bandwidth) ** 2), 0));
  return { x, density, bandwidth };
}
