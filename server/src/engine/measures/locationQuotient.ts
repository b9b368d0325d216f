// Location quotients and cluster identification (METHODS A(g)):
//   LQ_i = (A_i/P_i)/(ΣA/ΣP); potential cluster: LQ_i > 1 and A_i > the p-th percentile of A (strict);
//   cluster: a potential cluster that also has the required intra- and/or inter-regional ties.
// The percentile's quantile type is explicit (R type 7 = numpy = Excel PERCENTILE.INC by default).
import { quantile, type QuantileType } from '../stats/quantile.js';

export interface RegionCounts {
  region: string;
  /** A_i: the industry's patents in the region. */
  industry: number;
  /** P_i: all patents in the region. */
  total: number;
  /** Intra-regional collaboration volume. */
  intra: number;
  /** Inter-regional collaboration volume. */
  inter: number;
}

export type TieRequirement = 'intra' | 'inter';

export interface ClusterOptions { percentile: number; type: QuantileType; require: readonly TieRequirement[] }

export interface ClusterResult {
  percentile: number;
  threshold: number;
  potential: string[];
  clusters: string[];
}

export function locationQuotients(rows: readonly RegionCounts[]): Map<string, number> {
  const sumA = rows.reduce((s, r) => s + r.industry, 0);
  const sumP = rows.reduce((s, r) => s + r.total, 0);
  if (sumA === 0 || sumP === 0) throw new Error('location quotients need industry and total patents: one of the sums is 0');
  return new Map(rows.map((r) => [r.region, r.total === 0 ? NaN : (r.industry / r.total) / (sumA / sumP)]));
}

export function identifyClusters(rows: readonly RegionCounts[], options: ClusterOptions): ClusterResult {
  const lq = locationQuotients(rows);
  const threshold = quantile(rows.map((r) => r.industry), options.percentile / 100, options.type);
  const potential = rows.filter((r) => (lq.get(r.region) ?? 0) > 1 && r.industry > threshold);
  const clusters = potential.filter((r) => options.require.every((need) => r[need] > 0));
  return { percentile: options.percentile, threshold, potential: potential.map((r) => r.region), clusters: clusters.map((r) => r.region) };
}

/** The same identification over a range of percentiles (the seeds' sensitivity check). */
export function percentileScan(rows: readonly RegionCounts[], percentiles: readonly number[], options: Omit<ClusterOptions, 'percentile'>): ClusterResult[] {
  return percentiles.map((percentile) => identifyClusters(rows, { ...options, percentile }));
}
