// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. DuckDB counts, per cited patent, region and year, the region's
// citing patents; the pairs are then summed here, window by window, into a dense region × region
// matrix. Forming the pairs in SQL would materialise Σ_c (regions citing c)² rows — billions for a
// heavily cited patent pool — while the matrix needs only 8·R² bytes (R regions).
import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import type { RegionSets } from './collaboration.js';
import { assembleNetworks, type Network } from './network.js';
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
  const citing = readCitingCounts(await db.run(`
    WITH ${h}, ids AS (${REGION_IDS}),
    counted AS (
      SELECT c.cited, ids.rid, CAST(h.year AS DOUBLE) AS year, count(*) AS n
      FROM h JOIN ${citations} c ON c.citing = h.patent JOIN ids USING (region)
      GROUP BY c.cited, ids.rid, h.year),
    cited_ids AS (SELECT cited, (row_number() OVER ())::INTEGER AS cid FROM (SELECT DISTINCT cited FROM counted))
    SELECT cid, rid, year, n::INTEGER FROM counted JOIN cited_ids USING (cited) ORDER BY cid, rid, year`));
  const pairing = {
    names: regions.map((r) => String(r[0])),
    left: regions.map((r) => r[1] === true),
    right: regions.map((r) => r[2] === true),
    between: options.between !== undefined,
    touching: regions.map((r) => r[3] === true),
    weigh: WEIGHT[options.weight],
  };
  const rows = windows.flatMap((w, wi) => {
    options.checkpoint?.();
    return overlapTies(citing, w, pairing).map((tie) => [wi, ...tie]);
  });
  return assembleNetworks(rows, windows.length, false, false);
}

/** Per cited patent (rows grouped by cid, ordered by rid): region rid had n citing patents in `year` (NaN: none). */
interface CitingCounts { cid: Int32Array; rid: Int32Array; year: Float64Array; n: Int32Array }

function readCitingCounts(result: DuckDBMaterializedResult): CitingCounts {
  const size = result.rowCount;
  const counts: CitingCounts = { cid: new Int32Array(size), rid: new Int32Array(size), year: new Float64Array(size), n: new Int32Array(size) };
  let at = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const [cid, rid, year, n] = [0, 1, 2, 3].map((i) => chunk.getColumnVector(i));
    for (let r = 0; r < chunk.rowCount; r++, at++) {
      counts.cid[at] = cid.getItem(r) as number;
      counts.rid[at] = rid.getItem(r) as number;
      counts.year[at] = (year.getItem(r) as number | null) ?? NaN;
      counts.n[at] = n.getItem(r) as number;
    }
  }
  return counts;
}

interface Pairing {
  names: string[];
  left: boolean[];
  right: boolean[];
  between: boolean;
  /** Whether each region may end a tie: a pair needs one such end (all true without `touching`). */
  touching: boolean[];
  weigh: (ni: number, nj: number) => number;
}

/** One window's ties as [source, target, weight], sorted by source then target. */
function overlapTies(citing: CitingCounts, w: Window, p: Pairing): Array<[string, string, number]> {
  const R = p.names.length;
  const weights = new Float64Array(R * R);
  // A NULL year (NaN) falls only in a window unbounded on both sides, as in SQL.
  const inWindow = (year: number) => (!Number.isFinite(w.from) || year >= w.from) && (!Number.isFinite(w.to) || year <= w.to);
  const members = new Int32Array(R);
  const counts = new Float64Array(R);
  const size = citing.cid.length;
  for (let start = 0; start < size; ) {
    // One cited patent: its citing regions in this window, with their patents summed over the window's years.
    let m = 0;
    let end = start;
    for (; end < size && citing.cid[end] === citing.cid[start]; end++) {
      if (!inWindow(citing.year[end])) continue;
      const rid = citing.rid[end];
      if (m > 0 && members[m - 1] === rid) counts[m - 1] += citing.n[end];
      else {
        members[m] = rid;
        counts[m++] = citing.n[end];
      }
    }
    start = end;
    for (let a = 0; a < m; a++) {
      const i = members[a];
      const row = i * R;
      if (p.between) {
        if (!p.left[i]) continue;
        for (let b = 0; b < m; b++) if (b !== a && p.right[members[b]] && (p.touching[i] || p.touching[members[b]])) weights[row + members[b]] += p.weigh(counts[a], counts[b]);
      } else {
        for (let b = a + 1; b < m; b++) if (p.touching[i] || p.touching[members[b]]) weights[row + members[b]] += p.weigh(counts[a], counts[b]);
      }
    }
  }
  const ties: Array<[string, string, number]> = [];
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < R; j++) if (weights[i * R + j] > 0) ties.push([p.names[i], p.names[j], weights[i * R + j]]);
  }
  return ties;
}
