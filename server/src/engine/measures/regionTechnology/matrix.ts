// A region × technology count matrix (regions in rows), the input of EconGeo's functions, and the sums and
// rounding they share. `Rounding` says whether a result is rounded where EconGeo rounds it.
import { roundR } from '../../stats/round.js';

export interface RegionTechnology {
  regions: string[];
  technologies: string[];
  /** counts[r][t]: the technology's patents (or rows, or summed counts) in the region. */
  counts: number[][];
  /**
   * Technology × technology co-occurrences counted on events such as patents (diagonal 0); unset, technologies
   * co-occur in the regions with an RCA in both.
   */
  cooccurrence?: number[][];
}

export type Rounding = 'econgeo' | 'none';

export function rowSums(m: readonly (readonly number[])[]): number[] {
  return m.map((row) => row.reduce((s, x) => s + x, 0));
}

export function colSums(m: readonly (readonly number[])[]): number[] {
  const sums = new Array<number>(m[0]?.length ?? 0).fill(0);
  for (const row of m) row.forEach((x, j) => { sums[j] += x; });
  return sums;
}

export function transpose(m: readonly (readonly number[])[]): number[][] {
  return (m[0] ?? []).map((_, j) => m.map((row) => row[j]));
}

/** `x` rounded to `digits` as R rounds it when EconGeo does, else as it is. */
export function rounded(x: number, digits: number, rounding: Rounding): number {
  return rounding === 'econgeo' ? roundR(x, digits) : x;
}
