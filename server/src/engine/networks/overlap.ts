// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. DuckDB counts, per cited patent, region and year, the region's
// citing patents (one row per triple: memory in the citations); the pairs are then summed here, window by
// window, as the sparse product of coupling.ts, which holds only the pairs that occur. Forming the pairs
// in SQL would materialise Σ_c (regions citing c)² rows — billions for a heavily cited patent pool — and a
// dense region × region matrix (8·R² bytes) cannot serve firms or inventors as nodes (R of 10⁴–10⁶).
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import type { RegionSets } from './collaboration.js';
import { couplingTies, type CouplingRule, type Incidence } from './coupling.js';
import type { Network, Tie } from './network.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

/** `count`: |C_i ∩ C_j|; `product`: Σ_c n_i(c)·n_j(c); `min`: Σ_c min(n_i(c), n_j(c)). */
export type OverlapWeight = 'count' | 'product' | 'min';

export interface OverlapOptions {
  weight: OverlapWeight;
  /** Keep only pairs between the two sets, oriented left → right. */
  between?: RegionSets;
  /** Keep only pairs with at least one region in this set (a relation with a `region` column). */
  touching?: string;
  /** Throws when the run is cancelled; called for every window (its queries are interrupted by the caller). */
  checkpoint?: () => void;
}

const WEIGHT: Record<OverlapWeight, (ni: number, nj: number) => number> = {
  count: () => 1,
  product: (ni, nj) => ni * nj,
  min: (ni, nj) => Math.min(ni, nj),
};

/** Regions numbered in sort order, so that pairs i < j are pairs with source < target. */
const REGION_IDS = `SELECT region, (row_number() OVER (ORDER BY region) - 1)::INTEGER AS rid FROM (SELECT DISTINCT region FROM h)`;

/**
 * One network per window, by the citing patent's year. `holders` has columns patent, region, year;
 * `citations` has citing, cited. A patent counts once per region however many holders it has there;
 * n_r(c) is the number of region r's patents citing c.
 */
export async function overlapNetworks(db: DuckDBConnection, holders: string, citations: string, windows: readonly Window[], options: OverlapOptions): Promise<Network[]> {
  const inSomeWindow = `EXISTS (SELECT 1 FROM ${windowsRelation(windows)} WHERE ${IN_WINDOW})`;
  const h = `h AS (SELECT DISTINCT patent, region, year FROM ${holders} WHERE ${inSomeWindow})`;
  const flag = (set: string | undefined) => (set ? `region IN (SELECT region FROM ${set})` : 'TRUE');
  const regions = (await db.runAndReadAll(`WITH ${h}
    SELECT region, ${flag(options.between?.left)}, ${flag(options.between?.right)}, ${flag(options.touching)} FROM (${REGION_IDS}) ORDER BY rid`)).getRows();
  const citing = await readCitingCounts(await db.stream(`
    WITH ${h}, ids AS (${REGION_IDS}),
    counted AS (
      SELECT c.cited, ids.rid, h.year, count(*) AS n
      FROM h JOIN ${citations} c ON c.citing = h.patent JOIN ids USING (region)
      GROUP BY c.cited, ids.rid, h.year),
    cited_ids AS (SELECT cited, (row_number() OVER () - 1)::INTEGER AS cid FROM (SELECT DISTINCT cited FROM counted))
    SELECT cid, rid, CAST(year AS DOUBLE), n::INTEGER FROM counted JOIN cited_ids USING (cited)`));
  const flags = (column: number) => Uint8Array.from(regions, (r) => (r[column] === true ? 1 : 0));
  const rule: CouplingRule = {
    ...(options.between ? { between: { left: flags(1), right: flags(2) } } : {}),
    touching: flags(3),
    weigh: WEIGHT[options.weight],
  };
  const names = regions.map((r) => String(r[0]));
  return windows.map((w) => {
    options.checkpoint?.();
    return windowNetwork(names, citing, w, rule);
  });
}

/**
 * Every (cited patent, region, year) count, ordered by year so that a window's counts are one slice:
 * yearStart[y − firstYear] is where year y begins; NULL years come last, from nullStart.
 */
interface CitingCounts extends Incidence { firstYear: number; yearStart: Int32Array; nullStart: number; cited: number }

async function readCitingCounts(result: DuckDBResult): Promise<CitingCounts> {
  // Streamed chunk by chunk, so that DuckDB never holds the whole result beside these arrays.
  const parts: Array<{ cid: Int32Array; rid: Int32Array; year: Float64Array; n: Int32Array }> = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [cid, rid, year, n] = [0, 1, 2, 3].map((i) => chunk.getColumnVector(i));
    const part = { cid: new Int32Array(chunk.rowCount), rid: new Int32Array(chunk.rowCount), year: new Float64Array(chunk.rowCount), n: new Int32Array(chunk.rowCount) };
    for (let r = 0; r < chunk.rowCount; r++) {
      part.cid[r] = cid.getItem(r) as number;
      part.rid[r] = rid.getItem(r) as number;
      part.year[r] = (year.getItem(r) as number | null) ?? NaN;
      part.n[r] = n.getItem(r) as number;
    }
    parts.push(part);
  }
  // The parts are placed by a counting sort on the year (NULL, NaN, last): a few dozen buckets.
  let [firstYear, lastYear, cited, size] = [Infinity, -Infinity, 0, 0];
  for (const p of parts) {
    size += p.cid.length;
    for (let k = 0; k < p.cid.length; k++) {
      if (!Number.isNaN(p.year[k])) [firstYear, lastYear] = [Math.min(firstYear, p.year[k]), Math.max(lastYear, p.year[k])];
      cited = Math.max(cited, p.cid[k] + 1);
    }
  }
  const years = Number.isFinite(firstYear) ? lastYear - firstYear + 1 : 0;
  const bucket = (year: number) => (Number.isNaN(year) ? years : year - firstYear);
  const next = new Int32Array(years + 2);
  for (const p of parts) for (const year of p.year) next[bucket(year) + 1]++;
  for (let b = 0; b <= years; b++) next[b + 1] += next[b];
  const counts: CitingCounts = { cid: new Int32Array(size), rid: new Int32Array(size), n: new Int32Array(size), size, firstYear, yearStart: next.slice(0, years + 1), nullStart: next[years], cited };
  for (const p of parts) {
    for (let k = 0; k < p.cid.length; k++) {
      const to = next[bucket(p.year[k])]++;
      counts.cid[to] = p.cid[k];
      counts.rid[to] = p.rid[k];
      counts.n[to] = p.n[k];
    }
  }
  return counts;
}

/** One window's network: its slice of the counts, coupled; ties sorted by source then target. */
function windowNetwork(names: readonly string[], citing: CitingCounts, w: Window, rule: CouplingRule): Network {
  const { from, to } = sliceOf(citing, w);
  const slice: Incidence = { cid: citing.cid.subarray(from, to), rid: citing.rid.subarray(from, to), n: citing.n.subarray(from, to), size: to - from };
  const ties: Tie[] = [];
  const node = new Uint8Array(names.length);
  couplingTies(slice, names.length, citing.cited, rule, (i, j, weight) => {
    ties.push({ source: names[i], target: names[j], weight });
    node[i] = node[j] = 1;
  });
  return { directed: false, nodes: names.filter((_, i) => node[i]).sort(), ties, intra: new Map() };
}

/** Where the window's years lie in the counts; a NULL year falls only in a window unbounded on both sides, as in SQL. */
function sliceOf(c: CitingCounts, w: Window): { from: number; to: number } {
  const years = c.yearStart.length - 1;
  if (!Number.isFinite(w.from) && !Number.isFinite(w.to)) return { from: 0, to: c.size };
  const bound = (y: number) => c.yearStart[Math.min(years, Math.max(0, y - c.firstYear))];
  return {
    from: Number.isFinite(w.from) ? bound(w.from) : 0,
    to: Number.isFinite(w.to) ? bound(w.to + 1) : c.nullStart,
  };
}
